// Runs `realid` as a real child process (serve or worker), for crash and scale-out tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../cli/bin/realid.js', import.meta.url));

export interface RealidProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface RunAs {
  /** Run as another user: a test running as root needs that to meet a permission it cannot bypass. */
  uid?: number;
  gid?: number;
  /** A command that runs Node for us, e.g. `unshare … sh -c '…; exec "$@"' sh`. */
  wrapper?: string[];
}

/** Runs `realid` to its end: its exit code and everything it printed. */
export async function runRealid(args: string[], env: Record<string, string>, as: RunAs = {}) {
  const p = startRealid(args, env, as);
  const code = await p.exited;
  return { code, output: p.output() };
}

export function startRealid(args: string[], env: Record<string, string>, { wrapper = [], ...user }: RunAs = {}): RealidProcess {
  const [command, ...rest] = [...wrapper, process.execPath, BIN, ...args];
  const child = spawn(command!, rest, {
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

/** A loopback port nobody listens on right now, for a child process to take. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
