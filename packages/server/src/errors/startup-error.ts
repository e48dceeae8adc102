// The service cannot start where it is (a busy port, an unreachable database, a read-only data folder): the CLI
// prints the message as one line and exits 1. Messages never hold secrets such as a DATABASE_URL's password.
export class StartupError extends Error {
  override name = 'StartupError';
}
