// Compiles the server's TypeScript into dist/ (same layout as src/, `.ts` imports rewritten to `.js`) and copies
// every other file beside it (SQL migrations, `.mjs` thread entries), so that production runs JavaScript with
// no compiler at run time. Runs from `npm install` (prepare), `npm start` (prestart) and the test setup, each
// time only when the sources changed.
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { TARGETS } from '../../../tools/build/build-targets.mjs';
import { buildWhenStale } from '../../../tools/build/build-when-stale.ts';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const SRC = path.join(PACKAGE_DIR, 'src');
const CONFIG = path.join(PACKAGE_DIR, 'tsconfig.build.json');

function compile(outDir: string): void {
  const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, { outDir }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`Cannot read ${CONFIG}`);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const { diagnostics } = program.emit();
  const errors = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics(), ...diagnostics];
  if (errors.length > 0) {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => '\n' };
    throw new Error(`@realid/server does not compile:\n${ts.formatDiagnostics(errors, host)}`);
  }
}

/** Copies what the compiler does not emit: every file under src/ that is not TypeScript. */
async function copyAssets(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyAssets(source, target);
    else if (!/\.(ts|tsx)$/.test(entry.name)) {
      await mkdir(to, { recursive: true });
      await copyFile(source, target);
    }
  }
}

export async function buildServer(options: { force?: boolean } = {}): Promise<'built' | 'fresh'> {
  return buildWhenStale(
    TARGETS.server,
    async (outDir) => {
      compile(outDir);
      await copyAssets(SRC, outDir);
    },
    options,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outcome = await buildServer({ force: process.argv.includes('--force') });
  console.log(outcome === 'built' ? 'Built @realid/server into packages/server/dist' : '@realid/server is up to date.');
}
