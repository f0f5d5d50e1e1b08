import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { simSignature } from '../../tools/wawi-sim/signatures';
import { call, registrationBody } from '../helpers/http';

let sim: WawiSim;
let api: string;
const admin = (path: string) => `${sim.url}/__admin/api/${path}`;
const cc = (code = 'challenge-1') => ({ 'x-challengecode': code });

async function openWindow(db = 'eazybusiness') {
  expect((await call('POST', admin(`${db}/window`), { body: { open: true } })).status).toBe(200);
}
async function postRegistration(overrides = {}, code = 'challenge-1', base = api) {
  return call('POST', `${base}/v1/authentication`, { headers: cc(code), body: registrationBody(overrides) });
}

beforeEach(async () => {
  sim = await startWawiSim({ port: 0 });
  api = sim.apiUrl();
});
afterEach(async () => {
  await sim.close();
});

describe('versions and casing', () => {
  it('serves /info unversioned, under /v1/ (PascalCase) and /v2/ (camelCase)', async () => {
    const v1 = await call('GET', `${api}/v1/info`);
    expect(v1.status).toBe(200);
    expect(v1.json).toMatchObject({ Version: '1.10.12.0', Tenant: 'eazybusiness', Type: 'WAWI-Api' });
    const v2 = await call('GET', `${api}/v2/info`);
    expect(v2.json).toMatchObject({ version: '1.10.12.0', tenant: 'eazybusiness', type: 'WAWI-Api' });
    const latest = await call('GET', `${api}/info`);
    expect(latest.json).toHaveProperty('version');
    const pinned = await call('GET', `${api}/info`, { headers: { 'api-version': '1.0' } });
    expect(pinned.json).toHaveProperty('Version');
  });

  it("takes an api-version that names the path's own version, and answers 400 for another one", async () => {
    // As ASP.NET API Versioning does; WawiIC (Go), which works against a real Wawi, sends exactly this.
    await openWindow();
    const { json } = await postRegistration();
    const id = json.RegistrationRequestId as string;
    const plain = await call('GET', `${api}/v1/authentication/${id}`, { headers: cc() });
    const same = await call('GET', `${api}/v1/authentication/${id}`, {
      headers: { ...cc(), 'api-version': '1.0' },
    });
    expect(plain.status).toBe(200);
    expect(same.status).toBe(plain.status);
    expect(same.json).toEqual(plain.json);
    const other = await call('GET', `${api}/v1/authentication/${id}`, {
      headers: { ...cc(), 'api-version': '2.0' },
    });
    expect(other.status).toBe(400);
    expect(other.json.ErrorMessage).toMatch(/ambiguous api version/);
  });

  it('answers the unversioned path as v2 by default, or as v1 when set so (--unversioned v1)', async () => {
    expect((await call('GET', `${api}/info`)).json).toHaveProperty('version');
    const v1 = await startWawiSim({ port: 0, unversioned: 'v1' });
    try {
      const r = await call('GET', `${v1.apiUrl()}/info`);
      expect(r.json).toHaveProperty('Version');
      expect(
        (await call('GET', `${v1.apiUrl()}/info`, { headers: { 'api-version': '2.0' } })).json,
      ).toHaveProperty('version');
    } finally {
      await v1.close();
    }
  });

  it('answers 400 for an unsupported api-version', async () => {
    const r = await call('GET', `${api}/info`, { headers: { 'api-version': '9.9' } });
    expect(r.status).toBe(400);
    expect(r.json.errorMessage ?? r.json.ErrorMessage).toMatch(/does not support the api version/);
  });

  it('can drop /v1/ (a v2-only server) and reproduce the 404 quirk of api-version 1.1', async () => {
    const v2only = await startWawiSim({ port: 0, pathVersions: ['v2'], unversionedQuirk404: true });
    try {
      expect((await call('GET', `${v2only.apiUrl()}/v1/info`)).status).toBe(404);
      expect((await call('GET', `${v2only.apiUrl()}/v2/info`)).status).toBe(200);
      const quirk = await startWawiSim({ port: 0, unversionedQuirk404: true });
      expect(
        (await call('GET', `${quirk.apiUrl()}/info`, { headers: { 'api-version': '1.1' } })).status,
      ).toBe(404);
      expect((await call('GET', `${quirk.apiUrl()}/v1/info`)).status).toBe(200);
      await quirk.close();
    } finally {
      await v2only.close();
    }
  });

  it('answers 404 for an unknown database or route', async () => {
    expect((await call('GET', `${sim.url}/api/Mandant_9/v1/info`)).status).toBe(404);
    expect((await call('GET', `${api}/v1/nothing`)).status).toBe(404);
  });
});

