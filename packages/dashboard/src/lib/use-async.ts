// Loads data for a component: the value, the error, whether it is loading, and a way to load it again.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface AsyncState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => Promise<void>;
}

export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(async () => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setLoading(true);
    try {
      const value = await load(mine.signal);
      if (mine.signal.aborted) return;
      setData(value);
      setError(undefined);
    } catch (e) {
      if (mine.signal.aborted) return;
      setError(e as Error);
    } finally {
      if (!mine.signal.aborted) setLoading(false);
    }
  }, deps); // The caller lists what `load` depends on, as with useEffect.

  useEffect(() => {
    void run();
    return () => controller.current?.abort();
  }, [run]);

  return { data, error, loading, reload: run };
}
