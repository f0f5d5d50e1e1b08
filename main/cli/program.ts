// The wawi-register command line: the command and its options (./args/), help and --version, and exit
// code 2 for usage errors. Only this and the table load for --help; a command's code loads when it runs.
import { EXIT_CODES } from '../../shared/errors/meta';
import { isLang, type Lang } from '../../shared/lang';
import { inertJson } from '../../shared/printable';
import type { CommandName } from './args/commands';
import { helpText } from './args/help';
import { parseLine } from './args/parse';
import { LINE_TEXTS } from './args/texts';
import type { Options } from './context';
import type { CliIO } from './io';
import { systemLang } from './output/texts';
import { HELPER_VERSION } from './version';

/**
 * Parses the command line. Returns the command and its options, or the exit code (and a usage error's
 * reason) when nothing is left to run. Help and errors speak --lang, else the system's language.
 */
export async function parseCommandLine(
  argv: string[],
  io: Pick<CliIO, 'stdout' | 'stderr' | 'env'>,
): Promise<{ name: CommandName; options: Options } | { exit: number; reason?: string }> {
  const line = parseLine(argv);
  const lang = langOfLine(argv) ?? systemLang(io.env);
  switch (line.kind) {
    case 'run':
      return { name: line.name, options: line.options };
    case 'help':
      io.stdout.write(helpText(line.name, lang, io.stdout.columns));
      return { exit: 0 };
    case 'version':
      io.stdout.write(`${HELPER_VERSION}\n`);
      return { exit: 0 };
    case 'invalid': {
      const t = LINE_TEXTS[lang];
      const { type } = line.problem;
      if (type === 'no-command') io.stderr.write(helpText(undefined, lang, io.stderr.columns));
      else {
        // The help is the next step, except where the message names the command to run instead.
        const hint = type === 'misplaced-trust' ? '' : line.name ? t.hintCommand(line.name) : t.hintProgram;
        io.stderr.write(`${t.error}: ${t.problem(line.problem)}\n${hint ? `${hint}\n` : ''}`);
      }
      // The --json document and the result file keep the English words: scripts read them.
      const reason = LINE_TEXTS.en.problem(line.problem).replace(/\n.*/s, '');
      return { exit: usageError(argv, io, reason), reason };
    }
  }
}

/** The language the line asks for (--lang de, --lang=en), even when the line is not valid otherwise. */
function langOfLine(argv: string[]): Lang | undefined {
  for (const [i, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (isLang(value)) return value;
  }
  return undefined;
}

/**
 * A usage error (exit 2): the message is on stderr already; with --json, stdout gets the document a
 * script reads, as for every other outcome.
 */
function usageError(argv: string[], io: Pick<CliIO, 'stdout'>, message: string): number {
  const exitCode = EXIT_CODES.usage;
  if (argv.includes('--json'))
    io.stdout.write(`${inertJson({ ok: false, exitCode, error: { code: 'usage', message } }, 2)}\n`);
  return exitCode;
}
