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

/** Why a file was not read, for the manifest check's findings (the vendor reads them). */
const WHY: Record<ReadProblem, string> = {
  missing: 'does not exist',
  folder: 'is a folder, not a file',
  'not-a-file': 'is not a regular file',
  'too-large': 'is too large',
  unreadable: 'cannot be read',
};

/** A manifest file that could not be used: a variant of the text and its params, no sentence. */
const fileProblem = (variant: string, params: Record<string, string> = {}, cause?: unknown) =>
  new HelperError('manifest-invalid', { params: { variant, ...params }, ...(cause ? { cause } : {}) });

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
function jsonProblem(err: unknown, text: string): { line: string; column: string } | undefined {
  const message = (err as Error).message ?? '';
  // V8 names a position, or quotes a few characters around the problem: found again in the text.
  const position = /position (\d+)/.exec(message)?.[1];
  const snippet = /(?:\.\.\.)?"(.+)"(?:\.\.\.)? is not valid JSON/s.exec(message)?.[1];
  const at = position !== undefined ? Number(position) : snippet ? text.indexOf(snippet) : -1;
  if (at < 0) return undefined;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { line: String(line), column: String(column) };
}

/** What a ServiceAccount means off Windows: said before anything is registered. */
function serviceAccountWarning(platform: NodeJS.Platform): ManifestProblem {
  const name = platform === 'darwin' ? 'macOS' : platform === 'linux' ? 'Linux' : platform;
  return {
    field: 'ServiceAccount',
    message: `names a Windows service account, and ${name} has none: the key goes into this computer's keychain only, without a copy for a service. Register on the Windows PC where the service runs.`,
  };
}

export function loadManifest(path: string, platform: NodeJS.Platform = process.platform): LoadedManifest {
  if (isRemotePath(path)) throw fileProblem('network-share');
  const full = resolve(path);
  let text: string;
  try {
    text = readBoundedFile(full, MAX_MANIFEST_BYTES).toString('utf8');
  } catch (err) {
    throw fileProblem(err instanceof ReadFileError ? err.problem : 'unreadable', { path: full }, err);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const where = jsonProblem(err, text);
    throw where
      ? fileProblem('not-json', { path: full, ...where })
      : fileProblem('not-json-anywhere', { path: full });
  }
  let icon: Uint8Array | { error: string } | undefined;
  const iconFile = (raw as { AppIconFile?: unknown } | null)?.AppIconFile;
  if (typeof iconFile === 'string' && iconFile !== '') {
    // The icon sits beside the manifest: a file name, not a path elsewhere (or on a network share).
    if (/[\\/]/.test(iconFile) || iconFile === '..' || iconFile === '.' || /^[a-z]:/i.test(iconFile))
      throw fileProblem('icon-path', { folder: dirname(full) });
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
  const warnings = [...check.warnings];
  if (check.manifest.ServiceAccount && platform !== 'win32') warnings.push(serviceAccountWarning(platform));
  return { manifest: check.manifest, warnings, path: full };
}
