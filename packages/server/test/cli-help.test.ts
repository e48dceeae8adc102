// The command line's help, parsing and README agree: the README shows `realid --help` as it is, and every
// `realid` command the README tells an operator to type names a real command with options it accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/command-specs.ts';
import { mainHelp } from '../src/cli/help-text.ts';
import { parseCommandLine } from '../src/cli/parse-command-line.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The words after `realid` on each README line that runs it, quotes removed, up to a `#` comment. */
function readmeInvocations(): string[][] {
  const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks
    .flatMap((block) => block.split('\n'))
    .filter((line) => /(^|\s)npx realid\s/.test(line) && !line.startsWith('$ '))
    .map((line) => {
      const tokens = line.slice(line.indexOf('npx realid ') + 'npx realid '.length).match(/"[^"]*"|'[^']*'|\S+/g)!;
      const end = tokens.findIndex((t) => t.startsWith('#'));
      return (end === -1 ? tokens : tokens.slice(0, end)).map((t) => t.replace(/^["']|["']$/g, ''));
    });
}

describe('realid help', () => {
  it('is shown in the README exactly as the command prints it', () => {
    const shown = /```\n\$ npx realid --help\n([\s\S]*?)```/.exec(readme);
    expect(shown?.[1]).toBe(`${mainHelp()}\n`);
  });

  it('shows the example receiver exactly as examples/receiver.mjs holds it', () => {
    const receiver = readFileSync(new URL('../../../examples/receiver.mjs', import.meta.url), 'utf8');
    expect(/```js\n([\s\S]*?)```/.exec(readme)?.[1]).toBe(receiver);
  });

  it('accepts every realid command line in the README', () => {
    const invocations = readmeInvocations();
    expect(invocations.length).toBeGreaterThanOrEqual(6);
    for (const words of invocations) {
      const line = parseCommandLine(words);
      expect({ words, kind: line.kind }).toEqual({ words, kind: words.includes('--help') ? 'help' : 'run' });
    }
  });

  it('answers --help for every command and group, before looking at the other options', () => {
    for (const command of COMMANDS) {
      const line = parseCommandLine([...command.name.split(' '), '--unknown', '--help']);
      expect(line).toMatchObject({ kind: 'help', code: 0, text: expect.stringContaining(`Usage: realid ${command.name}`) });
      for (const option of Object.keys(command.options)) expect((line as { text: string }).text).toContain(`--${option}`);
    }
    expect(parseCommandLine(['accounts', '--help'])).toMatchObject({ kind: 'help', code: 0, text: expect.stringContaining('accounts set-plan') });
    expect(parseCommandLine(['help', 'users', 'create'])).toMatchObject({ kind: 'help', text: expect.stringContaining('--account ACCOUNT_ID') });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
  });

  it('refuses unknown commands and options, and missing required options, as usage mistakes', () => {
    expect(parseCommandLine(['accounts', 'frob'])).toMatchObject({ kind: 'usage-error', message: expect.stringContaining('Unknown command "accounts frob"') });
    expect(parseCommandLine(['serve', '--prot', '1'])).toMatchObject({ kind: 'usage-error', message: expect.stringContaining("Unknown option '--prot'") });
    expect(parseCommandLine(['accounts', 'set-plan', '--id', 'acct_1'])).toMatchObject({ kind: 'usage-error', message: expect.stringContaining('needs --plan PLAN') });
    expect(parseCommandLine(['accounts', 'list', '--name', 'x'])).toMatchObject({ kind: 'usage-error' });
    expect(parseCommandLine(['serve', '--port', '4001', '--no-worker'])).toMatchObject({ kind: 'run', values: { port: '4001', 'no-worker': true } });
    expect(parseCommandLine(['serve', 'extra'])).toMatchObject({ kind: 'usage-error', message: expect.stringContaining("Unexpected argument 'extra'") });
  });

  it('takes the one argument a command names, and refuses none or two', () => {
    expect(parseCommandLine(['trigger', 'check.failed', '--reason', 'underage'])).toMatchObject({ kind: 'run', values: { event: 'check.failed', reason: 'underage' } });
    expect(parseCommandLine(['trigger'])).toMatchObject({ kind: 'usage-error', message: expect.stringContaining('trigger needs <event>') });
    expect(parseCommandLine(['trigger', 'check.opened', 'check.failed'])).toMatchObject({ kind: 'usage-error', message: expect.stringContaining('takes one <event>, not 2') });
    expect(parseCommandLine(['trigger', '--help'])).toMatchObject({ kind: 'help', text: expect.stringContaining('Usage: realid trigger <event> [options]') });
    expect(parseCommandLine(['listen'])).toMatchObject({ kind: 'usage-error', message: expect.stringContaining('listen needs --forward-to URL') });
  });
});
