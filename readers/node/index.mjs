// wawi-registration-key: reads what the Wawi Registration Helper stored for a vendor's app: the API key
// (OS keychain through keytar, the helper's key contract), the server's base URL and certificate pin,
// and the headers JTL-Wawi expects. Never logs or prints the key.
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import keytar from 'keytar';

/** The keychain service of the keys (Windows: generic credential "JTL-Wawi API key/<account>"). */
export const KEY_SERVICE = 'JTL-Wawi API key';
/** The keychain service of how to reach each server (JSON: baseUrl, certificatePin, insecureHttp). */
export const CONNECTION_SERVICE = 'JTL-Wawi server connection';

export class WawiKeyError extends Error {
  /**
   * @param {'not-registered' | 'several-registrations' | 'keychain-error' | 'connection-unknown' | 'certificate-changed'} code
   * @param {string} message
   */
  constructor(code, message, options) {
    super(message, options);
    this.name = 'WawiKeyError';
    this.code = code;
  }
}

/** The keychain account of an app at a server: <AppId>@<host>:<port>/<database>, the helper's host rule. */
export function accountFor(appId, address) {
  const text = String(address).trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  const url = new URL(hasScheme ? text : `http://${text}`);
  // The URL parser drops a scheme's default port (http://x:80): a port typed without a scheme stays.
  const typed = hasScheme ? undefined : /^(?:\[[^\]]*\]|[^/:]*):(\d+)(?:\/|$)/.exec(text)?.[1];
  const port = url.port
    ? Number(url.port)
    : typed
      ? Number(typed)
      : hasScheme
        ? url.protocol === 'https:'
          ? 443
          : 80
        : 5883;
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  if (/^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(host)) host = '127.0.0.1';
  const segment = url.pathname.split('/').filter(Boolean)[1];
  const database = (segment ? decodeURIComponent(segment) : 'eazybusiness').toLowerCase();
  return `${appId}@${host}:${port}/${database}`;
}

/** An account split into its parts, or undefined when it is not one of the helper's. */
export function parseAccount(account) {
  const m = /^(.+?)(?:#(\d+))?@(\[[0-9a-f:.]+\]|[^:@/]+):(\d+)\/([^/]+)$/i.exec(account);
  if (!m) return undefined;
  return { appId: m[1], instance: m[2] ? Number(m[2]) : 1, host: m[3], port: Number(m[4]), database: m[5] };
}

/** First 8 hex digits of the key's SHA-256: the helper's result file and list show the same. */
export function keyFingerprint(key) {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8);
}

async function keychain(what, call) {
  try {
    return await call();
  } catch (err) {
    throw new WawiKeyError('keychain-error', `The keychain could not be read (${what}).`, { cause: err });
  }
}

/**
 * Every registration of `appId` on this computer (all servers, all instances), optionally only those
 * for a Mandant (`database`) or a server (`address`, written as the merchant would).
 */
export async function findRegistrations({ appId, database, address, services = {} }) {
  const keyService = services.key ?? KEY_SERVICE;
  const connectionService = services.connection ?? CONNECTION_SERVICE;
  const server = address ? accountFor(appId, address).slice(appId.length) : undefined;
  const found = [];
  for (const { account, password } of await keychain('keys', () => keytar.findCredentials(keyService))) {
    const parts = parseAccount(account);
    if (!parts || parts.appId !== appId) continue;
    if (database && parts.database !== String(database).toLowerCase()) continue;
    if (server && !account.endsWith(server)) continue;
    const raw = await keychain('server connection', () => keytar.getPassword(connectionService, account));
    let connection;
    try {
      connection = raw ? JSON.parse(raw) : undefined;
    } catch {
      connection = undefined;
    }
    found.push({
      account,
      ...parts,
      key: password,
      keyFingerprint: keyFingerprint(password),
      baseUrl: typeof connection?.baseUrl === 'string' ? connection.baseUrl : null,
      certificatePin: typeof connection?.certificatePin === 'string' ? connection.certificatePin : null,
      insecureHttp: connection?.insecureHttp === true,
    });
  }
  return found.sort((a, b) => a.account.localeCompare(b.account) || a.instance - b.instance);
}

