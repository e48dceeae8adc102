// The `realid` command: serve the API, run delivery workers, migrate, and manage accounts and users. Only the
// command that runs is loaded, so help, the version and usage mistakes answer without starting anything.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/config.ts';
import { StartupError } from '../errors/startup-error.ts';
import { parseCommandLine } from './parse-command-line.ts';

/** Exit codes: 2 for a mistake in the command line or configuration, 1 for a start that could not happen. */
export async function main(argv: string[]): Promise<number> {
  const line = parseCommandLine(argv);
  switch (line.kind) {
    case 'help':
      (line.code === 0 ? console.log : console.error)(line.text);
      return line.code;
    case 'version': {
      // The same relative path from src/cli and from dist/cli.
      const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      console.log(`realid ${version}`);
      return 0;
    }
    case 'usage-error':
      console.error(`realid: ${line.message}`);
      return 2;
    case 'run':
      try {
        return await (await line.command.run())(line.values);
      } catch (error) {
        if (error instanceof ConfigError) {
          console.error(`realid: ${error.message}`);
          return 2;
        }
        if (error instanceof StartupError) {
          console.error(`realid: ${error.message}`);
          return 1;
        }
        throw error;
      }
  }
}
