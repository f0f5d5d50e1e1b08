// Reads a vendor's manifest file, resolves AppIconFile relative to it, and checks everything.
import { dirname, resolve } from 'node:path';
import {
  type AppManifest,
  checkManifest,
  MAX_ICON_BYTES,
  type ManifestProblem,
} from '../../../shared/manifest';
import { HelperError } from '../errors';
import { ReadFileError, type ReadProblem, readBoundedFile } from './read-file';

/** A manifest is a few KB; with an inline base64 icon at most about 350 KB. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

const WHY: Record<ReadProblem, string> = {
  missing: 'does not exist',
  folder: 'is a folder, not a file',
  'not-a-file': 'is not a regular file',
  'too-large': 'is too large',
  unreadable: 'cannot be read',
};

export interface LoadedManifest {
  manifest: AppManifest;
  warnings: ManifestProblem[];
  path: string;
}

export function formatProblems(problems: ManifestProblem[]): string {
  return problems.map((p) => `${p.field} ${p.message}`).join('; ');
}

/** A network path (UNC `\\server\share`, `//server/share`, `\\?\UNC\…`): never read from. */
export function isRemotePath(path: string): boolean {
  return /^(\\\\|\/\/)/.test(path.trim());
}

/** Where in the file JSON.parse stopped, without quoting any of the file's content. */
function jsonProblem(err: unknown, text: string): string {
  const message = (err as Error).message ?? '';
  // V8 names a position, or quotes a few characters around the problem: found again in the text.
  const position = /position (\d+)/.exec(message)?.[1];
  const snippet = /(?:\.\.\.)?"(.+)"(?:\.\.\.)? is not valid JSON/s.exec(message)?.[1];
  const at = position !== undefined ? Number(position) : snippet ? text.indexOf(snippet) : -1;
  if (at < 0) return 'it is not JSON';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `the problem is near line ${line}, column ${column}`;
}

const invalid = (problems: string, cause?: unknown) =>
  new HelperError('manifest-invalid', { params: { problems }, ...(cause ? { cause } : {}) });

export function loadManifest(path: string): LoadedManifest {
  if (isRemotePath(path))
    throw invalid('The manifest must be a file on this computer, not on a network share.');
  const full = resolve(path);
  let text: string;
  try {
    text = readBoundedFile(full, MAX_MANIFEST_BYTES).toString('utf8');
  } catch (err) {
    const why = err instanceof ReadFileError ? WHY[err.problem] : 'cannot be read';
    throw new HelperError('manifest-invalid', {
      params: { problems: `The manifest file ${full} ${why}.` },
      cause: err,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw invalid(`The manifest file ${full} is not valid JSON (${jsonProblem(err, text)}).`);
  }
  let icon: Uint8Array | { error: string } | undefined;
  const iconFile = (raw as { AppIconFile?: unknown } | null)?.AppIconFile;
  if (typeof iconFile === 'string' && iconFile !== '') {
    // The icon sits beside the manifest: a file name, not a path elsewhere (or on a network share).
    if (/[\\/]/.test(iconFile) || iconFile === '..' || iconFile === '.' || /^[a-z]:/i.test(iconFile))
      throw invalid(
        `AppIconFile must be the name of a file in the manifest's folder (${dirname(full)}), not a path.`,
      );
    const iconPath = resolve(dirname(full), iconFile);
    try {
      // Read a little more than allowed, so that the manifest check reports the real size problem.
      icon = readBoundedFile(iconPath, MAX_ICON_BYTES * 4);
    } catch (err) {
      icon = { error: `${iconPath} ${err instanceof ReadFileError ? WHY[err.problem] : 'cannot be read'}` };
    }
  }
  const check = checkManifest(raw, icon, Date.now());
  if (!check.manifest) {
    throw new HelperError('manifest-invalid', {
      fields: Object.fromEntries(check.problems.map((p) => [p.field, [p.message]])),
      params: { problems: formatProblems(check.problems) },
    });
  }
  return { manifest: check.manifest, warnings: check.warnings, path: full };
}
