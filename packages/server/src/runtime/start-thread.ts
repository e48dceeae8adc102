// Starts a worker thread on one of our modules, named by its source URL: `startThread(new URL('./x-main.ts',
// import.meta.url))`. Built, the server runs the compiled `.js` beside that name; from sources, the thread loads
// the TypeScript loader first (a worker does not inherit its parent's module hooks). So a new thread entry needs
// nothing but its file: the build compiles every `.ts` under src/ and copies every other file.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** This file's own extension says which: `.js` in dist/, `.ts` in src/ (tsx, Vitest). */
const COMPILED = import.meta.url.endsWith('.js');
const LOADER = new URL('./typescript-loader.mjs', import.meta.url).href;

export function startThread(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  if (COMPILED) return new Worker(new URL(entry.href.replace(/\.ts$/, '.js')), options);
  return new Worker(entry, { ...options, execArgv: [...(options.execArgv ?? process.execArgv), '--import', LOADER] });
}
