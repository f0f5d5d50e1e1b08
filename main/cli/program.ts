// The wawi-register command line: commands with their own options and help (commander), exit code 2
// for usage errors. Only this and commander load for --help; a command's code loads when it runs.
import { Command, CommanderError, Option } from 'commander';
import { EXIT_CODES, exitOutcomes } from '../../shared/errors/meta';
import { LANGS } from '../../shared/lang';
import { inertJson } from '../../shared/printable';
import { DEFAULT_PORT, LOOPBACK_HOSTS, WAWI_PORTS } from '../../shared/wawi-address';
import type { Options } from './context';
import type { CliIO } from './io';
import { HELPER_VERSION } from './version';

export type CommandName =
  | 'discover'
  | 'register'
  | 'check-manifest'
  | 'status'
  | 'resume'
  | 'discard'
  | 'list'
  | 'verify'
  | 'rotate'
  | 'revoke'
  | 'trust'
  | 'sim';

/** The exit codes, from the one table (shared/errors/meta.ts), wrapped for a terminal. */
function exitHelp(): string {
  const items = exitOutcomes().map(([exit, outcome]) => `${exit} ${outcome}`);
  const lines = ['Exit codes:'];
  for (const item of items) {
    const last = lines.length - 1;
    if (`${lines[last]} ${item},`.length > 100) lines.push(`${item},`);
    else lines[last] = `${lines[last]} ${item},`;
  }
  lines[lines.length - 1] = lines[lines.length - 1]!.replace(/,$/, '.');
  return lines.join('\n');
}

const EXIT_HELP = `
${exitHelp()}

Ctrl+C stops waiting; a request that is still waiting in JTL-Wawi is kept, and "resume" collects
its key later. While an accepted key waits for a locked keychain, Ctrl+C first only warns.`;

const collect = (value: string, previous: string[] = []) => [...previous, value];
const wawi = (
  what = `the Wawi REST server, e.g. 127.0.0.1:${DEFAULT_PORT} or http://wawi-server:${DEFAULT_PORT}/api/Mandant_2`,
) => new Option('--wawi <address>', what).argParser(collect);
const app = () => new Option('--app <AppId>', 'the registered app');
const timeout = () =>
  new Option('--timeout <duration>', 'how long to wait for acceptance or removal (e.g. 90s, 10m)').default(
    undefined,
    '15m',
  );
const TRUST_FLAGS = ['--allow-self-signed', '--certificate-fingerprint <sha256>', '--allow-insecure-http'];

/** Trust options on a command that does not decide trust: accepted, then refused with advice. */
function refusesTrustFlags(cmd: Command): Command {
  for (const flag of TRUST_FLAGS) cmd.addOption(new Option(flag).hideHelp());
  return cmd;
}

/**
 * Parses the command line. Returns the command and its options, or an exit code when nothing is left
 * to run (help shown, usage error).
 */
