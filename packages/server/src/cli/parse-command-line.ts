// Turns argv into what to do: show help or the version, refuse a usage mistake, or run one command with its
// parsed options. Pure, and loads no command code, so `--help` and mistakes answer at once.
import { parseArgs } from 'node:util';
import { COMMANDS, GROUPS, type CommandSpec } from './command-specs.ts';
import { commandHelp, groupHelp, mainHelp } from './help-text.ts';

export type ParsedValues = Record<string, string | boolean | undefined>;

export type CommandLine =
  | { kind: 'help'; text: string; code: number }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string }
  | { kind: 'run'; command: CommandSpec; values: ParsedValues };

const HELP = new Set(['-h', '--help']);
const VERSION = new Set(['-v', '--version']);

function find(words: string[]): { command?: CommandSpec; group?: string; rest: string[] } {
  const [first, second] = words;
  const single = COMMANDS.find((c) => c.name === first);
  if (single) return { command: single, rest: words.slice(1) };
  if (first !== undefined && GROUPS.includes(first)) {
    const command = COMMANDS.find((c) => c.name === `${first} ${second}`);
    return command ? { command, rest: words.slice(2) } : { group: first, rest: words.slice(1) };
  }
  return { rest: words };
}

/** The words of `realid help accounts create`, or of `realid accounts create --help`, as a help page. */
function helpFor(words: string[]): CommandLine {
  if (words.length === 0) return { kind: 'help', text: mainHelp(), code: 0 };
  const { command, group, rest } = find(words);
  if (command) return { kind: 'help', text: commandHelp(command), code: 0 };
  if (group && rest.length === 0) return { kind: 'help', text: groupHelp(group), code: 0 };
  return { kind: 'usage-error', message: `Unknown command "${words.join(' ')}".\n\n${mainHelp()}` };
}

export function parseCommandLine(argv: string[]): CommandLine {
  const [first] = argv;
  if (first === undefined) return { kind: 'help', text: mainHelp(), code: 1 };
  if (VERSION.has(first) || first === 'version') return { kind: 'version' };
  if (HELP.has(first) || first === 'help') return helpFor(argv.slice(1));

  const { command, group, rest } = find(argv);
  const beforeDashes = rest.indexOf('--') === -1 ? rest : rest.slice(0, rest.indexOf('--'));
  if (!command) {
    if (group && (rest.length === 0 || beforeDashes.some((a) => HELP.has(a)))) {
      return { kind: 'help', text: groupHelp(group), code: rest.length === 0 ? 2 : 0 };
    }
    const what = group ? `${group} ${rest[0]}` : first;
    return { kind: 'usage-error', message: `Unknown command "${what}".\n\n${group ? groupHelp(group) : mainHelp()}` };
  }
  if (beforeDashes.some((a) => HELP.has(a))) return { kind: 'help', text: commandHelp(command), code: 0 };

  let values: ParsedValues;
  let positionals: string[];
  try {
    const options = Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.type }]));
    ({ values, positionals } = parseArgs({ args: rest, options, strict: true, allowPositionals: command.argument !== undefined }));
  } catch (error) {
    return { kind: 'usage-error', message: `${(error as Error).message}\nSee realid ${command.name} --help.` };
  }
  if (command.argument) {
    if (positionals.length !== 1) {
      const problem = positionals.length ? `takes one <${command.argument.name}>, not ${positionals.length}` : `needs <${command.argument.name}>`;
      return { kind: 'usage-error', message: `${command.name} ${problem}.\nSee realid ${command.name} --help.` };
    }
    values = { ...values, [command.argument.name]: positionals[0] };
  }
  const missing = Object.entries(command.options).filter(([name, o]) => o.required && (values[name] === undefined || values[name] === ''));
  if (missing.length > 0) {
    const flags = missing.map(([name, o]) => `--${name} ${o.value ?? ''}`.trim()).join(' and ');
    return { kind: 'usage-error', message: `${command.name} needs ${flags}.\nSee realid ${command.name} --help.` };
  }
  return { kind: 'run', command, values };
}
