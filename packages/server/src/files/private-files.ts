// Before creating anything, a start checks that it can: the folders it writes in, the files it opens.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../errors/startup-error.ts';

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
