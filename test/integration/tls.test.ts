// https with a self-signed certificate works only after the explicit opt-in.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWawiAddress } from '../../main/core/address';
import { discover } from '../../main/core/discovery';
import { WawiClient } from '../../main/core/wawi-client';
import { decideWhenPending, demoManifest, makeCore } from '../helpers/core';
import { startWawiSim, type WawiSim } from '../wawi-sim/sim';

let sim: WawiSim;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-days',
      '1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  sim = await startWawiSim({
    port: 0,
    tls: {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    },
  });
  sim.setWindow('eazybusiness', true);
});
afterAll(async () => {
  await sim.close();
});

describe('https with a self-signed certificate', () => {
  it('is refused with tls-untrusted by default', async () => {
    const server = parseWawiAddress(sim.apiUrl());
    expect(server.baseUrl).toMatch(/^https:/);
    await expect(new WawiClient(server).detect()).rejects.toMatchObject({ code: 'tls-untrusted' });
    const h = makeCore();
    await expect(h.core.register(demoManifest(), server)).rejects.toMatchObject({ code: 'tls-untrusted' });
    expect([...sim.hits.keys()].some((k) => k.startsWith('POST'))).toBe(false);
    expect((await discover({ candidates: [sim.apiUrl()] })).servers).toEqual([]);
  });

  it('works after the explicit opt-in', async () => {
    const h = makeCore({ http: { allowSelfSigned: true } });
    const d = decideWhenPending(sim);
    const record = await h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()));
    d.stop();
    expect(record.server.baseUrl).toMatch(/^https:/);
    expect(record.server.allowSelfSigned).toBe(true);
    expect(record.lastVerifyResult).toBe('works');
    // Later runs without the flag (verify, list --verify) keep trusting this server, and only it.
    const later = makeCore({ home: h.home, service: h.service });
    expect((await later.core.verify(record.account)).result).toBe('works');
    await expect(new WawiClient(parseWawiAddress(sim.apiUrl())).detect()).rejects.toMatchObject({
      code: 'tls-untrusted',
    });
    await h.vault.delete(record.account);
  });
});
