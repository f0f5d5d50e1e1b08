// The wawi-register command line as data: each command, its options and their help. One table for
// parsing (./parse.ts) and for help (./help.ts).
import { LANGS } from '../../../shared/lang';
import { DEFAULT_PORT, LOOPBACK_HOSTS, WAWI_PORTS } from '../../../shared/wawi-address';

export interface OptionSpec {
  /** As help and errors show it: `--wawi <address>`, `--verify`, `-V, --version`. */
  flags: string;
  help: string;
  /** Accepted but not listed (trust options a command refuses with advice). */
  hidden?: boolean;
  /** May be given more than once; the values are collected in order. */
  repeat?: boolean;
  choices?: readonly string[];
  /** The value when the option is absent. */
  default?: string;
  /** The default as help shows it, where the command decides it (e.g. --timeout). */
  defaultText?: string;
}

export interface CommandSpec {
  description: string;
  options: readonly OptionSpec[];
}

const wawi = (
  help = `the Wawi REST server, e.g. 127.0.0.1:${DEFAULT_PORT} or http://wawi-server:${DEFAULT_PORT}/api/Mandant_2`,
): OptionSpec => ({ flags: '--wawi <address>', help, repeat: true });
const app: OptionSpec = { flags: '--app <AppId>', help: 'the registered app' };
const timeout: OptionSpec = {
  flags: '--timeout <duration>',
  help: 'how long to wait for acceptance or removal (e.g. 90s, 10m)',
  defaultText: '15m',
};
const manifest = (help = "the vendor's app manifest"): OptionSpec => ({ flags: '--manifest <file>', help });
const selfSigned: OptionSpec = {
  flags: '--allow-self-signed',
  help: 'trust a self-signed certificate: pins the one presented now and prints it',
};
const fingerprint: OptionSpec = {
  flags: '--certificate-fingerprint <sha256>',
  help: 'accept exactly the certificate with this SHA-256 fingerprint',
};
const insecureHttp: OptionSpec = {
  flags: '--allow-insecure-http',
  help: 'allow plain http to another computer (unencrypted!)',
};
/**
 * The trust options on a command that does not decide trust: accepted, so that the command can refuse
 * them with advice (program.ts, misplacedTrustFlag) instead of a bare "unknown option".
 */
const refusedTrust: OptionSpec[] = [selfSigned, fingerprint, insecureHttp].map((o) => ({
  ...o,
  hidden: true,
}));

/** Options of every command. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flags: '--json', help: 'machine-readable output on stdout (one JSON document)' },
  { flags: '--lang <lang>', help: 'language', choices: LANGS, defaultText: 'from the system' },
  { flags: '--verbose', help: 'log to stderr as well' },
  { flags: '--result-file <path>', help: 'write the outcome as JSON to this file (never the key)' },
];
export const VERSION_OPTION: OptionSpec = { flags: '-V, --version', help: 'print the version' };
export const HELP_OPTION: OptionSpec = { flags: '-h, --help', help: 'show the help of a command' };

const table = {
  discover: {
    description: `find Wawi REST servers on this computer (${LOOPBACK_HOSTS.join(' and ')}, ports ${WAWI_PORTS.join(' and ')})`,
    options: [wawi('probe this address too (more than once allowed)'), ...refusedTrust],
  },
  register: {
    description: 'register the app described by the manifest',
    options: [
      manifest(),
      wawi(),
      timeout,
      { flags: '--show-key', help: 'print the API key after registering (with a warning)' },
      selfSigned,
      fingerprint,
      insecureHttp,
      {
        flags: '--no-wait-for-dialog',
        help: "fail at once (exit 20) when Wawi's registration dialog is not open, instead of waiting for it",
      },
      { flags: '--demo', help: 'register a demo app against an embedded simulator' },
      {
        flags: '--another-instance',
        help: 'register a further instance of a MultiInstance app registered here',
      },
      app,
    ],
  },
  'check-manifest': {
    description: 'check a manifest without sending anything to Wawi (asks its SignatureProvider)',
    options: [manifest(), ...refusedTrust],
  },
  status: { description: 'registrations waiting for acceptance (pending)', options: refusedTrust },
  resume: {
    description: 'continue the pending registrations (all at once)',
    options: [timeout, ...refusedTrust],
  },
  discard: {
    description: 'drop a pending registration on this computer',
    options: [app, wawi(), ...refusedTrust],
  },
  list: {
    description: 'registrations on this computer',
    options: [{ flags: '--verify', help: 'check every key' }, ...refusedTrust],
  },
  verify: {
    description: 'check a stored key with a read endpoint its scopes allow',
    options: [app, wawi(), ...refusedTrust],
  },
  rotate: {
    description: 'you remove the app in Wawi; the helper registers again and replaces the key',
    options: [
      app,
      wawi(),
      manifest('the manifest to register again with (default: the one kept here)'),
      timeout,
      ...refusedTrust,
    ],
  },
  revoke: {
    description: 'you remove the app in Wawi; once the key gets 401 it is deleted here',
    options: [
      app,
      wawi(),
      { flags: '--local-only', help: 'forget it on this computer only (the app stays registered in Wawi)' },
      timeout,
      ...refusedTrust,
    ],
  },
  trust: {
    description: 'trust a registered server again (renewed certificate, plain http)',
    options: [
      app,
      wawi(),
      { ...fingerprint, help: 'accept exactly the certificate with this fingerprint' },
      insecureHttp,
      { ...selfSigned, hidden: true },
    ],
  },
  sim: {
    description: 'start the Wawi simulator',
    options: [
      { flags: '--port <port>', help: 'port (0: any free one)', default: String(DEFAULT_PORT) },
      { flags: '--host <host>', help: 'listen address', default: '127.0.0.1' },
      { flags: '--db <name>', help: 'a database (Mandant); more than once for several', repeat: true },
      { flags: '--auto-accept <ms>', help: 'accept each request this many ms after it arrives' },
      { flags: '--state <file>', help: 'keep registrations in this file across restarts' },
      ...refusedTrust,
    ],
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof table;
export const COMMANDS: Readonly<Record<CommandName, CommandSpec>> = table;

/** The options a command accepts: its own, the global ones, help and version. */
export function optionsOf(name: CommandName | undefined): OptionSpec[] {
  return [...(name ? COMMANDS[name].options : []), ...GLOBAL_OPTIONS, VERSION_OPTION, HELP_OPTION];
}

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** What the flags of an option say: its names, whether it takes a value, and its key in Options. */
export function flagParts(spec: OptionSpec): {
  long: string;
  short?: string;
  takesValue: boolean;
  /** `--result-file` → resultFile; `--no-wait-for-dialog` → waitForDialog (negated). */
  key: string;
  negated: boolean;
} {
  const m = spec.flags.match(/^(?:-([A-Za-z]), )?--([a-z][a-z-]*)( <[^>]+>)?$/);
  if (!m) throw new Error(`option flags not understood: ${spec.flags}`);
  const long = m[2]!;
  const negated = long.startsWith('no-');
  const key = (negated ? long.slice(3) : long).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return { long, ...(m[1] ? { short: m[1] } : {}), takesValue: m[3] !== undefined, key, negated };
}