export async function parseCommandLine(
  argv: string[],
  io: Pick<CliIO, 'stdout' | 'stderr'>,
): Promise<{ name: CommandName; options: Options } | number> {
  let chosen: { name: CommandName; options: Options } | undefined;
  const program = new Command('wawi-register')
    .description('Connect an app to JTL-Wawi; the API key is kept in the OS keychain.')
    .addOption(new Option('--json', 'machine-readable output on stdout (one JSON document)'))
    .addOption(new Option('--lang <lang>', 'language (default: from the system)').choices(LANGS))
    .option('--verbose', 'log to stderr as well')
    .option('--result-file <path>', 'write the outcome as JSON to this file (never the key)')
    .version(HELPER_VERSION, '-V, --version', 'print the version')
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError('(wawi-register --help lists the commands and options)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });
  const add = (name: CommandName, description: string) => {
    const cmd = program.command(name).description(description).exitOverride();
    cmd.action((_opts, command: Command) => {
      chosen = { name, options: command.optsWithGlobals() as Options };
    });
    return cmd;
  };

  refusesTrustFlags(
    add(
      'discover',
      `find Wawi REST servers on this computer (${LOOPBACK_HOSTS.join(' and ')}, ports ${WAWI_PORTS.join(' and ')})`,
    ),
  ).addOption(wawi('probe this address too (more than once allowed)'));
  add('register', 'register the app described by the manifest')
    .option('--manifest <file>', "the vendor's app manifest")
    .addOption(wawi())
    .addOption(timeout())
    .option('--show-key', 'print the API key after registering (with a warning)')
    .option(
      '--allow-self-signed',
      'trust a self-signed certificate: pins the one presented now and prints it',
    )
    .option(
      '--certificate-fingerprint <sha256>',
      'accept exactly the certificate with this SHA-256 fingerprint',
    )
    .option('--allow-insecure-http', 'allow plain http to another computer (unencrypted!)')
    .option(
      '--no-wait-for-dialog',
      "fail at once (exit 20) when Wawi's registration dialog is not open, instead of waiting for it",
    )
    .option('--demo', 'register a demo app against an embedded simulator')
    .option('--another-instance', 'register a further instance of a MultiInstance app registered here')
    .addOption(app());
  refusesTrustFlags(
    add('check-manifest', 'check a manifest without sending anything to Wawi (asks its SignatureProvider)'),
  ).option('--manifest <file>', "the vendor's app manifest");
  refusesTrustFlags(add('status', 'registrations waiting for acceptance (pending)'));
  refusesTrustFlags(add('resume', 'continue the pending registrations (all at once)')).addOption(timeout());
  refusesTrustFlags(add('discard', 'drop a pending registration on this computer'))
    .addOption(app())
    .addOption(wawi());
  refusesTrustFlags(add('list', 'registrations on this computer')).option('--verify', 'check every key');
  refusesTrustFlags(add('verify', 'check a stored key with a read endpoint its scopes allow'))
    .addOption(app())
    .addOption(wawi());
  refusesTrustFlags(
    add('rotate', 'you remove the app in Wawi; the helper registers again and replaces the key'),
  )
    .addOption(app())
    .addOption(wawi())
    .option('--manifest <file>', 'the manifest to register again with (default: the one kept here)')
    .addOption(timeout());
  refusesTrustFlags(add('revoke', 'you remove the app in Wawi; once the key gets 401 it is deleted here'))
    .addOption(app())
    .addOption(wawi())
    .option('--local-only', 'forget it on this computer only (the app stays registered in Wawi)')
    .addOption(timeout());
  add('trust', 'trust a registered server again (renewed certificate, plain http)')
    .addOption(app())
    .addOption(wawi())
    .option('--certificate-fingerprint <sha256>', 'accept exactly the certificate with this fingerprint')
    .option('--allow-insecure-http', 'allow plain http to another computer (unencrypted!)')
    .addOption(new Option('--allow-self-signed').hideHelp());
  refusesTrustFlags(add('sim', 'start the Wawi simulator'))
    .option('--port <port>', 'port (0: any free one)', String(DEFAULT_PORT))
    .option('--host <host>', 'listen address', '127.0.0.1')
    .option('--db <name>', 'a database (Mandant); more than once for several', collect)
    .option('--auto-accept <ms>', 'accept each request this many ms after it arrives')
    .option('--state <file>', 'keep registrations in this file across restarts');

  const asks = ['--help', '-h', '--version', '-V'];
  if (!argv.some((a) => !a.startsWith('-')) && !argv.some((a) => asks.includes(a))) {
    io.stderr.write(program.helpInformation());
    return usageError(argv, io, 'No command given.');
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError)
      return err.exitCode === 0 ? 0 : usageError(argv, io, err.message.replace(/^error: /, ''));
    throw err;
  }
  return chosen ?? EXIT_CODES.usage;
}

/** A trust option given to a command that does not decide trust: what to do instead. */
export function misplacedTrustFlag(name: CommandName, options: Options): string | undefined {
  const allowed: [keyof Options, string, CommandName[]][] = [
    ['allowSelfSigned', 'allow-self-signed', ['register']],
    ['certificateFingerprint', 'certificate-fingerprint', ['register', 'trust']],
    ['allowInsecureHttp', 'allow-insecure-http', ['register', 'trust']],
  ];
  for (const [key, flag, commands] of allowed) {
    if (options[key] === undefined || commands.includes(name)) continue;
    return `--${flag} only applies to ${commands.join(' and ')}: a registration keeps the trust it was made with. To trust a renewed certificate or plain http for a registered app, run "wawi-register trust --app <AppId>".`;
  }
  return undefined;
}

/**
 * A usage error (exit 2): the message is on stderr already; with --json, stdout gets the document a
 * script reads, as for every other outcome.
 */
export function usageError(argv: string[], io: Pick<CliIO, 'stdout'>, message: string): number {
  const exitCode = EXIT_CODES.usage;
  if (argv.includes('--json'))
    io.stdout.write(`${inertJson({ ok: false, exitCode, error: { code: 'usage', message } }, 2)}\n`);
  return exitCode;
}
