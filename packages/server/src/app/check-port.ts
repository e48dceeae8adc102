// Before a start creates anything: is the port free to listen on? And the same words when listening fails anyway
// (another process took the port between the check and the listen).
import { createServer } from 'node:net';
import { StartupError } from '../errors/startup-error.ts';

/** A StartupError for the errors an operator can fix, undefined for anything else. */
export function listenError(
  error: NodeJS.ErrnoException,
  host: string,
  port: number,
  settings = { port: 'PORT or --port', host: 'HOST or --host' },
): StartupError | undefined {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupError(`Cannot listen on ${where}: the port is in use (another realid?). Choose another with ${settings.port}.`);
    case 'EACCES':
      return new StartupError(`Cannot listen on ${where}: not allowed (ports below 1024 need privileges). Choose another with ${settings.port}.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new StartupError(`Cannot listen on ${where}: ${host} is not an address of this machine. Fix ${settings.host}.`);
    default:
      return undefined;
  }
}

export async function checkPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen({ host, port, exclusive: true }, resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    throw listenError(error, host, port) ?? error;
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
