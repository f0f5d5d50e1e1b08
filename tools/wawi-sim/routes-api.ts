// The REST API a vendor's app talks to: /info, the challenge-code registration (POST, GET, POST for
// another instance), /companies with sample rows, and every other read endpoint of API 1.0 with its
// scope check (./read-endpoints.ts), with the documented status codes.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { allows, readOperation } from './read-endpoints';
import { signatureProblem } from './signatures';
import type { SimState } from './state';
import type { DbState, RegisteredApp, RegistrationRequest } from './types';
import { validateRegistration } from './validation';
import { resolveVersion, type VersionRules } from './versioning';
import { errorResponse, HttpError, header, readJson, send } from './wire';

export interface ApiContext {
  state: SimState;
  rules: VersionRules;
  wawiVersion: string;
  tenant?: string;
  /** Signed registrations only (certified apps), checked with this shared secret. */
  signatureSecret?: string;
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

export async function handleApi(
  sim: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  dbName: string,
  rest: string[],
) {
  const { state } = sim;
  let pathVersion: string | undefined;
  if (rest[0] && /^v\d+$/i.test(rest[0])) pathVersion = rest.shift()!.toLowerCase();
  const version = resolveVersion(req, pathVersion, sim.rules);
  const db = state.db(dbName);
  const method = req.method ?? 'GET';
  const [resource, id, extra] = rest.map((s) => decodeURIComponent(s));
  const route = `${method} ${resource?.toLowerCase() ?? ''}${id !== undefined ? '/{id}' : ''}${extra !== undefined ? '/+' : ''}`;

  switch (route) {
    case 'GET info':
      return send(
        res,
        200,
        {
          Version: sim.wawiVersion,
          Timestamp: new Date().toISOString(),
          Tenant: sim.tenant ?? state.name(dbName),
          Type: 'WAWI-Api',
        },
        version,
      );

    case 'POST authentication': {
      requireLicence(db);
      const code = requireChallenge(req);
      const raw = await readJson(req);
      const { body, errors } = validateRegistration(raw);
      if (!body)
        throw new HttpError(
          400,
          errorResponse('ValidationError', 'One or more validation errors occurred.', errors),
        );
      // As JTL does for certified apps: 402 for a missing, stale or wrong signature.
      if (sim.signatureSecret && signatureProblem(body, sim.signatureSecret, Date.now()))
        throw new HttpError(402, {});
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
        fields: Object.keys(raw as object),
        delivered: false,
      };
      state.add(dbName, r);
      return send(res, 201, { AppId: r.appId, RegistrationRequestId: r.id, Status: 0 }, version);
    }

    case 'GET authentication/{id}': {
      requireLicence(db);
      const code = requireChallenge(req);
      const r = state.request(db, id!);
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
      state.save();
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
      const original = state.request(db, id!);
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
      state.add(dbName, r);
      return send(res, 200, { AppId: r.appId, RegistrationRequestId: r.id, Status: 0 }, version);
    }

    case 'GET companies': {
      const app = caller(req, db);
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

    default: {
      // Every other read endpoint of API 1.0: the scope check, then an empty list (or no such item).
      const read = method === 'GET' ? readOperation(rest) : undefined;
      if (!read) throw new HttpError(404, undefined);
      const app = caller(req, db);
      if (!allows(app.grantedScopes, read.operation))
        throw new HttpError(
          403,
          errorResponse(
            'Forbidden',
            `The app was not granted a scope for this operation (${read.operation}).`,
          ),
        );
      if (!read.collection)
        throw new HttpError(404, errorResponse('NotFound', 'The resource was not found.'));
      return send(res, 200, [], version);
    }
  }
}

/** The registered app a key belongs to, after the checks every API call makes (401, 402, 400). */
function caller(req: IncomingMessage, db: DbState): RegisteredApp {
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
  if (header(req, 'x-appid')!.toLowerCase() !== app.appId.toLowerCase()) throw new HttpError(401, undefined);
  return app;
}
