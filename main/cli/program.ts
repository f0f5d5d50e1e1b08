// The wawi-register command line: the command and its options (./args/), help and --version, and exit
// code 2 for usage errors. Only this and the table load for --help; a command's code loads when it runs.
import { EXIT_CODES } from '../../shared/errors/meta';
import { inertJson } from '../../shared/printable';
import { helpText } from './args/help';
import { parseLine } from './args/parse';
import type { CommandName } from './args/spec';
import type { Options } from './context';
import type { CliIO } from './io';
import { HELPER_VERSION } from './version';

/**
 * Parses the command line. Returns the command and its options, or an exit code when nothing is left
 * to run (help shown, usage error).
 */
export async function parseCommandLine(
  argv: string[],
  io: Pick<CliIO, 'stdout' | 'stderr'>,
): Promise<{ name: CommandName; options: Options } | number> {
  const line = parseLine(argv);
  const columns = (stream: object) => (stream as { columns?: number }).columns;
  switch (line.kind) {
    case 'run':
      return { name: line.name, options: line.options };
    case 'help':
      io.stdout.write(helpText(line.name, columns(io.stdout)));
      return 0;
    case 'version':
      io.stdout.write(`${HELPER_VERSION}\n`);
      return 0;
    case 'invalid': {
      if (line.noCommand) io.stderr.write(helpText(undefined, columns(io.stderr)));
      else {
        const hint = line.name
          ? `(wawi-register ${line.name} --help lists its options)`
          : '(wawi-register --help lists the commands and options)';
        io.stderr.write(`error: ${line.message}\n${hint}\n`);
      }
      return usageError(argv, io, line.message.replace(/\n.*/s, ''));
    }
  }
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
