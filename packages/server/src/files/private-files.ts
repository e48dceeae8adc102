// What realid keeps on disk (the data folder, the SQLite database and its WAL, encrypted photos, the key file)
// is for its own user only: folders 0700, files 0600. Before creating anything, a start checks that it can.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../errors/startup-error.ts';

export const PRIVATE_FOLDER = 0o700;
export const PRIVATE_FILE = 0o600;

/** File modes mean nothing on Windows (and Node reports them as 0666 there). */
const MODES_APPLY = process.platform !== 'win32';

const user = (): string => (process.getuid ? `user ${process.getuid()}` : 'this user');

/**
 * Throws a StartupError unless `dir` is a folder this process can write in, or can be created (its nearest
 * existing ancestor is a writable folder). Creates nothing. `what` names it in the message: "The data folder".
 */
export function checkFolderUsable(dir: string, what: string): void {
  const target = path.resolve(dir);
  let existing = target;
  for (;;) {
    let info;
    try {
      info = statSync(existing, { throwIfNoEntry: false });
    } catch (error) {
      throw new StartupError(`${what} ${target} cannot be reached by ${user()} (${(error as NodeJS.ErrnoException).code}).`);
    }
    if (info) {
      if (!info.isDirectory()) throw new StartupError(`${what} ${target} cannot be used: ${existing} is not a folder.`);
      break;
    }
    existing = path.dirname(existing);
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = existing === target ? `${what} ${target}` : `${what} ${target} cannot be created: ${existing}`;
    if (code === 'EROFS') throw new StartupError(`${where} is on a read-only file system.`);
    throw new StartupError(`${where} is not writable by ${user()} (${code}).`);
  }
}

/** Throws a StartupError if `file` exists but this process cannot read and write it. */
export function checkFileUsable(file: string, what: string): void {
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'EROFS') throw new StartupError(`${what} ${path.resolve(file)} is on a read-only file system.`);
    throw new StartupError(`${what} ${path.resolve(file)} cannot be read and written by ${user()} (${code}).`);
  }
}

/** Creates `dir` and any missing parents with mode 0700; an existing folder is left as it is. */
export function createPrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
}

/** Those of `paths` that exist and that other users (group or others) may read, write or enter. */
export function openToOthers(paths: string[]): string[] {
  if (!MODES_APPLY) return [];
  return paths.filter((p) => {
    const info = statSync(p, { throwIfNoEntry: false });
    return info !== undefined && (info.mode & 0o077) !== 0;
  });
}

/** `0755`: a mode as `ls -l` and chmod think of it. */
export const modeOf = (p: string): string => (statSync(p).mode & 0o777).toString(8).padStart(4, '0');
