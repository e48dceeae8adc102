// Every `realid` command: its words, what it does, its options, and (loaded only when it runs) its code. Help
// text and option parsing both come from here, so they cannot disagree; `--help` loads nothing else.
import type { ParsedValues } from './parse-command-line.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder in help, e.g. `N` for `--port N`. */
  value?: string;
  help: string;
  required?: boolean;
}

/** A word after the command that is not an option, e.g. the event of `realid trigger check.completed`. */
export interface ArgumentSpec {
  /** Its key in the parsed values, and its placeholder in help (`<event>`). */
  name: string;
  help: string;
}

export interface CommandSpec {
  /** One or two words: `serve`, `accounts create`. */
  name: string;
  /** One required argument, when the command takes one. */
  argument?: ArgumentSpec;
  summary: string;
  /** A paragraph for the command's own help page, after the summary. */
  details?: string;
  options: Record<string, OptionSpec>;
  run: () => Promise<(values: ParsedValues) => Promise<number>>;
}

const json: OptionSpec = { type: 'boolean', help: 'Print JSON' };
const apiUrl: OptionSpec = { type: 'string', value: 'URL', help: 'The realid server (default REALID_API_URL, or http://localhost:4000)' };
const apiKey: OptionSpec = {
  type: 'string',
  value: 'KEY',
  help: 'An API key (sk_test_… or sk_live_…); better, set REALID_API_KEY (out of shell history and `ps`)',
};
const password: OptionSpec = {
  type: 'string',
  value: 'P',
  help: 'The password; better, set REALID_PASSWORD (it stays out of shell history and `ps`)',
};

