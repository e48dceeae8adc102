// The `realid` command: serve the API, run delivery workers, migrate, and manage accounts.
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config.ts';
import { accountsCommand } from './accounts-command.ts';
import { serveCommand, workerCommand, migrateCommand } from './serve-command.ts';
import { usersCommand } from './users-command.ts';

const USAGE = `Usage: realid <command> [options]

Commands:
  serve [--port N] [--host H] [--no-worker]   Serve the API, web app and (unless --no-worker) deliveries
  worker                                      Deliver webhooks only (scale-out on PostgreSQL)
  migrate                                     Apply database migrations and exit
  accounts create --name NAME [--plan free|pro|enterprise] [--minimum-age N] [--notify-email E] [--json]
  accounts list [--json]
  accounts set-plan --id ACCOUNT_ID --plan PLAN
  users create --account ACCOUNT_ID --email E [--password P]   Dashboard user (or REALID_PASSWORD=…)
  users list [--account ACCOUNT_ID] [--json]
  users set-password --email E [--password P]

Configuration: defaults, then realid.config.json (or REALID_CONFIG), then environment variables
(PORT, HOST, PUBLIC_URL, REALID_DATA_DIR, DATABASE_URL, SMTP_URL, …), then flags. See README.md.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(rest);
      case 'worker':
        return await workerCommand(rest);
      case 'migrate':
        return await migrateCommand(rest);
      case 'accounts':
        return await accountsCommand(rest);
      case 'users':
        return await usersCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 1 : 0;
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`realid: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

export { parseArgs };
