// The bench's side of a pipeline's process: spawn it, call it over IPC, stop it (and kill it if it hangs).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command, Reply } from './child.ts';
import type { PipelineEnv } from './pipeline.ts';
import { PIPELINES, type PipelineName } from './pipelines.ts';

export interface PipelineProcess {
  pid: number;
  /** What its deliveries are signed with ('' for none to check). */
  secret: string;
  call<T>(command: Command, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** `env.tag` is also the processes' PostgreSQL application_name, by which the bench finds their backends. */
export async function startPipelineProcess(name: PipelineName, env: PipelineEnv): Promise<PipelineProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PEERS_PIPELINE: name, PEERS_ENV: JSON.stringify(env), PGAPPNAME: env.tag };
  delete childEnv.BENCH_DATABASE_URL;
  if ('realidOnPostgres' in PIPELINES[name]) childEnv.BENCH_DATABASE_URL = env.pgUrl;
  const child: ChildProcess = fork(CHILD, [], { execArgv: process.execArgv, env: childEnv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let seq = 0;
  child.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.seq);
    pending.delete(reply.seq);
    if (reply.error !== undefined) waiter?.reject(new Error(`${name}: ${reply.error}`));
    else waiter?.resolve(reply.result);
  });
  child.on('exit', (code, signal) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${name} exited (${code ?? signal})`));
    pending.clear();
  });
  const waitFor = <T>(id: number, timeoutMs: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name}: no answer in ${timeoutMs} ms`)), timeoutMs);
      pending.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value as T)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
  const ready = await waitFor<{ secret: string }>(0, 120_000).catch((error: Error) => {
    child.kill('SIGKILL');
    throw error;
  });
  const call = <T>(command: Command, timeoutMs = 600_000): Promise<T> => {
    const id = ++seq;
    const answer = waitFor<T>(id, timeoutMs);
    child.send({ seq: id, command });
    return answer;
  };
  return {
    pid: child.pid!,
    secret: ready.secret,
    call,
    async stop() {
      const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      try {
        await call({ cmd: 'stop' }, 60_000);
      } finally {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
