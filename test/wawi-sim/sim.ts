/**
 * A local stand-in for the JTL-Wawi OnPremise REST server, faithful to ../shared/wawi-protocol.md:
 * challenge-code registration, versioned and unversioned paths with PascalCase (v1) and camelCase (v2)
 * bodies, the documented status codes and quirks, /companies for checking keys, plus the merchant's
 * side (a control API and an admin page) and injectable faults.
 *
 * It is deliberately written without any of the product's code, so that it tests the product.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { ADMIN_CSS, ADMIN_HTML, ADMIN_JS } from './admin-page';

export type PathVersion = 'v1' | 'v2';

export interface SimOptions {
  port?: number;
  host?: string;
  /** Databases ("Mandanten") served under /api/<db>/. Default: ['eazybusiness']. */
  databases?: string[];
  /** Open the registration window at start and accept each request this many ms after its POST. */
  autoAcceptMs?: number;
  /** Keep registrations and apps in this JSON file across restarts. */
  stateFile?: string;
  /** Version reported by /info. */
  wawiVersion?: string;
  /** Versioned path prefixes this server knows. Default both; ['v2'] simulates a server without /v1/. */
  pathVersions?: PathVersion[];
  /** Quirk of some builds: 404 for the unversioned path when `api-version: 1.1` is sent. */
  unversionedQuirk404?: boolean;
  /** Start in licence-missing mode (402 everywhere but /info). */
  licenceMissing?: boolean;
  /** After accept or reject the Wawi dialog closes. Default: true, false with autoAcceptMs. */
  closeWindowAfterDecision?: boolean;
  /** Serve https with this key and certificate (as installations with TLS in front do). */
  tls?: { key: string; cert: string };
}

export interface Fault {
  method?: string;
  /** Glob on the path: `*` matches within one segment, `**` across segments. */
  path: string;
  /** How many matching requests it affects. Default 1. */
  times?: number;
  type: 'latency' | 'status' | 'reset' | 'hang' | 'malformed' | 'html' | 'oversized';
  ms?: number;
  status?: number;
  retryAfter?: number;
}

interface RegistrationRequest {
  id: string;
  appId: string;
  challengeCode: string;
  createdAt: string;
  status: 0 | 1 | 2;
  body: AppRequestBody;
  apiKey?: string;
  grantedScopes?: string[];
  delivered: boolean;
  /** When the key (or the rejection) was handed out, in ms since the epoch. */
  deliveredAt?: number;
  /** For a POST /authentication/{id}: another instance of this registered app. */
  instanceOf?: string;
}

interface RegisteredApp {
  appId: string;
  displayName: string;
  providerName: string;
  version: string;
  registrationType: number;
  grantedScopes: string[];
  keys: string[];
  registeredAt: string;
  icon: string;
}

interface AppRequestBody {
  AppId: string;
  DisplayName: string;
  Description: string;
  Version: string;
  ProviderName: string;
  ProviderWebsite: string;
  MandatoryApiScopes: string[];
  OptionalApiScopes: string[];
  AppIcon: string;
  RegistrationType: number;
  LocalizedDisplayNames?: { LanguageIso: string; Name: string }[];
  LocalizedDescriptions?: { LanguageIso: string; Name: string }[];
}

interface DbState {
  windowOpen: boolean;
  licenceMissing: boolean;
  requests: Map<string, RegistrationRequest>;
  apps: Map<string, RegisteredApp>;
}

export interface WawiSim {
  url: string;
  /** Base URL of a database's API, e.g. http://127.0.0.1:5883/api/eazybusiness */
  apiUrl(db?: string): string;
  adminUrl: string;
  port: number;
  setWindow(db: string, open: boolean): void;
  pending(db?: string): { id: string; appId: string }[];
  accept(id: string, grantedScopes?: string[], db?: string): void;
  reject(id: string, db?: string): void;
  removeApp(appId: string, db?: string): boolean;
  apps(db?: string): { appId: string; grantedScopes: string[]; keys: number }[];
  setLicenceMissing(db: string, missing: boolean): void;
  addFaults(faults: Fault[]): void;
  clearFaults(): void;
  /** Number of API requests served per "METHOD /path" (paths as sent). */
  hits: Map<string, number>;
  /** Every challenge code and API key this server has seen or issued (for tests that scan outputs). */
  challengeCodes(): string[];
  apiKeys(): string[];
  /** Every accepted request: its key, and when the key was handed out (undefined: not yet). */
  accepted(db?: string): { id: string; appId: string; apiKey: string; deliveredAt?: number }[];
  close(): Promise<void>;
}

