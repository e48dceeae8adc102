// Test or live: which mode the signed-in user is acting in. One value for the whole dashboard, kept across
// reloads, sent with every API call; the service shows each mode only its own checks, endpoints and secret.
import { useEffect, useState } from 'preact/hooks';

export type Mode = 'test' | 'live';

const STORAGE_KEY = 'realid.mode';
const listeners = new Set<(mode: Mode) => void>();

function stored(): Mode {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'live' ? 'live' : 'test';
  } catch {
    return 'test';
  }
}

let current: Mode = typeof localStorage === 'undefined' ? 'test' : stored();

export const currentMode = (): Mode => current;

export function setMode(mode: Mode): void {
  if (mode === current) return;
  current = mode;
  try {
    localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    // Private windows may refuse storage; the mode then lasts until the page is reloaded.
  }
  for (const listener of listeners) listener(mode);
}

export function useMode(): Mode {
  const [mode, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return mode;
}