describe('registration', () => {
  it('runs the documented sequence: 201, pending, accepted with key and scopes, then 410', async () => {
    await openWindow();
    const created = await postRegistration();
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ AppId: 'TestApp/v1', Status: 0 });
    const id = created.json.RegistrationRequestId as string;
    expect(id).toMatch(/^[0-9A-F-]{36}$/);

    const pending = await call('GET', `${api}/v1/authentication/${id}`, { headers: cc() });
    expect(pending.status).toBe(200);
    expect(pending.json.RequestStatusInfo).toMatchObject({ Status: 0, RegistrationRequestId: id });
    expect(pending.json.Token).toBeUndefined();

    const list = await call('GET', admin('eazybusiness/requests'));
    expect(list.json).toHaveLength(1);
    expect(list.json[0]).toMatchObject({
      id,
      displayName: 'Test App',
      mandatoryScopes: ['company.querycompanies'],
    });
    expect(JSON.stringify(list.json)).not.toContain('challenge-1');

    expect((await call('POST', admin(`eazybusiness/requests/${id}/accept`), { body: {} })).status).toBe(200);
    const accepted = await call('GET', `${api}/v1/authentication/${id}`, { headers: cc() });
    expect(accepted.status).toBe(200);
    expect(accepted.json.RequestStatusInfo.Status).toBe(2);
    expect(accepted.json.Token.ApiKey).toMatch(/^[0-9A-F-]{36}$/);
    expect(accepted.json.GrantedScopes).toEqual(['company.querycompanies', 'item.queryitems']);

    const again = await call('GET', `${api}/v1/authentication/${id}`, { headers: cc() });
    expect(again.status).toBe(410);
  });

  it('answers in camelCase under /v2/', async () => {
    await openWindow();
    const created = await call('POST', `${api}/v2/authentication`, {
      headers: cc(),
      body: registrationBody(),
    });
    expect(created.status).toBe(201);
    const id = created.json.registrationRequestId;
    sim.accept(id, []);
    const r = await call('GET', `${api}/v2/authentication/${id}`, { headers: cc() });
    expect(r.json.requestStatusInfo.status).toBe(2);
    expect(r.json.token.apiKey).toMatch(/^[0-9A-F-]{36}$/);
    expect(r.json.grantedScopes).toEqual(['company.querycompanies']);
  });

  it('grants the mandatory scopes plus only the optional ones ticked', async () => {
    await openWindow();
    const id = (await postRegistration({ OptionalApiScopes: ['item.queryitems', 'all.read'] })).json
      .RegistrationRequestId;
    await call('POST', admin(`eazybusiness/requests/${id}/accept`), {
      body: { grantedScopes: ['all.read', 'unknown.scope'] },
    });
    const r = await call('GET', `${api}/v1/authentication/${id}`, { headers: cc() });
    expect(r.json.GrantedScopes).toEqual(['company.querycompanies', 'all.read']);
  });

  it('reports a rejection once, then 410', async () => {
    await openWindow();
    const id = (await postRegistration()).json.RegistrationRequestId;
    expect((await call('POST', admin(`eazybusiness/requests/${id}/reject`))).status).toBe(200);
    const r = await call('GET', `${api}/v1/authentication/${id}`, { headers: cc() });
    expect(r.json.RequestStatusInfo.Status).toBe(1);
    expect(r.json.Token).toBeUndefined();
    expect((await call('GET', `${api}/v1/authentication/${id}`, { headers: cc() })).status).toBe(410);
  });

  it('answers 403 NoActiveRegistration while no registration window is open', async () => {
    const r = await postRegistration();
    expect(r.status).toBe(403);
    expect(r.json.ErrorCode).toBe('NoActiveRegistration');
    await openWindow();
    expect((await postRegistration()).status).toBe(201);
    await call('POST', admin('eazybusiness/window'), { body: { open: false } });
    expect((await postRegistration()).status).toBe(403);
  });

  it('closes the dialog after a decision, and closing it ends waiting requests (404)', async () => {
    await openWindow();
    const first = (await postRegistration()).json.RegistrationRequestId;
    sim.accept(first);
    expect((await call('GET', admin('eazybusiness/window'))).json.open).toBe(false);
    await openWindow();
    const second = (await postRegistration({ AppId: 'Other/v1' })).json.RegistrationRequestId;
    await call('POST', admin('eazybusiness/window'), { body: { open: false } });
    expect((await call('GET', `${api}/v1/authentication/${second}`, { headers: cc() })).status).toBe(404);
  });

  it('requires x-challengecode of at most 30 characters that matches the POST', async () => {
    await openWindow();
    const missing = await call('POST', `${api}/v1/authentication`, { body: registrationBody() });
    expect(missing.status).toBe(400);
    expect(missing.json.ValidationErrors).toHaveProperty('x-challengecode');
    expect((await postRegistration({}, 'x'.repeat(31))).status).toBe(400);
    const id = (await postRegistration({}, 'x'.repeat(30))).json.RegistrationRequestId;
    const wrong = await call('GET', `${api}/v1/authentication/${id}`, { headers: cc('another') });
    expect(wrong.status).toBe(400);
    expect((await call('GET', `${api}/v1/authentication/${id}`)).status).toBe(400);
    expect(
      (await call('GET', `${api}/v1/authentication/${id}`, { headers: cc('x'.repeat(30)) })).status,
    ).toBe(200);
  });

  it('answers 400 with ValidationErrors per field for missing or invalid fields', async () => {
    await openWindow();
    const r = await postRegistration({
      DisplayName: undefined,
      MandatoryApiScopes: 'all.read',
      AppIcon: 'not base64!',
      RegistrationType: 7,
    });
    expect(r.status).toBe(400);
    expect(r.json.ErrorCode).toBe('ValidationError');
    expect(Object.keys(r.json.ValidationErrors).sort()).toEqual([
      'AppIcon',
      'DisplayName',
      'MandatoryApiScopes',
      'RegistrationType',
    ]);
    const notJson = await call('POST', `${api}/v1/authentication`, { headers: cc(), body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('answers 409 for an AppId that is already registered', async () => {
    await openWindow();
    sim.accept((await postRegistration()).json.RegistrationRequestId);
    await openWindow();
    const r = await postRegistration({ AppId: 'testapp/V1' });
    expect(r.status).toBe(409);
    expect(r.json.ErrorMessage).toMatch(/already registered/);
  });

  it('answers 404 for an unknown request id', async () => {
    const r = await call('GET', `${api}/v1/authentication/00000000-0000-0000-0000-000000000000`, {
      headers: cc(),
    });
    expect(r.status).toBe(404);
    expect(r.json.ErrorMessage).toBeTruthy();
  });

  it('answers 402 in licence-missing mode', async () => {
    await openWindow();
    await call('POST', admin('eazybusiness/licence'), { body: { missing: true } });
    const r = await postRegistration();
    expect(r.status).toBe(402);
    expect(r.json).toEqual({});
    expect((await call('GET', `${api}/v1/info`)).status).toBe(200);
  });

  it('registers another instance of a MultiInstance app with POST /authentication/{id}', async () => {
    await openWindow();
    const id = (await postRegistration({ RegistrationType: 1 })).json.RegistrationRequestId;
    sim.accept(id);
    await call('GET', `${api}/v1/authentication/${id}`, { headers: cc() });
    await openWindow();
    const more = await call('POST', `${api}/v1/authentication/${id}`, { headers: cc('second') });
    expect(more.status).toBe(200);
    expect(more.json.Status).toBe(0);
    const newId = more.json.RegistrationRequestId;
    expect(newId).not.toBe(id);
    sim.accept(newId);
    const r = await call('GET', `${api}/v1/authentication/${newId}`, { headers: cc('second') });
    expect(r.json.Token.ApiKey).toBeTruthy();
    expect(sim.apps()[0]?.keys).toBe(2);
  });

  it('answers 400 to another instance of a OneInstance app, and 403 with the window closed', async () => {
    await openWindow();
    const id = (await postRegistration()).json.RegistrationRequestId;
    sim.accept(id);
    expect((await call('POST', `${api}/v1/authentication/${id}`, { headers: cc() })).status).toBe(403);
    await openWindow();
    expect((await call('POST', `${api}/v1/authentication/${id}`, { headers: cc() })).status).toBe(400);
  });

  it('removes one instance: its key gets 401, the other keeps working', async () => {
    await openWindow();
    const id = (await postRegistration({ RegistrationType: 1 })).json.RegistrationRequestId;
    sim.accept(id);
    const first = (await call('GET', `${api}/v1/authentication/${id}`, { headers: cc() })).json.Token.ApiKey;
    await openWindow();
    const more = (await call('POST', `${api}/v1/authentication/${id}`, { headers: cc('b') })).json;
    sim.accept(more.RegistrationRequestId);
    const second = (
      await call('GET', `${api}/v1/authentication/${more.RegistrationRequestId}`, { headers: cc('b') })
    ).json.Token.ApiKey;
    const app = encodeURIComponent('TestApp/v1');
    expect((await call('DELETE', admin(`eazybusiness/apps/${app}/instances/2`))).status).toBe(200);
    const check = (key: string) =>
      call('GET', `${api}/v1/companies`, {
        headers: { authorization: `Wawi ${key}`, 'x-appid': 'TestApp/v1', 'x-appversion': '1.0.0' },
      });
    expect((await check(second)).status).toBe(401);
    expect((await check(first)).status).toBe(200);
    expect(sim.apps()[0]?.keys).toBe(1);
    expect((await call('DELETE', admin(`eazybusiness/apps/${app}/instances/2`))).status).toBe(404);
  });

  it('requires signed apps when configured: 402 unless the HMAC over "<AppId>.<SignatureData>" is fresh and right', async () => {
    const signed = await startWawiSim({ port: 0, signatureSecret: 's3cret' });
    try {
      await call('POST', `${signed.url}/__admin/api/eazybusiness/window`, { body: { open: true } });
      const base = signed.apiUrl();
      const now = new Date().toISOString();
      const old = new Date(Date.now() - 11 * 60_000).toISOString();
      const sig = (data: string, secret = 's3cret') => simSignature(secret, 'TestApp/v1', data);
      expect((await postRegistration({}, 'c', base)).status).toBe(402);
      expect((await postRegistration({ Signature: sig(old), SignatureData: old }, 'c', base)).status).toBe(
        402,
      );
      expect(
        (await postRegistration({ Signature: sig(now, 'x'), SignatureData: now }, 'c', base)).status,
      ).toBe(402);
      expect((await postRegistration({ Signature: sig(now), SignatureData: now }, 'c', base)).status).toBe(
        201,
      );
      expect(signed.received()[0]?.signatureData).toBe(now);
    } finally {
      await signed.close();
    }
  });

  it('keeps each database apart', async () => {
    const multi = await startWawiSim({ port: 0, databases: ['eazybusiness', 'Mandant_2'] });
    try {
      await call('POST', `${multi.url}/__admin/api/Mandant_2/window`, { body: { open: true } });
      expect((await postRegistration({}, 'c', multi.apiUrl('eazybusiness'))).status).toBe(403);
      expect((await postRegistration({}, 'c', multi.apiUrl('Mandant_2'))).status).toBe(201);
      expect((await call('GET', `${multi.apiUrl('Mandant_2')}/v1/info`)).json.Tenant).toBe('Mandant_2');
    } finally {
      await multi.close();
    }
  });
});

describe('companies and keys', () => {
  async function register(overrides = {}, granted?: string[]) {
    await openWindow();
    const id = (await postRegistration(overrides)).json.RegistrationRequestId;
    sim.accept(id, granted);
    return (await call('GET', `${api}/v1/authentication/${id}`, { headers: cc() })).json.Token
      .ApiKey as string;
  }
  const companies = (key: string, appId = 'TestApp/v1', extra: Record<string, string> = {}) =>
    call('GET', `${api}/v1/companies`, {
      headers: { authorization: `Wawi ${key}`, 'x-appid': appId, 'x-appversion': '1.0.0', ...extra },
    });

  it('answers 200 for a registered key, 401 once the app was removed', async () => {
    const key = await register();
    const ok = await companies(key);
    expect(ok.status).toBe(200);
    expect(ok.json[0]).toMatchObject({ Id: 1, Name: expect.any(String) });
    const apps = await call('GET', admin('eazybusiness/apps'));
    expect(apps.json[0]).toMatchObject({
      appId: 'TestApp/v1',
      grantedScopes: ['company.querycompanies', 'item.queryitems'],
    });
    expect(JSON.stringify(apps.json)).not.toContain(key);
    const del = await call('DELETE', admin(`eazybusiness/apps/${encodeURIComponent('TestApp/v1')}`));
    expect(del.status).toBe(200);
    expect((await companies(key)).status).toBe(401);
  });

  it('answers 401 for an unknown key or a missing header', async () => {
    expect((await companies('00000000-0000-0000-0000-000000000000')).status).toBe(401);
    expect((await call('GET', `${api}/v1/companies`)).status).toBe(401);
  });

  it('answers 403 when neither company.querycompanies nor all.read was granted, 200 with all.read', async () => {
    const key = await register(
      { MandatoryApiScopes: ['item.queryitems'], OptionalApiScopes: ['company.querycompanies'] },
      [],
    );
    expect((await companies(key)).status).toBe(403);
    const key2 = await register({ AppId: 'Reader/v1', MandatoryApiScopes: ['all.read'] });
    expect((await companies(key2, 'Reader/v1')).status).toBe(200);
  });

  it('answers every read endpoint of API 1.0 by its scope: /v1/items with item.queryitems, 403 without', async () => {
    const get = (key: string, path: string, appId = 'TestApp/v1') =>
      call('GET', `${api}/v1/${path}`, {
        headers: { authorization: `Wawi ${key}`, 'x-appid': appId, 'x-appversion': '1.0.0' },
      });
    const items = await register({ MandatoryApiScopes: ['item.queryitems'], OptionalApiScopes: [] });
    expect((await get(items, 'items')).status).toBe(200);
    expect((await get(items, 'items')).json).toEqual([]);
    expect((await get(items, 'warehouses')).status).toBe(403);
    expect((await get(items, 'items/42')).status).toBe(403); // one item needs item.getitem
    expect((await get(items, 'nosuchthing')).status).toBe(404);
    expect((await get('00000000-0000-0000-0000-000000000000', 'items')).status).toBe(401);
    const reader = await register({
      AppId: 'Reader/v1',
      MandatoryApiScopes: ['all.read'],
      OptionalApiScopes: [],
    });
    expect((await get(reader, 'warehouses', 'Reader/v1')).status).toBe(200);
    expect((await get(reader, 'items/42', 'Reader/v1')).status).toBe(404); // one item: none exist here
  });

  it('needs x-appid and x-appversion', async () => {
    const key = await register();
    const r = await call('GET', `${api}/v1/companies`, { headers: { authorization: `Wawi ${key}` } });
    expect(r.status).toBe(400);
    expect(Object.keys(r.json.ValidationErrors)).toEqual(['x-appid', 'x-appversion']);
  });
});

describe('auto-accept and state file', () => {
  it('opens the window at start and accepts each request after the delay', async () => {
    const auto = await startWawiSim({ port: 0, autoAcceptMs: 50 });
    try {
      const created = await postRegistration({}, 'c', auto.apiUrl());
      expect(created.status).toBe(201);
      const id = created.json.RegistrationRequestId;
      let r = await call('GET', `${auto.apiUrl()}/v1/authentication/${id}`, { headers: cc('c') });
      expect(r.json.RequestStatusInfo.Status).toBe(0);
      await new Promise((res) => setTimeout(res, 150));
      r = await call('GET', `${auto.apiUrl()}/v1/authentication/${id}`, { headers: cc('c') });
      expect(r.json.RequestStatusInfo.Status).toBe(2);
      expect((await postRegistration({ AppId: 'Second/v1' }, 'c', auto.apiUrl())).status).toBe(201);
    } finally {
      await auto.close();
    }
  });

  it('keeps registrations across restarts in --state', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-state-')), 'state.json');
    const a = await startWawiSim({ port: 0, stateFile: file });
    a.setWindow('eazybusiness', true);
    const id = (await postRegistration({}, 'c', a.apiUrl())).json.RegistrationRequestId;
    a.accept(id);
    await a.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).eazybusiness.apps).toHaveLength(1);
    const b = await startWawiSim({ port: 0, stateFile: file });
    try {
      const r = await call('GET', `${b.apiUrl()}/v1/authentication/${id}`, { headers: cc('c') });
      expect(r.json.RequestStatusInfo.Status).toBe(2);
      expect(b.apps()).toHaveLength(1);
    } finally {
      await b.close();
    }
  });
});

