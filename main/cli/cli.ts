// wawi-register: the headless CLI on top of main/core, for IT admins and scripted onboarding. Parses
// the command line, then loads and runs the command.
import { EXIT_CODES } from '../../shared/errors/meta';
import type { CliIO } from './io';
import { misplacedTrustFlag, parseCommandLine } from './program';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const parsed = await parseCommandLine(argv, io);
  if (typeof parsed === 'number') return parsed;
  const misplaced = misplacedTrustFlag(parsed.name, parsed.options);
  if (misplaced) {
    io.stderr.write(`${misplaced}\n`);
    return EXIT_CODES.usage;
  }
  const { runCommand } = await import('./run');
  return runCommand(parsed.name, parsed.options, io);
}
