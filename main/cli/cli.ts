// wawi-register: the headless CLI on top of main/core, for IT admins and scripted onboarding. Parses
// the command line, then loads and runs the command.
import type { CliIO } from './io';
import { parseCommandLine } from './program';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const parsed = await parseCommandLine(argv, io);
  if ('exit' in parsed) return parsed.exit === 0 ? 0 : usageResult(argv, io, parsed.exit, parsed.reason);
  const { runCommand } = await import('./run');
  return runCommand(parsed.name, parsed.options, io);
}

/** A command line that did not parse still gets its --result-file, when one can be found in it. */
async function usageResult(argv: string[], io: CliIO, code: number, reason?: string): Promise<number> {
  const { resultFileArgument, writeResultFile } = await import('../core/index');
  const path = resultFileArgument(argv);
  if (!path) return code;
  const { launchResult } = await import('../../shared/result');
  const at = argv.indexOf('--lang');
  const lang = (at >= 0 && argv[at + 1] === 'de') || argv.includes('--lang=de') ? 'de' : 'en';
  try {
    writeResultFile(
      path,
      launchResult({
        outcome: 'invalid-input',
        action: 'usage',
        at: new Date(),
        error: {
          code: 'invalid-input',
          params: { reason: reason ?? 'The command line is not valid; see --help.' },
        },
        lang,
        surface: 'cli',
      }),
    );
  } catch {
    io.stderr.write(`The result file ${path} could not be written.\n`);
  }
  return code;
}
