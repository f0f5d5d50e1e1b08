// Wawi server addresses as a merchant types them, and the keychain account name derived from them.
import { DEFAULT_DATABASE, DEFAULT_PORT, isLoopbackHost, normalizeHost } from '../../../shared/wawi-address';
import { HelperError } from '../errors';

export { DEFAULT_DATABASE, DEFAULT_PORT, normalizeHost };

export interface WawiServer {
  /**
   * e.g. http://127.0.0.1:5883/api/eazybusiness (no trailing slash). The host is the one typed
   * (lower case): `localhost` and `[::1]` are connected to as they are.
   */
  baseUrl: string;
  protocol: 'http' | 'https';
  /** The host for the keychain account: lower case, loopback as 127.0.0.1, IPv6 in brackets. */
  host: string;
  port: number;
  database: string;
}

/** True for this computer (the account host rule writes every loopback name as 127.0.0.1). */
export function isLoopback(server: Pick<WawiServer, 'host'>): boolean {
  return isLoopbackHost(server.host);
}

/** True when the typed address names its scheme (http:// or https://). */
export function hasScheme(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim());
}

/** The same server under the other scheme (same host, port and database). */
export function withProtocol(server: WawiServer, protocol: 'http' | 'https'): WawiServer {
  return { ...server, protocol, baseUrl: server.baseUrl.replace(/^https?:/, `${protocol}:`) };
}

/** Why an address is not usable: a variant of the text (shared/errors/advice.ts) and its params. */
const invalid = (variant: string, params: Record<string, string> = {}) =>
  new HelperError('invalid-address', { params: { variant, ...params } });

/**
 * Accepts `127.0.0.1:5883`, `wawi-server`, `http://wawi-server:5883/api/Mandant_2/`, `https://…`.
 * Without a scheme, http and port 5883 are assumed; with a scheme and no port, its default port.
 */
export function parseWawiAddress(input: string, defaultDatabase = DEFAULT_DATABASE): WawiServer {
  const raw = input.trim();
  if (raw === '') throw invalid('empty');
  const schemed = hasScheme(raw);
  let url: URL;
  try {
    url = new URL(schemed ? raw : `http://${raw}`);
  } catch {
    throw invalid('unparsable', { address: raw.slice(0, 200) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid('scheme', { scheme: url.protocol.replace(':', '') });
  if (url.username || url.password) throw invalid('credentials');
  if (url.search || url.hash) throw invalid('query');
  if (!url.hostname) throw invalid('no-host');
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  // The URL parser drops a port that is the scheme's default (http://wawi:80 → no port): a port typed
  // without a scheme ("wawi-server:80") is taken as typed, not replaced by the Wawi default.
  const typedPort = schemed ? undefined : /^(?:\[[^\]]*\]|[^/:]*):(\d+)(?:\/|$)/.exec(raw)?.[1];
  const port = url.port
    ? Number(url.port)
    : typedPort
      ? Number(typedPort)
      : schemed
        ? protocol === 'https'
          ? 443
          : 80
        : DEFAULT_PORT;

  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  // Tolerate a pasted versioned path such as /api/eazybusiness/v1/ or /api/eazybusiness/info.
  while (segments.length > 2 && /^(v\d+|info)$/i.test(segments[segments.length - 1]!)) segments.pop();
  let database = defaultDatabase;
  if (segments.length > 0) {
    if (segments[0]!.toLowerCase() !== 'api' || segments.length > 2) {
      throw invalid('path', { path: url.pathname.slice(0, 200) });
    }
    if (segments[1]) database = segments[1];
  }
  if (!/^[A-Za-z0-9_\-. ]{1,128}$/.test(database))
    throw invalid('mandant', { database: database.slice(0, 200) });
  const host = normalizeHost(url.hostname);
  const typed = url.hostname.toLowerCase().replace(/\.$/, '');
  return {
    baseUrl: `${protocol}://${typed}:${port}/api/${encodeURIComponent(database)}`,
    protocol,
    host,
    port,
    database,
  };
}

/** The keychain account of an app's key on a server: `<AppId>@<host>:<port>/<database>`. */
/**
 * The keychain account of a registration: `<AppId>@<host>:<port>/<database>`, and for a further
 * instance of a MultiInstance app `<AppId>#<n>@…` (an AppId never contains `#`).
 */
export function accountName(
  appId: string,
  server: Pick<WawiServer, 'host' | 'port' | 'database'>,
  instance?: number,
): string {
  const app = instance && instance > 1 ? `${appId}#${instance}` : appId;
  return `${app}@${server.host}:${server.port}/${server.database.toLowerCase()}`;
}

/** Splits an account name back into its parts (the AppId may itself contain @). */
export function parseAccountName(
  account: string,
): { appId: string; instance?: number; host: string; port: number; database: string } | null {
  const at = account.lastIndexOf('@');
  if (at <= 0) return null;
  const m = /^(.+):(\d{1,5})\/([^/]+)$/.exec(account.slice(at + 1));
  if (!m) return null;
  const app = /^(.+)#(\d+)$/.exec(account.slice(0, at));
  const server = { host: m[1]!, port: Number(m[2]), database: m[3]! };
  return app
    ? { appId: app[1]!, instance: Number(app[2]), ...server }
    : { appId: account.slice(0, at), ...server };
}

export function serverFromAccount(
  parts: { host: string; port: number; database: string },
  protocol: 'http' | 'https' = 'http',
): WawiServer {
  return {
    ...parts,
    protocol,
    baseUrl: `${protocol}://${parts.host}:${parts.port}/api/${encodeURIComponent(parts.database)}`,
  };
}
