// A second launch of the desktop app while one runs: it hands its arguments over (./handover.ts) and
// ends with the result of what it asked for, or with exit 60 (already-running) when the running helper
// did not take it over; never a bare 0 without a registration. Its --result-file says the same.
import type { Lang } from '../../shared/lang';
import { launchResult } from '../../shared/result';
import { writeResultFile } from '../core/index';
import { askRunningHelper } from './handover';
import { parseLaunchArgs } from './launch';

export async function secondLaunch(
  home: string,
  argv: string[],
  lang: Lang,
  opts: { findWithinMs?: number; warn?: (message: string) => void } = {},
): Promise<number> {
  const args = parseLaunchArgs(argv);
  const answer = await askRunningHelper(home, argv, opts);
  const result =
    answer.kind === 'result'
      ? answer.result
      : launchResult({
          outcome: 'already-running',
          action: args.action ?? (args.manifest ? 'register' : 'manage'),
          at: new Date(),
          error: {
            code: 'already-running',
            params:
              answer.kind === 'no-answer'
                ? { variant: 'no-answer' }
                : answer.reason === 'busy'
                  ? { variant: 'busy' }
                  : {},
          },
          lang: args.lang ?? lang,
          surface: 'app',
        });
  if (args.resultFile) {
    try {
      writeResultFile(args.resultFile, result);
    } catch (err) {
      opts.warn?.(
        `the result file could not be written: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  return result.exitCode;
}
