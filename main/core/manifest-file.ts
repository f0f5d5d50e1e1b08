// Reads a vendor's manifest file, resolves AppIconFile relative to it, and checks everything.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type AppManifest, checkManifest, MAX_ICON_BYTES, type ManifestProblem } from '../../shared/manifest';
import { HelperError } from './errors';

export interface LoadedManifest {
  manifest: AppManifest;
  warnings: ManifestProblem[];
  path: string;
}

export function formatProblems(problems: ManifestProblem[]): string {
  return problems.map((p) => `${p.field} ${p.message}`).join('; ');
}

export function loadManifest(path: string): LoadedManifest {
  const full = resolve(path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${code})`;
    throw new HelperError('manifest-invalid', {
      params: { problems: `The manifest file ${full} ${why}.` },
      cause: err,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new HelperError('manifest-invalid', {
      params: { problems: `The manifest file ${full} is not valid JSON (${(err as Error).message}).` },
    });
  }
  let icon: Uint8Array | { error: string } | undefined;
  const iconFile = (raw as { AppIconFile?: unknown } | null)?.AppIconFile;
  if (typeof iconFile === 'string' && iconFile !== '') {
    const iconPath = resolve(dirname(full), iconFile);
    try {
      const size = statSync(iconPath).size;
      icon =
        size > MAX_ICON_BYTES * 4
          ? { error: `${iconPath} is far too large for an icon` }
          : readFileSync(iconPath);
    } catch {
      icon = { error: `${iconPath} does not exist or cannot be read` };
    }
  }
  const check = checkManifest(raw, icon);
  if (!check.manifest) {
    throw new HelperError('manifest-invalid', {
      fields: Object.fromEntries(check.problems.map((p) => [p.field, [p.message]])),
      params: { problems: formatProblems(check.problems) },
    });
  }
  return { manifest: check.manifest, warnings: check.warnings, path: full };
}
