// The text of `realid --help` and of each command's `--help`, made from the command table.
import { COMMANDS, type CommandSpec, type OptionSpec } from './command-specs.ts';

const CONFIGURATION = `Configuration: defaults, then realid.config.json (or REALID_CONFIG), then environment variables
(PORT, HOST, PUBLIC_URL, REALID_DATA_DIR, DATABASE_URL, SMTP_URL, …), then flags. See README.md.`;

const HELP_OPTION = '  -h, --help';

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 3;
  return rows.map(([left, right]) => `${left.padEnd(width)}${right}`.trimEnd()).join('\n');
}

/** Wraps a paragraph at 100 columns, as the rest of the help is laid out. */
function wrap(text: string): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= 100) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

const flag = (name: string, option: OptionSpec): string => `--${name}${option.value ? ` ${option.value}` : ''}`;

export function mainHelp(): string {
  return [
    'Usage: realid <command> [options]',
    '',
    'Commands:',
    table(COMMANDS.map((c) => [`  ${c.name}`, c.summary])),
    '',
    'Options:',
    table([
      [HELP_OPTION, 'Show help (also after a command: realid serve --help)'],
      ['  -v, --version', 'Show the version'],
    ]),
    '',
    CONFIGURATION,
  ].join('\n');
}

export function commandHelp(command: CommandSpec): string {
  const required = Object.entries(command.options).filter(([, o]) => o.required);
  const usage = [`realid ${command.name}`, ...(command.argument ? [`<${command.argument.name}>`] : []), ...required.map(([name, o]) => flag(name, o))];
  if (required.length < Object.keys(command.options).length) usage.push('[options]');
  const options: [string, string][] = Object.entries(command.options).map(([name, o]) => [
    `  ${flag(name, o)}`,
    o.required ? `${o.help} (required)` : o.help,
  ]);
  options.push([HELP_OPTION, 'Show this help']);
  return [
    `Usage: ${usage.join(' ')}`,
    '',
    wrap(`${command.summary}.${command.details ? ` ${command.details}` : ''}`),
    '',
    ...(command.argument ? ['Arguments:', `  <${command.argument.name}>`, wrap(command.argument.help).replace(/^/gm, '      '), ''] : []),
    'Options:',
    table(options),
  ].join('\n');
}

export function groupHelp(group: string): string {
  const commands = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  return [`Usage: realid ${group} <command> [options]`, '', 'Commands:', table(commands.map((c) => [`  ${c.name}`, c.summary])), '', `Run realid ${group} <command> --help for its options.`].join('\n');
}