describe('faults', () => {
  const info = () => call('GET', `${api}/v1/info`);

  it('injects a 5xx with Retry-After a given number of times', async () => {
    await call('POST', admin('faults'), {
      body: [{ path: '/api/*/v1/info', type: 'status', status: 503, retryAfter: 2, times: 2 }],
    });
    const first = await info();
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('2');
    expect((await info()).status).toBe(503);
    expect((await info()).status).toBe(200);
  });

  it("answers an injected status with a body of that status's own words", async () => {
    await call('POST', admin('faults'), {
      body: [
        { path: '/api/*/v1/info', type: 'status', status: 404 },
        { path: '/api/*/v1/info', type: 'status', status: 503 },
      ],
    });
    const gone = await info();
    expect([gone.status, gone.json.ErrorCode]).toEqual([404, 'NotFound']);
    expect(gone.json.ErrorMessage).not.toMatch(/unavailable/);
    const busy = await info();
    expect([busy.status, busy.json.ErrorCode]).toEqual([503, 'ServiceUnavailable']);
  });

  it('matches on method and leaves other routes alone', async () => {
    await call('POST', admin('faults'), {
      body: [{ method: 'POST', path: '/api/**', type: 'status', status: 500 }],
    });
    expect((await info()).status).toBe(200);
    await openWindow();
    expect((await postRegistration()).status).toBe(500);
  });

  it('adds latency', async () => {
    await call('POST', admin('faults'), { body: [{ path: '/api/*/v1/info', type: 'latency', ms: 300 }] });
    const t = Date.now();
    expect((await info()).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(250);
  });

  it('resets the connection', async () => {
    sim.addFaults([{ path: '/api/*/v1/info', type: 'reset' }]);
    await expect(info()).rejects.toThrow();
    expect((await info()).status).toBe(200);
  });

  it('hangs without answering', async () => {
    sim.addFaults([{ path: '/api/*/v1/info', type: 'hang' }]);
    const ctrl = AbortSignal.timeout(300);
    await expect(fetch(`${api}/v1/info`, { signal: ctrl })).rejects.toThrow();
  });

  it('sends malformed JSON, an HTML error page and an oversized body', async () => {
    sim.addFaults([
      { path: '/api/*/v1/info', type: 'malformed' },
      { path: '/api/*/v1/info', type: 'html' },
      { path: '/api/*/v1/info', type: 'oversized' },
    ]);
    const malformed = await info();
    expect(malformed.status).toBe(200);
    expect(malformed.json).toBeUndefined();
    const html = await info();
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toContain('text/html');
    const big = await info();
    expect(big.text.length).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('lists and clears faults', async () => {
    sim.addFaults([{ path: '/x', type: 'hang', times: 3 }]);
    expect((await call('GET', admin('faults'))).json).toEqual([
      { path: '/x', type: 'hang', times: 3, remaining: 3 },
    ]);
    await call('DELETE', admin('faults'));
    expect((await call('GET', admin('faults'))).json).toEqual([]);
    expect((await call('POST', admin('faults'), { body: [{ type: 'hang' }] })).status).toBe(400);
  });
});

describe('admin page', () => {
  it('serves the German App-Registrierung page and its script', async () => {
    const page = await call('GET', `${sim.url}/__admin/`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('App-Registrierung');
    expect(page.text).toContain('Hinzufügen');
    const js = await call('GET', `${sim.url}/__admin/admin.js`);
    expect(js.text).toContain('Annehmen');
    expect((await call('GET', admin('databases'))).json).toEqual(['eazybusiness']);
  });
});
