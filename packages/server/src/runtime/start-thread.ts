// Starts a worker thread on one of our modules, named by its source URL: `startThread(new URL('./x-main.ts',
// import.meta.url))`. Built, the server runs the compiled `.js` beside that name; from sources, the thread loads
// the TypeScript loader first (a worker does not inherit its parent's module hooks). So a new thread entry needs
// nothing but its file: the build compiles every `.ts` under src/ and copies every other file.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** This file's own extension says which: `.js` in dist/, `.ts` in src/ (tsx, Vitest). */
const COMPILED = import.meta.url.endsWith('.js');
const LOADER = new URL('./typescript-loader.mjs', import.meta.url).href;

/**
 * A module that loads the TypeScript loader, then the entry. Not `execArgv: ['--import', loader]`: explicit
 * execArgv must leave out the process's V8 flags (`--expose-gc`, `--max-old-space-size`), which Node refuses there.
 */
const sourceBoot = (entry: URL): URL =>
  new URL(`data:text/javascript,${encodeURIComponent(`await import(${JSON.stringify(LOADER)});\nawait import(${JSON.stringify(entry.href)});`)}`);

/** The module to load for one of our source files: its compiled `.js` when running built. */
export const runnable = (source: string): string => (COMPILED ? source.replace(/\.ts$/, '.js') : source);

export function startThread(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  return new Worker(COMPILED ? new URL(entry.href.replace(/\.ts$/, '.js')) : sourceBoot(entry), options);
}
