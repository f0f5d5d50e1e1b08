/**
 * A local stand-in for the JTL-Wawi OnPremise REST server, faithful to docs/wawi-protocol.md:
 * challenge-code registration, versioned and unversioned paths with PascalCase (v1) and camelCase (v2)
 * bodies, the documented status codes and quirks, /companies for checking keys, plus the merchant's
 * side (a control API and an admin page) and injectable faults.
 *
 * It is deliberately written without any of the product's code, so that it tests the product.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { Faults } from './faults';
import { handleAdmin } from './routes-admin';
import { handleApi } from './routes-api';
import { SimState } from './state';
import type { PathVersion, SimOptions, WawiSim } from './types';
import { errorResponse, HttpError, send } from './wire';

export type { Fault, PathVersion, SimOptions, WawiSim } from './types';

/** The admin page's files (HTML, CSS, JS) beside this module, or beside the bundle that holds it. */
const ADMIN_FILES: Record<string, [file: string, type: string]> = {
  '': ['index.html', 'text/html'],
  'admin.js': ['admin.js', 'text/javascript'],
  'admin.css': ['admin.css', 'text/css'],
};
const adminDir = new URL('./admin/', import.meta.url);

function adminPage(res: ServerResponse, name: string) {
  const entry = ADMIN_FILES[name];
  if (!entry) throw new HttpError(404, undefined);
  res.writeHead(200, { 'content-type': `${entry[1]}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(readFileSync(new URL(entry[0], adminDir)));
}

export async function startWawiSim(options: SimOptions = {}): Promise<WawiSim> {
  const host = options.host ?? '127.0.0.1';
  const state = new SimState(options);
  const faults = new Faults();
  const api = {
    state,
    rules: {
      pathVersions: (options.pathVersions?.length ? options.pathVersions : ['v1', 'v2']) as PathVersion[],
      unversionedQuirk404: options.unversionedQuirk404,
      unversioned: options.unversioned,
    },
    wawiVersion: options.wawiVersion ?? '1.10.12.0',
    tenant: options.tenant,
    signatureSecret: options.signatureSecret,
  };
  const sockets = new Set<Socket>();
  const hits = new Map<string, number>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://sim.invalid').pathname;
    const parts = path.split('/').filter(Boolean);
    let version: PathVersion = 'v1';
    try {
      if (parts[0] === '__admin') {
        if (parts[1] === 'api') return await handleAdmin(state, faults, req, res, parts.slice(2));
        return adminPage(res, parts.length === 1 ? '' : parts.slice(1).join('/'));
      }
      const key = `${req.method} ${path}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      if (await faults.apply(req, res, path)) return;
      if (parts[0] !== 'api' || !parts[1]) throw new HttpError(404, undefined);
      if (parts[2] === 'v2') version = 'v2';
      return await handleApi(api, req, res, decodeURIComponent(parts[1]), parts.slice(2));
    } catch (err) {
      if (res.headersSent || res.destroyed) return;
      if (err instanceof HttpError) return send(res, err.status, err.body, version, err.headers);
      send(res, 500, errorResponse('InternalServerError', 'An unexpected error occurred.'), version);
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res);
  };
  const server: Server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const url = `${options.tls ? 'https' : 'http'}://${hostPart}:${port}`;
  const first = state.databases[0]!;

  return {
    url,
    port,
    apiUrl: (db = first) => `${url}/api/${db}`,
    adminUrl: `${url}/__admin/`,
    setWindow: (db, open) => state.setWindow(db, open),
    pending: (db = first) =>
      [...state.db(db).requests.values()]
        .filter((r) => r.status === 0)
        .map((r) => ({ id: r.id, appId: r.appId })),
    accept: (id, grantedScopes, db = first) => state.decide(db, id, true, grantedScopes),
    reject: (id, db = first) => state.decide(db, id, false),
    removeApp: (appId, db = first) => state.removeApp(db, appId),
    removeInstance: (appId, instance, db = first) => state.removeInstance(db, appId, instance),
    received: (db = first) =>
      [...state.db(db).requests.values()].map((r) => ({
        appId: r.appId,
        signature: r.body.Signature,
        signatureData: r.body.SignatureData,
        instanceOf: r.instanceOf,
        fields: r.fields ?? [],
      })),
    apps: (db = first) =>
      [...state.db(db).apps.values()].map((a) => ({
        appId: a.appId,
        grantedScopes: a.grantedScopes,
        keys: a.keys.filter(Boolean).length,
      })),
    setLicenceMissing: (db, missing) => {
      state.db(db).licenceMissing = missing;
    },
    addFaults: (list) => faults.add(list),
    clearFaults: () => faults.clear(),
    hits,
    challengeCodes: () => state.all().flatMap((d) => [...d.requests.values()].map((r) => r.challengeCode)),
    apiKeys: () =>
      state.all().flatMap((d) => [...d.requests.values()].flatMap((r) => (r.apiKey ? [r.apiKey] : []))),
    accepted: (db = first) =>
      [...state.db(db).requests.values()].flatMap((r) =>
        r.status === 2 && r.apiKey
          ? [{ id: r.id, appId: r.appId, apiKey: r.apiKey, deliveredAt: r.deliveredAt }]
          : [],
      ),
    close: async () => {
      state.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