/**
 * The one registration of `appId` (for a Mandant, a server, an instance): throws WawiKeyError
 * `not-registered`, `several-registrations` (say which with `database`, `address` or `instance`), or
 * `connection-unknown` (the helper has not confirmed how to reach the server: open it and check the
 * registration; never send the key to a guessed address).
 */
export async function readRegistration({ appId, database, address, instance = 1, services }) {
  const all = (await findRegistrations({ appId, database, address, services })).filter(
    (r) => r.instance === instance,
  );
  if (!all.length)
    throw new WawiKeyError(
      'not-registered',
      `${appId} is not registered on this computer${database ? ` for the Mandant ${database}` : ''}${address ? ` at ${address}` : ''}: start the Wawi Registration Helper with --action register.`,
    );
  if (all.length > 1)
    throw new WawiKeyError(
      'several-registrations',
      `${appId} is registered ${all.length} times on this computer (${all.map((r) => r.account).join(', ')}): say which with database or address.`,
    );
  const found = all[0];
  if (!found.baseUrl)
    throw new WawiKeyError(
      'connection-unknown',
      `How to reach the server of ${found.account} is not confirmed: open the Wawi Registration Helper and check the registration.`,
    );
  return found;
}

/** The headers of every call: the key, the AppId and your app's version (Wawi answers 400 without it). */
export function wawiHeaders(registration, appVersion) {
  if (!appVersion) throw new TypeError('appVersion is required: the Version of your app (x.y.z).');
  return {
    Authorization: `Wawi ${registration.key}`,
    'x-appid': registration.appId,
    'x-appversion': appVersion,
  };
}

/** An https agent that accepts exactly the pinned certificate, checked before anything is sent. */
export function pinnedAgent(pin) {
  const agent = new https.Agent({ maxCachedSessions: 0 });
  agent.createConnection = (options, callback) => {
    let called = false;
    const once = (err, socket) => {
      if (called) return;
      called = true;
      callback(err, socket);
    };
    const socket = tls.connect({ ...options, rejectUnauthorized: false });
    socket.once('error', (err) => once(err));
    socket.once('secureConnect', () => {
      const seen = socket.getPeerCertificate()?.fingerprint256;
      if (seen === pin) return once(null, socket);
      socket.destroy();
      once(
        new WawiKeyError(
          'certificate-changed',
          `The server presented another certificate (${seen ?? 'none'}) than the pinned one: nothing was sent. Open the Wawi Registration Helper and check the registration.`,
        ),
      );
    });
    return undefined;
  };
  return agent;
}

/**
 * One call to the registration's server: `path` below the base URL (e.g. "/v1/items"), the pin applied,
 * the headers set. Resolves with the status, the headers and the body (parsed JSON when it is JSON).
 */
export function wawiRequest(
  registration,
  path,
  { appVersion, method = 'GET', body, timeoutMs = 30_000 } = {},
) {
  const url = new URL(
    `${registration.baseUrl.replace(/\/$/, '')}${path.startsWith('/') ? path : `/${path}`}`,
  );
  const secure = url.protocol === 'https:';
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const options = {
    method,
    headers: {
      ...wawiHeaders(registration, appVersion),
      Accept: 'application/json',
      ...(payload
        ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
        : {}),
    },
    timeout: timeoutMs,
    ...(secure && registration.certificatePin ? { agent: pinnedAgent(registration.certificatePin) } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(url, options, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed = text;
        if (/json/i.test(res.headers['content-type'] ?? ''))
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = text;
          }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`No answer from ${url.origin} within ${timeoutMs} ms.`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}
