// Runs `realid` as a real child process (serve or worker), for crash and scale-out tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../cli/bin/realid.js', import.meta.url));

export interface RealidProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Runs `realid` to its end: its exit code and everything it printed. */
export async function runRealid(args: string[], env: Record<string, string>, user: { uid?: number; gid?: number } = {}) {
  const p = startRealid(args, env, user);
  const code = await p.exited;
  return { code, output: p.output() };
}

/** `uid`/`gid`: run as another user (a test running as root needs that to meet a permission it cannot bypass). */
export function startRealid(args: string[], env: Record<string, string>, user: { uid?: number; gid?: number } = {}): RealidProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', REALID_WEBHOOKS_ALLOW_LOOPBACK: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
