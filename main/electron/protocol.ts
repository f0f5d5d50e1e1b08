// The app:// protocol that serves the built renderer, with its strict Content-Security-Policy.
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;

/** The renderer's Content-Security-Policy: its own scripts and styles only, no remote connections. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Answers app://renderer/<path> from the built renderer folder, with the CSP header: 400 for a bad
 * address or escape, 403 outside the folder, 404 for anything that is not a file. Never throws.
 */
export function rendererResponse(
  rendererDir: string,
  requestUrl: string,
): { status: number; body: Buffer | string; headers: Record<string, string> } {
  const headers = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400, body: 'Bad request', headers };
  }
  if (url.host !== 'renderer') return { status: 404, body: 'Not found', headers };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return { status: 400, body: 'Bad request', headers };
  }
  if (path.includes('\0')) return { status: 400, body: 'Bad request', headers };
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) return { status: 403, body: 'Forbidden', headers };
  let body: Buffer;
  try {
    if (!statSync(file).isFile()) return { status: 404, body: 'Not found', headers };
    body = readFileSync(file);
  } catch {
    return { status: 404, body: 'Not found', headers };
  }
  return {
    status: 200,
    body,
    headers: { ...headers, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' },
  };
}
