// readers/node (the npm module `wawi-registration-key`), as a vendor's app uses it: against keys the
// CLI stored in the real keychain under the contract's service names, over http and a pinned https.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { CONNECTION_SERVICE, KEY_SERVICE } from '../../main/core/store/vault';
import { accountName, parseWawiAddress } from '../../main/core/wawi/address';
import {
  accountFor,
  findRegistrations,
  readRegistration,
  wawiHeaders,
  wawiRequest,
} from '../../readers/node/index.mjs';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { makeCertificate, startImpostor } from '../helpers/certs';
import { APP, CLI, MANIFEST } from '../helpers/cli-env';
import { ROOT, run } from '../helpers/proc';

const sims: WawiSim[] = [];
afterEach(async () => {
  for (const s of sims.splice(0)) await s.close();
  for (const service of [KEY_SERVICE, CONNECTION_SERVICE])
    for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
});

/** The real CLI, with the contract's keychain names (this test file has a keyring of its own). */
async function registerWithCli(sim: WawiSim, ...more: string[]) {
  sim.setWindow('eazybusiness', true);
  const home = mkdtempSync(join(tmpdir(), 'reader-'));
  const resultFile = join(home, 'result.json');
  const accepting = setInterval(() => {
    const p = sim.pending()[0];
    if (p) sim.accept(p.id);
  }, 20);
  const r = await run(
    CLI,
    ['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--result-file', resultFile, ...more],
    {
      WAWI_REGISTER_HOME: home,
      WAWI_REGISTER_KEYCHAIN_SERVICE: undefined,
      WAWI_REGISTER_CANDIDATES: '127.0.0.1:9',
    },
  ).finally(() => clearInterval(accepting));
  expect(r.code, r.output).toBe(0);
  return JSON.parse(readFileSync(resultFile, 'utf8'));
}

async function sim(options: Parameters<typeof startWawiSim>[0] = {}) {
  const s = await startWawiSim({ port: 0, ...options });
  sims.push(s);
  return s;
}

describe('the Node reader', () => {
  it('is a package of its own: every file it publishes exists, keytar is a peer', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'readers/node/package.json'), 'utf8'));
    for (const file of pkg.files) expect(existsSync(join(ROOT, 'readers/node', file)), file).toBe(true);
    expect(pkg.exports['.']).toEqual({ types: './index.d.mts', default: './index.mjs' });
    expect(pkg.peerDependencies).toHaveProperty('keytar');
    expect(pkg).not.toHaveProperty('dependencies');
  });

  it('applies the helper host rule to every way of writing an address', () => {
    for (const address of [
      '127.0.0.1:5883',
      'localhost',
      'http://LOCALHOST:5883/api/Mandant_2/',
      'https://wawi.example.com/api/eazybusiness',
      'http://[::1]:64110',
      'wawi-server.:5883',
      'wawi-server:80',
    ])
      expect(accountFor('myApp/v1', address)).toBe(accountName('myApp/v1', parseWawiAddress(address)));
  });

  it('finds the key the CLI stored by AppId: base URL, fingerprint as in the result file, a call that works', async () => {
    const s = await sim();
    const result = await registerWithCli(s);
    const reg = await readRegistration({ appId: APP });
    expect(reg).toMatchObject({
      account: result.registration.account,
      appId: APP,
      instance: 1,
      database: 'eazybusiness',
      baseUrl: s.apiUrl(),
      certificatePin: null,
      keyFingerprint: result.registration.keyFingerprint,
    });
    expect(reg.key).toBe(s.apiKeys()[0]);
    expect(wawiHeaders(reg, '1.0.0')).toEqual({
      Authorization: `Wawi ${s.apiKeys()[0]}`,
      'x-appid': APP,
      'x-appversion': '1.0.0',
    });
    expect(() => wawiHeaders(reg, '')).toThrow(/appVersion is required/);
    const companies = await wawiRequest(reg, '/v1/companies', { appVersion: '1.0.0' });
    expect(companies.status).toBe(200);
    expect(Array.isArray(companies.body)).toBe(true);
    // By Mandant and by address, too.
    expect((await readRegistration({ appId: APP, database: 'EAZYBUSINESS' })).account).toBe(reg.account);
    expect((await readRegistration({ appId: APP, address: `localhost:${s.port}` })).account).toBe(
      reg.account,
    );
  });

  it('says which of not registered, several registrations and an unconfirmed connection it is', async () => {
    await expect(readRegistration({ appId: APP })).rejects.toMatchObject({ code: 'not-registered' });
    const a = await sim();
    const b = await sim();
    await registerWithCli(a);
    await registerWithCli(b);
    expect((await findRegistrations({ appId: APP })).length).toBe(2);
    await expect(readRegistration({ appId: APP })).rejects.toMatchObject({
      code: 'several-registrations',
      message: expect.not.stringContaining(a.apiKeys()[0]!),
    });
    const one = await readRegistration({ appId: APP, address: b.apiUrl() });
    expect(one.key).toBe(b.apiKeys()[0]);
    await expect(readRegistration({ appId: APP, database: 'other' })).rejects.toMatchObject({
      code: 'not-registered',
    });
    await keytar.deletePassword(CONNECTION_SERVICE, one.account);
    await expect(readRegistration({ appId: APP, address: b.apiUrl() })).rejects.toMatchObject({
      code: 'connection-unknown',
    });
  });

  it('over https accepts exactly the pinned certificate, and sends nothing to an impostor', async () => {
    const cert = makeCertificate();
    const s = await sim({ tls: { key: cert.key, cert: cert.cert } });
    await registerWithCli(s, '--allow-self-signed');
    const reg = await readRegistration({ appId: APP });
    expect(reg.baseUrl).toBe(s.apiUrl());
    expect(reg.certificatePin).toBe(cert.fingerprint);
    expect((await wawiRequest(reg, 'v1/companies', { appVersion: '1.0.0' })).status).toBe(200);
    const port = s.port;
    sims.splice(0);
    await s.close();
    const impostor = await startImpostor(port, makeCertificate());
    try {
      await expect(wawiRequest(reg, '/v1/companies', { appVersion: '1.0.0' })).rejects.toMatchObject({
        code: 'certificate-changed',
      });
      expect(impostor.requests).toEqual([]);
    } finally {
      await impostor.close();
    }
  });
});
