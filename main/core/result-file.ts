// Writes the result document a vendor's onboarding reads (`--result-file`): whole or not at all (a
// temporary file in the same folder, then renamed), so a reader never sees half a document.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { inertJson } from '../../shared/printable';
import type { LaunchResult } from '../../shared/result';
import { HelperError } from './errors';

export function writeResultFile(path: string, result: LaunchResult): void {
  const file = resolve(path);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, `${inertJson(result, 2)}\n`, { encoding: 'utf8' });
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new HelperError('storage-failed', {
      params: { path: file, reason: (err as NodeJS.ErrnoException).code ?? String(err) },
      cause: err,
    });
  }
}

/** `--result-file <path>` (or `--result-file=<path>`) in a command line that may not parse otherwise. */
export function resultFileArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--result-file') return argv[i + 1] && !argv[i + 1]!.startsWith('--') ? argv[i + 1] : undefined;
    if (a.startsWith('--result-file=')) return a.slice('--result-file='.length) || undefined;
  }
  return undefined;
}
