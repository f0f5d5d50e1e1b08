// wawi-register: the headless CLI on top of main/core, for IT admins and scripted onboarding. Parses
// the command line, then loads and runs the command.
import type { CliIO } from './io';
import { misplacedTrustFlag, parseCommandLine, usageError } from './program';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const parsed = await parseCommandLine(argv, io);
  if (typeof parsed === 'number') return parsed;
  const misplaced = misplacedTrustFlag(parsed.name, parsed.options);
  if (misplaced) {
    io.stderr.write(`${misplaced}\n`);
    return usageError(argv, io, misplaced);
  }
  const { runCommand } = await import('./run');
  return runCommand(parsed.name, parsed.options, io);
}
