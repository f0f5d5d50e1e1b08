// The merchant's side of the simulator, for tests and the admin page: open or close the Wawi dialog,
// list, accept and reject requests, remove apps, the licence, and faults.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from './faults';
import type { SimState } from './state';
import type { Fault } from './types';
import { HttpError, readJson, send } from './wire';

export async function handleAdmin(
  state: SimState,
  faults: Faults,
  req: IncomingMessage,
  res: ServerResponse,
  parts: string[],
) {
  const method = req.method ?? 'GET';
  const json = (status: number, body: unknown) => send(res, status, body, 'v1');
  if (parts[0] === 'faults') {
    if (method === 'GET') return json(200, faults.describe());
    if (method === 'DELETE') {
      faults.clear();
      return json(200, { ok: true });
    }
    if (method === 'POST') {
      const body = await readJson(req);
      const list = (Array.isArray(body) ? body : [body]) as Fault[];
      faults.add(list);
      return json(200, { ok: true, count: faults.count });
    }
  }
  if (parts[0] === 'databases' && method === 'GET') return json(200, state.databases);
  const [dbName, what, id, action, index] = parts.map((s) => decodeURIComponent(s));
  if (!dbName) throw new HttpError(404, { error: 'Unknown control route.' });
  const db = state.db(dbName);
  if (what === 'window' && method === 'GET') return json(200, { open: db.windowOpen });
  if (what === 'window' && method === 'POST') {
    const body = (await readJson(req)) as { open?: unknown } | undefined;
    if (typeof body?.open !== 'boolean') throw new HttpError(400, { error: 'Send {"open": true|false}.' });
    state.setWindow(dbName, body.open);
    return json(200, { open: db.windowOpen });
  }
  if (what === 'licence' && method === 'POST') {
    const body = (await readJson(req)) as { missing?: unknown } | undefined;
    db.licenceMissing = body?.missing === true;
    state.save();
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
    state.decide(dbName, id, action === 'accept', granted);
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
        keys: a.keys.filter(Boolean).length,
        registeredAt: a.registeredAt,
        icon: a.icon,
      })),
    );
  }
  if (what === 'apps' && id && action === 'instances' && index && method === 'DELETE') {
    if (!state.removeInstance(dbName, id, Number(index)))
      throw new HttpError(404, { error: `No instance ${index} of '${id}' is registered.` });
    return json(200, { ok: true });
  }
  if (what === 'apps' && id && method === 'DELETE') {
    const removed = state.removeApp(dbName, id);
    if (!removed) throw new HttpError(404, { error: `No app '${id}' is registered.` });
    return json(200, { ok: true });
  }
  throw new HttpError(404, { error: 'Unknown control route.' });
}