const MAX_BODY = 2 * 1024 * 1024;
const SUPPORTED_HEADER_VERSIONS: Record<PathVersion, string[]> = {
  v1: ['1.0', '1.1'],
  v2: ['2.0', '2.1', '2.2', '2.3'],
};
const REQUIRED_FIELDS = [
  'AppId',
  'DisplayName',
  'Description',
  'Version',
  'ProviderName',
  'ProviderWebsite',
  'MandatoryApiScopes',
  'AppIcon',
] as const;
const STACKTRACE =
  '   bei JTL.Wawi.Rest.Controllers.AuthenticationController.Post(CreateAppRegistrationRequest request)\r\n   bei lambda_method(Closure, Object, Object[])';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

function errorResponse(code: string, message: string, validationErrors: Record<string, string[]> = {}) {
  return {
    ErrorCode: code,
    ValidationErrors: validationErrors,
    ErrorMessage: message,
    Stacktrace: STACKTRACE,
    Errors: {},
  };
}

function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k.charAt(0).toLowerCase() + k.slice(1),
        k === 'ValidationErrors' ? v : camel(v),
      ]),
    );
  }
  return value;
}

/** Reads a field case-insensitively, as ASP.NET's JSON binding does. */
function field(obj: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function globToRegExp(glob: string): RegExp {
  const re = glob
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${re}/?$`, 'i');
}

function isBase64(s: string): boolean {
  return s.length > 0 && s.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(s);
}

function validateRegistration(raw: unknown): { body?: AppRequestBody; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { errors: { request: ['A non-empty request body is required.'] } };
  }
  const obj = raw as Record<string, unknown>;
  for (const name of REQUIRED_FIELDS) {
    const v = field(obj, name);
    if (v === undefined || v === null || v === '') errors[name] = [`The ${name} field is required.`];
  }
  for (const name of [
    'AppId',
    'DisplayName',
    'Description',
    'Version',
    'ProviderName',
    'ProviderWebsite',
    'AppIcon',
  ]) {
    const v = field(obj, name);
    if (v !== undefined && v !== null && typeof v !== 'string')
      errors[name] = [`The field ${name} must be a string.`];
  }
  for (const name of ['MandatoryApiScopes', 'OptionalApiScopes']) {
    const v = field(obj, name);
    if (v !== undefined && v !== null && (!Array.isArray(v) || v.some((s) => typeof s !== 'string'))) {
      errors[name] = [`The field ${name} must be an array of strings.`];
    }
  }
  const icon = field(obj, 'AppIcon');
  if (typeof icon === 'string' && icon !== '' && !isBase64(icon))
    errors.AppIcon = ['The AppIcon field is not valid base64.'];
  const type = field(obj, 'RegistrationType');
  if (type !== undefined && type !== null && !(typeof type === 'number' && [0, 1, 2, 3].includes(type))) {
    errors.RegistrationType = ['The field RegistrationType must be 0, 1, 2 or 3.'];
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    body: {
      AppId: field(obj, 'AppId') as string,
      DisplayName: field(obj, 'DisplayName') as string,
      Description: field(obj, 'Description') as string,
      Version: field(obj, 'Version') as string,
      ProviderName: field(obj, 'ProviderName') as string,
      ProviderWebsite: field(obj, 'ProviderWebsite') as string,
      MandatoryApiScopes: field(obj, 'MandatoryApiScopes') as string[],
      OptionalApiScopes: (field(obj, 'OptionalApiScopes') as string[] | undefined) ?? [],
      AppIcon: icon as string,
      RegistrationType: (type as number | undefined) ?? 0,
      LocalizedDisplayNames: field(obj, 'LocalizedDisplayNames') as AppRequestBody['LocalizedDisplayNames'],
      LocalizedDescriptions: field(obj, 'LocalizedDescriptions') as AppRequestBody['LocalizedDescriptions'],
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY)
      throw new HttpError(413, errorResponse('PayloadTooLarge', 'The request body is too large.'));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(
      400,
      errorResponse('ValidationError', 'The request body is not valid JSON.', { request: ['Invalid JSON.'] }),
    );
  }
}

export async function startWawiSim(options: SimOptions = {}): Promise<WawiSim> {
  const host = options.host ?? '127.0.0.1';
  const databases = options.databases?.length ? options.databases : ['eazybusiness'];
  const pathVersions: PathVersion[] = options.pathVersions?.length ? options.pathVersions : ['v1', 'v2'];
  const latest: PathVersion = pathVersions.includes('v2') ? 'v2' : 'v1';
  const closeAfterDecision = options.closeWindowAfterDecision ?? options.autoAcceptMs === undefined;
  const wawiVersion = options.wawiVersion ?? '1.10.12.0';

  const dbs = new Map<string, DbState>();
  for (const name of databases) {
    dbs.set(name.toLowerCase(), {
      windowOpen: options.autoAcceptMs !== undefined,
      licenceMissing: options.licenceMissing ?? false,
      requests: new Map(),
      apps: new Map(),
    });
  }
  const dbNames = new Map(databases.map((n) => [n.toLowerCase(), n]));
  let faults: (Fault & { remaining: number; re: RegExp })[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const hits = new Map<string, number>();

  if (options.stateFile) loadState(options.stateFile);

  function loadState(file: string) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    const saved = JSON.parse(text) as Record<
      string,
      { windowOpen: boolean; licenceMissing: boolean; requests: RegistrationRequest[]; apps: RegisteredApp[] }
    >;
    for (const [name, s] of Object.entries(saved)) {
      const db = dbs.get(name.toLowerCase());
      if (!db) continue;
      db.windowOpen = db.windowOpen || s.windowOpen;
      db.licenceMissing = s.licenceMissing;
      for (const r of s.requests) db.requests.set(r.id.toLowerCase(), r);
      for (const a of s.apps) db.apps.set(a.appId.toLowerCase(), a);
    }
  }

  function saveState() {
    if (!options.stateFile) return;
    const out: Record<string, unknown> = {};
    for (const [key, db] of dbs) {
      out[dbNames.get(key) ?? key] = {
        windowOpen: db.windowOpen,
        licenceMissing: db.licenceMissing,
        requests: [...db.requests.values()],
        apps: [...db.apps.values()],
      };
    }
    const tmp = `${options.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(out, null, 2));
    renameSync(tmp, options.stateFile);
  }

  function getDb(name: string): DbState {
    const db = dbs.get(name.toLowerCase());
    if (!db) throw new HttpError(404, errorResponse('NotFound', `Unknown database '${name}'.`));
    return db;
  }

  function findRequest(db: DbState, id: string): RegistrationRequest {
    const r = db.requests.get(id.toLowerCase());
    if (!r)
      throw new HttpError(
        404,
        errorResponse('NotFound', `No registration request with id '${id}' was found.`),
      );
    return r;
  }

  function setWindow(dbName: string, open: boolean) {
    const db = getDb(dbName);
    db.windowOpen = open;
    if (!open) {
      // Closing the Wawi dialog ends the requests that were waiting in it.
      for (const [id, r] of db.requests) if (r.status === 0) db.requests.delete(id);
    }
    saveState();
  }

  function decide(dbName: string, id: string, accept: boolean, grantedOptional?: string[]) {
    const db = getDb(dbName);
    const r = findRequest(db, id);
    if (r.status !== 0) throw new HttpError(409, { error: 'This request was already decided.' });
    if (!accept) {
      r.status = 1;
    } else {
      const optional = grantedOptional
        ? r.body.OptionalApiScopes.filter((s) => grantedOptional.includes(s))
        : r.body.OptionalApiScopes;
      const key = randomUUID().toUpperCase();
      r.status = 2;
      r.apiKey = key;
      const existing = r.instanceOf ? db.apps.get(r.instanceOf.toLowerCase()) : undefined;
      if (existing) {
        existing.keys.push(key);
        r.grantedScopes = existing.grantedScopes;
      } else {
        r.grantedScopes = [...new Set([...r.body.MandatoryApiScopes, ...optional])];
        db.apps.set(r.appId.toLowerCase(), {
          appId: r.appId,
          displayName: r.body.DisplayName,
          providerName: r.body.ProviderName,
          version: r.body.Version,
          registrationType: r.body.RegistrationType,
          grantedScopes: r.grantedScopes,
          keys: [key],
          registeredAt: new Date().toISOString(),
          icon: r.body.AppIcon,
        });
      }
    }
    if (closeAfterDecision) db.windowOpen = false;
    saveState();
  }

  function scheduleAutoAccept(dbName: string, id: string) {
    if (options.autoAcceptMs === undefined) return;
    const t = setTimeout(() => {
      timers.delete(t);
      try {
        decide(dbName, id, true);
      } catch {
        // already decided or gone
      }
    }, options.autoAcceptMs);
    t.unref();
    timers.add(t);
  }

  // ---- HTTP plumbing ----

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    version: PathVersion,
    headers: Record<string, string> = {},
  ) {
    const payload = body === undefined ? '' : JSON.stringify(version === 'v2' ? camel(body) : body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
      ...headers,
    });
    res.end(payload);
  }

  function header(req: IncomingMessage, name: string): string | undefined {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  }

  function resolveVersion(req: IncomingMessage, pathVersion: string | undefined): PathVersion {
    const apiVersion = header(req, 'api-version');
    if (pathVersion) {
      if (apiVersion !== undefined) {
        throw new HttpError(
          400,
          errorResponse(
            'AmbiguousApiVersion',
            'The request has an ambiguous api version: it names one in the path and one in the api-version header.',
          ),
        );
      }
      if (!pathVersions.includes(pathVersion as PathVersion)) throw new HttpError(404, undefined);
      return pathVersion as PathVersion;
    }
    if (apiVersion === undefined) return latest;
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
    if (options.unversionedQuirk404 && apiVersion.trim() === '1.1') throw new HttpError(404, undefined);
    return v;
  }

  function requireChallenge(req: IncomingMessage): string {
    const code = header(req, 'x-challengecode');
    if (code === undefined || code.trim() === '') {
      throw new HttpError(
        400,
        errorResponse('ValidationError', 'The x-challengecode header is required.', {
          'x-challengecode': ['The x-challengecode header is required.'],
        }),
      );
    }
    if (code.length > 30) {
      throw new HttpError(
        400,
        errorResponse('ValidationError', 'The x-challengecode header may have at most 30 characters.', {
          'x-challengecode': ['At most 30 characters.'],
        }),
      );
    }
    return code;
  }

  function requireLicence(db: DbState) {
    if (db.licenceMissing) throw new HttpError(402, {});
  }

  function requireWindow(db: DbState) {
    if (!db.windowOpen) {
      throw new HttpError(
        403,
        errorResponse(
          'NoActiveRegistration',
          'There is no application service available to receive and handle the registration request.',
        ),
      );
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, dbName: string, rest: string[]) {
    let pathVersion: string | undefined;
    if (rest[0] && /^v\d+$/i.test(rest[0])) pathVersion = rest.shift()!.toLowerCase();
    const version = resolveVersion(req, pathVersion);
    const db = getDb(dbName);
    const method = req.method ?? 'GET';
    const [resource, id, extra] = rest.map((s) => decodeURIComponent(s));
    const route = `${method} ${resource?.toLowerCase() ?? ''}${id !== undefined ? '/{id}' : ''}${extra !== undefined ? '/+' : ''}`;

    switch (route) {
      case 'GET info':
        return send(
          res,
          200,
          {
            Version: wawiVersion,
            Timestamp: new Date().toISOString(),
            Tenant: dbNames.get(dbName.toLowerCase()),
            Type: 'WAWI-Api',
          },
          version,
        );

      case 'POST authentication': {
        requireLicence(db);
        const code = requireChallenge(req);
        const { body, errors } = validateRegistration(await readJson(req));
        if (!body)
          throw new HttpError(
            400,
            errorResponse('ValidationError', 'One or more validation errors occurred.', errors),
          );
        requireWindow(db);
        if (db.apps.has(body.AppId.toLowerCase())) {
          throw new HttpError(
            409,
            errorResponse('Conflict', `An app with the AppId '${body.AppId}' is already registered.`),
          );
        }
        const r: RegistrationRequest = {
          id: randomUUID().toUpperCase(),
          appId: body.AppId,
          challengeCode: code,
          createdAt: new Date().toISOString(),
          status: 0,
          body,
          delivered: false,
        };
        db.requests.set(r.id.toLowerCase(), r);
        saveState();
        scheduleAutoAccept(dbName, r.id);
        return send(res, 201, { AppId: r.appId, RegistrationRequestId: r.id, Status: 0 }, version);
      }

      case 'GET authentication/{id}': {
        requireLicence(db);
        const code = requireChallenge(req);
        const r = findRequest(db, id!);
        if (r.challengeCode !== code) {
          throw new HttpError(
            400,
            errorResponse('ValidationError', 'The x-challengecode does not match the registration request.', {
              'x-challengecode': ['Does not match.'],
            }),
          );
        }
        if (r.delivered) throw new HttpError(410, {});
        const info = { RequestStatusInfo: { AppId: r.appId, RegistrationRequestId: r.id, Status: r.status } };
        if (r.status === 0) return send(res, 200, info, version);
        r.delivered = true;
        r.deliveredAt = Date.now();
        saveState();
        if (r.status === 1) return send(res, 200, info, version);
        return send(
          res,
          200,
          { ...info, Token: { ApiKey: r.apiKey }, GrantedScopes: r.grantedScopes },
          version,
        );
      }

      case 'POST authentication/{id}': {
        requireLicence(db);
        const code = requireChallenge(req);
        requireWindow(db);
        const original = findRequest(db, id!);
        const app = db.apps.get(original.appId.toLowerCase());
        if (!app || original.status !== 2) {
          throw new HttpError(
            400,
            errorResponse('ValidationError', 'The app of this request is not registered.'),
          );
        }
        if (app.registrationType !== 1) {
          throw new HttpError(
            400,
            errorResponse('ValidationError', 'The app is not registered as MultiInstance.'),
          );
        }
        const r: RegistrationRequest = {
          ...original,
          id: randomUUID().toUpperCase(),
          challengeCode: code,
          createdAt: new Date().toISOString(),
          status: 0,
          apiKey: undefined,
          grantedScopes: undefined,
          delivered: false,
          instanceOf: app.appId,
        };
        db.requests.set(r.id.toLowerCase(), r);
        saveState();
        scheduleAutoAccept(dbName, r.id);
        return send(res, 200, { AppId: r.appId, RegistrationRequestId: r.id, Status: 0 }, version);
      }

      case 'GET companies': {
        const auth = header(req, 'authorization') ?? '';
        const m = /^Wawi\s+(\S+)$/i.exec(auth.trim());
        const app = m ? [...db.apps.values()].find((a) => a.keys.includes(m[1]!)) : undefined;
        if (!app) throw new HttpError(401, undefined);
        requireLicence(db);
        const errors: Record<string, string[]> = {};
        if (!header(req, 'x-appid')) errors['x-appid'] = ['The x-appid header is required.'];
        if (!header(req, 'x-appversion')) errors['x-appversion'] = ['The x-appversion header is required.'];
        if (Object.keys(errors).length)
          throw new HttpError(400, errorResponse('ValidationError', 'Required headers are missing.', errors));
        if (header(req, 'x-appid')!.toLowerCase() !== app.appId.toLowerCase())
          throw new HttpError(401, undefined);
        if (!app.grantedScopes.some((s) => s === 'company.querycompanies' || s === 'all.read')) {
          throw new HttpError(
            403,
            errorResponse(
              'Forbidden',
              'The app was not granted a scope for this operation (company.querycompanies).',
            ),
          );
        }
        return send(
          res,
          200,
          [
            { Id: 1, Name: 'Muster GmbH' },
            { Id: 2, Name: 'Muster Handel KG' },
          ],
          version,
        );
      }

      default:
        throw new HttpError(404, undefined);
    }
  }

  // ---- Control API for the merchant's side ----

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, parts: string[]) {
    const method = req.method ?? 'GET';
    const json = (status: number, body: unknown) => send(res, status, body, 'v1');
    if (parts[0] === 'faults') {
      if (method === 'GET')
        return json(
          200,
          faults.map(({ re: _re, ...f }) => f),
        );
      if (method === 'DELETE') {
        faults = [];
        return json(200, { ok: true });
      }
      if (method === 'POST') {
        const body = await readJson(req);
        const list = (Array.isArray(body) ? body : [body]) as Fault[];
        addFaults(list);
        return json(200, { ok: true, count: faults.length });
      }
    }
    if (parts[0] === 'databases' && method === 'GET') return json(200, databases);
    const [dbName, what, id, action] = parts.map((s) => decodeURIComponent(s));
    if (!dbName) throw new HttpError(404, { error: 'Unknown control route.' });
    const db = getDb(dbName);
    if (what === 'window' && method === 'GET') return json(200, { open: db.windowOpen });
    if (what === 'window' && method === 'POST') {
      const body = (await readJson(req)) as { open?: unknown } | undefined;
      if (typeof body?.open !== 'boolean') throw new HttpError(400, { error: 'Send {"open": true|false}.' });
      setWindow(dbName, body.open);
      return json(200, { open: db.windowOpen });
    }
    if (what === 'licence' && method === 'POST') {
      const body = (await readJson(req)) as { missing?: unknown } | undefined;
      db.licenceMissing = body?.missing === true;
      saveState();
      return json(200, { missing: db.licenceMissing });
    }
    if (what === 'requests' && !id && method === 'GET') {
      return json(
        200,
        [...db.requests.values()]
          .filter((r) => r.status === 0)
          .map((r) => ({
            id: r.id,
            appId: r.appId,
            displayName: r.body.DisplayName,
            description: r.body.Description,
            providerName: r.body.ProviderName,
            providerWebsite: r.body.ProviderWebsite,
            version: r.body.Version,
            icon: r.body.AppIcon,
            mandatoryScopes: r.body.MandatoryApiScopes,
            optionalScopes: r.body.OptionalApiScopes,
            localizedDisplayNames: r.body.LocalizedDisplayNames ?? [],
            instanceOf: r.instanceOf ?? null,
            createdAt: r.createdAt,
          })),
      );
    }
    if (what === 'requests' && id && method === 'POST' && (action === 'accept' || action === 'reject')) {
      const body = (await readJson(req)) as { grantedScopes?: unknown } | undefined;
      const granted = Array.isArray(body?.grantedScopes) ? (body.grantedScopes as string[]) : undefined;
      decide(dbName, id, action === 'accept', granted);
      return json(200, { ok: true });
    }
    if (what === 'apps' && !id && method === 'GET') {
      return json(
        200,
        [...db.apps.values()].map((a) => ({
          appId: a.appId,
          displayName: a.displayName,
          providerName: a.providerName,
          version: a.version,
          grantedScopes: a.grantedScopes,
          keys: a.keys.length,
          registeredAt: a.registeredAt,
          icon: a.icon,
        })),
      );
    }
    if (what === 'apps' && id && method === 'DELETE') {
      const removed = db.apps.delete(id.toLowerCase());
      saveState();
      if (!removed) throw new HttpError(404, { error: `No app '${id}' is registered.` });
      return json(200, { ok: true });
    }
    throw new HttpError(404, { error: 'Unknown control route.' });
  }

  function addFaults(list: Fault[]) {
    for (const f of list) {
      if (!f || typeof f.path !== 'string' || typeof f.type !== 'string')
        throw new HttpError(400, { error: 'Each fault needs a path and a type.' });
      faults.push({ ...f, remaining: f.times ?? 1, re: globToRegExp(f.path) });
    }
  }

  /** Returns true when the fault answered the request itself. */
  async function applyFault(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const f = faults.find(
      (x) => x.remaining > 0 && x.re.test(path) && (!x.method || x.method.toUpperCase() === req.method),
    );
    if (!f) return false;
    f.remaining -= 1;
    faults = faults.filter((x) => x.remaining > 0);
    switch (f.type) {
      case 'latency':
        await new Promise((r) => setTimeout(r, f.ms ?? 1000));
        return false;
      case 'status': {
        const headers: Record<string, string> = {};
        if (f.retryAfter !== undefined) headers['retry-after'] = String(f.retryAfter);
        send(
          res,
          f.status ?? 503,
          errorResponse('ServiceUnavailable', 'The service is temporarily unavailable.'),
          'v1',
          headers,
        );
        return true;
      }
      case 'reset':
        req.socket.destroy();
        return true;
      case 'hang':
        return true;
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"RequestStatusInfo": {"AppId": "x", "Status": ');
        return true;
      case 'html':
        res.writeHead(f.status ?? 502, { 'content-type': 'text/html' });
        res.end(
          '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
        );
        return true;
      case 'oversized': {
        const big = `{"Padding":"${'x'.repeat(5 * 1024 * 1024)}"}`;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(big) });
        res.end(big);
        return true;
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const path = url.pathname;
    const parts = path.split('/').filter(Boolean);
    let version: PathVersion = 'v1';
    try {
      if (parts[0] === '__admin') {
        if (parts[1] === 'api') return await handleAdmin(req, res, parts.slice(2));
        const page =
          parts[1] === 'admin.js'
            ? [ADMIN_JS, 'text/javascript']
            : parts[1] === 'admin.css'
              ? [ADMIN_CSS, 'text/css']
              : parts.length === 1
                ? [ADMIN_HTML, 'text/html']
                : undefined;
        if (!page) throw new HttpError(404, undefined);
        res.writeHead(200, { 'content-type': `${page[1]}; charset=utf-8`, 'cache-control': 'no-store' });
        return res.end(page[0]);
      }
      const key = `${req.method} ${path}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      if (await applyFault(req, res, path)) return;
      if (parts[0] !== 'api' || !parts[1]) throw new HttpError(404, undefined);
      if (parts[2] === 'v2') version = 'v2';
      return await handleApi(req, res, decodeURIComponent(parts[1]), parts.slice(2));
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
  const first = databases[0]!;

  return {
    url,
    port,
    apiUrl: (db = first) => `${url}/api/${db}`,
    adminUrl: `${url}/__admin/`,
    setWindow,
    pending: (db = first) =>
      [...getDb(db).requests.values()]
        .filter((r) => r.status === 0)
        .map((r) => ({ id: r.id, appId: r.appId })),
    accept: (id, grantedScopes, db = first) => decide(db, id, true, grantedScopes),
    reject: (id, db = first) => decide(db, id, false),
    removeApp: (appId, db = first) => {
      const removed = getDb(db).apps.delete(appId.toLowerCase());
      saveState();
      return removed;
    },
    apps: (db = first) =>
      [...getDb(db).apps.values()].map((a) => ({
        appId: a.appId,
        grantedScopes: a.grantedScopes,
        keys: a.keys.length,
      })),
    setLicenceMissing: (db, missing) => {
      getDb(db).licenceMissing = missing;
    },
    addFaults,
    clearFaults: () => {
      faults = [];
    },
    hits,
    challengeCodes: () =>
      [...dbs.values()].flatMap((d) => [...d.requests.values()].map((r) => r.challengeCode)),
    apiKeys: () =>
      [...dbs.values()].flatMap((d) => [...d.requests.values()].flatMap((r) => (r.apiKey ? [r.apiKey] : []))),
    accepted: (db = first) =>
      [...getDb(db).requests.values()].flatMap((r) =>
        r.status === 2 && r.apiKey
          ? [{ id: r.id, appId: r.appId, apiKey: r.apiKey, deliveredAt: r.deliveredAt }]
          : [],
      ),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