export const COMMANDS: CommandSpec[] = [
  {
    name: 'serve',
    summary: 'Serve the API, the web app and (unless --no-worker) webhook deliveries',
    details: 'Stops on SIGTERM or SIGINT after the deliveries in flight finish.',
    options: {
      port: { type: 'string', value: 'N', help: 'Port to listen on (default 4000, or PORT)' },
      host: { type: 'string', value: 'H', help: 'Address to listen on (default 0.0.0.0, or HOST)' },
      'data-dir': { type: 'string', value: 'DIR', help: 'Data folder (default ./data, or REALID_DATA_DIR)' },
      'no-worker': { type: 'boolean', help: 'Do not deliver webhooks from this process (run `realid worker` elsewhere)' },
    },
    run: async () => (await import('./serve-command.ts')).serveCommand,
  },
  {
    name: 'worker',
    summary: 'Deliver webhooks only (scale-out on PostgreSQL)',
    details: 'Stops on SIGTERM or SIGINT after the deliveries in flight finish.',
    options: {},
    run: async () => (await import('./serve-command.ts')).workerCommand,
  },
  {
    name: 'migrate',
    summary: 'Apply database migrations and exit',
    details: 'Optional: every process applies pending migrations safely when it starts.',
    options: {},
    run: async () => (await import('./serve-command.ts')).migrateCommand,
  },
  {
    name: 'accounts create',
    summary: 'Create a merchant account with a test and a live API key',
    details: 'The keys and the signing secret are printed once; only their hashes are stored.',
    options: {
      name: { type: 'string', value: 'NAME', help: "The merchant's name", required: true },
      plan: { type: 'string', value: 'PLAN', help: 'free, pro or enterprise (default enterprise; webhooks need enterprise)' },
      'minimum-age': { type: 'string', value: 'N', help: 'Minimum customer age for checks, 0 to 125' },
      'notify-email': { type: 'string', value: 'E', help: 'Where notices about failing webhook endpoints go' },
      'retention-days': { type: 'string', value: 'N', help: 'Days finished checks keep their personal data, 1 to 3650 (default 90)' },
      json,
    },
    run: async () => (await import('./accounts-command.ts')).createAccountCommand,
  },
  {
    name: 'accounts list',
    summary: 'List merchant accounts',
    options: { json },
    run: async () => (await import('./accounts-command.ts')).listAccountsCommand,
  },
  {
    name: 'accounts set-plan',
    summary: "Change an account's plan",
    options: {
      id: { type: 'string', value: 'ACCOUNT_ID', help: 'The account (acct_…)', required: true },
      plan: { type: 'string', value: 'PLAN', help: 'free, pro or enterprise', required: true },
    },
    run: async () => (await import('./accounts-command.ts')).setPlanCommand,
  },
  {
    name: 'accounts set-retention',
    summary: 'Change how long finished checks keep their personal data and photos',
    options: {
      id: { type: 'string', value: 'ACCOUNT_ID', help: 'The account (acct_…)', required: true },
      days: { type: 'string', value: 'N', help: 'Days after a check finishes, 1 to 3650 (default for new accounts: 90)', required: true },
    },
    run: async () => (await import('./accounts-command.ts')).setRetentionCommand,
  },
  {
    name: 'listen',
    summary: "Forward the account's events to a local URL, signed as webhook deliveries",
    details:
      "Subscribes to the events of the API key's account and mode (a test key: test events only) on a realid server, over " +
      'server-sent events, and POSTs each one to --forward-to with the Standard Webhooks and X-Real-ID-Signature headers, ' +
      'signed with a secret for this session (whsec_…, printed at start) unless --secret gives one. Prints one line per event ' +
      'with the answer. After a lost connection it resumes where it stopped (Last-Event-ID), so no event is lost. Stops on ' +
      'SIGINT or SIGTERM.',
    options: {
      'forward-to': { type: 'string', value: 'URL', help: 'Where to POST each event, e.g. http://localhost:3000/hooks', required: true },
      events: { type: 'string', value: 'TYPES', help: 'Only these event types, comma-separated (default: all eight)' },
      'api-url': apiUrl,
      'api-key': apiKey,
      secret: { type: 'string', value: 'WHSEC', help: 'Sign with this whsec_… secret instead of a new one per session' },
    },
    run: async () => (await import('./listen-command.ts')).listenCommand,
  },
  {
    name: 'trigger',
    argument: {
      name: 'event',
      help:
        'check.delivered, check.opened, check.submitted-photo, check.completed, check.failed, customer.data_request, ' +
        'customer.manual_review_requested or customer.data_deletion_request',
    },
    summary: 'Create a test check and drive it to an event',
    details:
      'Creates a test check with a test API key and has the server drive it to the event (POST /checks/trigger): the test ' +
      "simulator for the check.* events, the customer's privacy request for the customer.* ones. The check's earlier events " +
      '(check.delivered, check.opened, …) are emitted on the way. The server checks every argument first, so a refused one ' +
      'creates nothing. Prints the check and its customer link.',
    options: {
      reason: { type: 'string', value: 'CODE', help: 'For check.failed: the final reason code (default document_expired)' },
      'api-url': apiUrl,
      'api-key': apiKey,
      json,
    },
    run: async () => (await import('./trigger-command.ts')).triggerCommand,
  },
  {
    name: 'keys rotate',
    summary: 'Re-wrap every data key under a new master key, without downtime',
    details:
      'With a key file: adds a new current key, waits for running processes to read it, re-wraps every data key, then removes the old key ' +
      '(copies made before, such as backups, can no longer be decrypted with the file). With REALID_ENCRYPTION_KEY: set the new key there and ' +
      'the old one in REALID_PREVIOUS_ENCRYPTION_KEYS on every process first; this re-wraps everything under the new one.',
    options: {
      'grace-seconds': { type: 'string', value: 'N', help: 'How long to wait for running processes to pick up the new key file (default 5)' },
      'keep-old': { type: 'boolean', help: 'Keep the old key in the key file (it can still decrypt older backups)' },
    },
    run: async () => (await import('./keys-command.ts')).rotateKeysCommand,
  },
  {
    name: 'keys status',
    summary: 'Show the current master key and how many data keys each master key wraps',
    options: { json },
    run: async () => (await import('./keys-command.ts')).keysStatusCommand,
  },
  {
    name: 'users create',
    summary: 'Create a dashboard user for an account',
    options: {
      account: { type: 'string', value: 'ACCOUNT_ID', help: 'The account (acct_…)', required: true },
      email: { type: 'string', value: 'E', help: 'Their sign-in email', required: true },
      password,
      json,
    },
    run: async () => (await import('./users-command.ts')).createUserCommand,
  },
  {
    name: 'users list',
    summary: 'List dashboard users',
    options: { account: { type: 'string', value: 'ACCOUNT_ID', help: "Only this account's users" }, json },
    run: async () => (await import('./users-command.ts')).listUsersCommand,
  },
  {
    name: 'users set-password',
    summary: "Set a dashboard user's password and sign out their sessions",
    options: { email: { type: 'string', value: 'E', help: 'Their sign-in email', required: true }, password },
    run: async () => (await import('./users-command.ts')).setPasswordCommand,
  },
];

/** Command groups (`accounts`, `users`): the first word of two-word commands. */
export const GROUPS = [...new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]!))];
