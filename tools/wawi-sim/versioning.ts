// Which API version a request means: a versioned path (/v1/, /v2/), or the api-version header on an
// unversioned path, with the real server's 400s (ambiguous, unsupported) and one build's 404 quirk.
// As ASP.NET API Versioning (whose error names these are) does, a path and a header are ambiguous only
// when they name different versions: `GET /v1/…` with `api-version: 1.0` is answered like `GET /v1/…`
// (a public client that works against a real Wawi sends exactly that; docs/wawi-protocol.md).
import type { IncomingMessage } from 'node:http';
import type { PathVersion } from './types';
import { errorResponse, HttpError, header } from './wire';

const SUPPORTED_HEADER_VERSIONS: Record<PathVersion, string[]> = {
  v1: ['1.0', '1.1'],
  v2: ['2.0', '2.1', '2.2', '2.3'],
};

export interface VersionRules {
  /** The versioned path prefixes this server knows. */
  pathVersions: PathVersion[];
  /** Some builds answer 404 for the unversioned path with `api-version: 1.1`. */
  unversionedQuirk404?: boolean;
  /** What an unversioned path without a header means (default: the newest version the server knows). */
  unversioned?: PathVersion;
}

export function resolveVersion(
  req: IncomingMessage,
  pathVersion: string | undefined,
  rules: VersionRules,
): PathVersion {
  const { pathVersions } = rules;
  const apiVersion = header(req, 'api-version');
  if (pathVersion) {
    const sameVersion = SUPPORTED_HEADER_VERSIONS[pathVersion as PathVersion]?.includes(
      apiVersion?.trim() ?? '',
    );
    if (apiVersion !== undefined && !sameVersion) {
      throw new HttpError(
        400,
        errorResponse(
          'AmbiguousApiVersion',
          'The request has an ambiguous api version: the path names one and the api-version header another.',
        ),
      );
    }
    if (!pathVersions.includes(pathVersion as PathVersion)) throw new HttpError(404, undefined);
    return pathVersion as PathVersion;
  }
  // Without a version: the one the server is set to, else the newest it knows.
  if (apiVersion === undefined)
    return rules.unversioned && pathVersions.includes(rules.unversioned)
      ? rules.unversioned
      : pathVersions.includes('v2')
        ? 'v2'
        : 'v1';
  const v = pathVersions.find((pv) => SUPPORTED_HEADER_VERSIONS[pv].includes(apiVersion.trim()));
  if (!v) {
    throw new HttpError(
      400,
      errorResponse(
        'UnsupportedApiVersion',
        `The HTTP resource does not support the api version '${apiVersion}'.`,
      ),
    );
  }
  if (rules.unversionedQuirk404 && apiVersion.trim() === '1.1') throw new HttpError(404, undefined);
  return v;
}
