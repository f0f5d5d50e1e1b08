// The trusted connection over real TLS: discovery of https servers, trust on first use with a pin, an
// impostor with another certificate on the same address, and plain http only to this computer.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWawiAddress } from '../../main/core/wawi/address';
import { WawiClient } from '../../main/core/wawi/client';
import { discover } from '../../main/core/wawi/discovery';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { makeCertificate, startImpostor, type TestCertificate } from '../helpers/certs';
import { APP, CLI, cleanKeychain, isolatedEnv, MANIFEST } from '../helpers/cli-env';
import { decideWhenPending, demoManifest, makeCore } from '../helpers/core';
import { run } from '../helpers/proc';

let real: TestCertificate;
let other: TestCertificate;
beforeAll(() => {
  real = makeCertificate();
  other = makeCertificate();
});

async function httpsSim(port = 0) {
  const sim = await startWawiSim({ port, tls: { key: real.key, cert: real.cert } });
  sim.setWindow('eazybusiness', true);
  return sim;
}

describe('discovery over https', () => {
  it('finds an https-only server on this computer with its fingerprint, untrusted', async () => {
    // The port comes from the OS; discovery probes this computer on it as it does on the Wawi ports.
    const sim = await httpsSim();
    try {
      const { servers } = await discover({ ports: [sim.port] });
      const found = servers.find((s) => s.port === sim.port);
      expect(found?.baseUrl).toBe(`https://127.0.0.1:${sim.port}/api/eazybusiness`);
      expect(found?.certificate).toMatchObject({ fingerprint: real.fingerprint, trusted: false });
      expect(found?.certificate?.subject).toContain('CN=127.0.0.1');
      // Probing sent nothing but /info.
      expect([...sim.hits.keys()].every((k) => /\/info$/.test(k))).toBe(true);
    } finally {
      await sim.close();
    }
  });

  it('an address typed without a scheme is probed over https, and [::1] is connected as typed', async () => {
    const sim = await httpsSim();
    try {
      const { servers } = await discover({ candidates: [`127.0.0.1:${sim.port}`] });
      expect(servers.map((s) => s.baseUrl)).toEqual([`https://127.0.0.1:${sim.port}/api/eazybusiness`]);
    } finally {
      await sim.close();
    }
    const v6 = await startWawiSim({ port: 0, host: '::1' });
    try {
      const { servers } = await discover({ candidates: [`[::1]:${v6.port}`] });
      expect(servers.map((s) => s.baseUrl)).toEqual([`http://[::1]:${v6.port}/api/eazybusiness`]);
    } finally {
      await v6.close();
    }
  });
});

describe('trust on first use, pinned', () => {
  let sim: WawiSim;
  let h: ReturnType<typeof makeCore>;
  beforeAll(async () => {
    sim = await httpsSim();
    h = makeCore();
  });
  afterAll(async () => {
    await sim.close();
    for (const s of [h.service, `pending: ${h.service}`, `connection: ${h.service}`])
      for (const c of await keytar.findCredentials(s)) await keytar.deletePassword(s, c.account);
  });

  it('without trust: refused with the fingerprint, and nothing is sent', async () => {
    const server = parseWawiAddress(sim.apiUrl());
    const err = await h.core.register(demoManifest(), server).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'tls-untrusted', params: { fingerprint: real.fingerprint } });
    expect((err as Error).message).toContain(real.fingerprint);
    expect([...sim.hits.keys()].some((k) => k.startsWith('POST'))).toBe(false);
    expect(await h.vault.listPending()).toEqual([]);
  });

  it('with trust: registered, and the pin is kept with the registration', async () => {
    const d = decideWhenPending(sim);
    const record = await h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()), {
      trust: { allowSelfSigned: true },
    });
    d.stop();
    expect(record.server.baseUrl).toMatch(/^https:/);
    expect(record.server.certificatePin).toBe(real.fingerprint);
    expect(record.lastVerifyResult).toBe('works');
    expect(JSON.parse((await keytar.getPassword(`connection: ${h.service}`, record.account))!)).toEqual({
      v: 1,
      baseUrl: sim.apiUrl(),
      certificatePin: real.fingerprint,
    });
    // Later runs need no option: the pin is the trust.
    const later = makeCore({ home: h.home, service: h.service });
    expect((await later.core.verify(record.account)).result).toBe('works');
    // The pin is this registration's, not the process's.
    await expect(new WawiClient(parseWawiAddress(sim.apiUrl())).detect()).rejects.toMatchObject({
      code: 'tls-untrusted',
    });
  });

  it('metadata rebuilt from the keychain keeps https and the pin', async () => {
    rmSync(join(h.home, 'registrations.json'), { force: true });
    const [record] = await makeCore({ home: h.home, service: h.service }).core.list();
    expect(record?.rebuilt).toBe(true);
    expect(record?.server).toMatchObject({ baseUrl: sim.apiUrl(), certificatePin: real.fingerprint });
    expect(record?.server.connectionUnknown).toBeUndefined();
  });

  it('without a connection entry, registrations.json decides nothing: neither plain http nor its pin gets the key', async () => {
    const [record] = await h.core.list();
    const account = record!.account;
    const file = join(h.home, 'registrations.json');
    const entry = (await h.vault.connections()).get(account)!;
    await h.vault.deleteConnection(account);
    const point = (server: Record<string, unknown>) => {
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.registrations[0].server = { ...data.registrations[0].server, ...server };
      writeFileSync(file, JSON.stringify(data));
    };
    // A plain http listener elsewhere, named by the metadata with an http consent and no pin.
    const plain = createHttpServer((req, res) => {
      if (req.headers.authorization) keysSent.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"Version":"1.10.12.0","Tenant":"eazybusiness"}');
    });
    const keysSent: string[] = [];
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    const port = (plain.address() as { port: number }).port;
    await sim.close();
    const impostor = await startImpostor(sim.port, other);
    try {
      const { certificatePin: _pin, ...server } = record!.server;
      point({ ...server, baseUrl: `http://127.0.0.1:${port}/api/eazybusiness`, insecureHttp: true });
      await makeCore({ home: h.home, service: h.service })
        .core.verify(account)
        .catch(() => undefined);
      // The impostor on the account's own address, with the pin the metadata now names.
      point({ baseUrl: sim.apiUrl(), certificatePin: other.fingerprint, insecureHttp: undefined });
      await makeCore({ home: h.home, service: h.service })
        .core.verify(account)
        .catch(() => undefined);
      expect(keysSent).toEqual([]);
      expect(impostor.requests.filter((r) => r.authorization)).toEqual([]);
    } finally {
      plain.close();
      await impostor.close();
      sim = await httpsSim(sim.port);
      await h.vault.saveConnection(account, entry);
    }
  });

  it('an impostor with another certificate on the same address gets no request at all', async () => {
    const [record] = await h.core.list();
    const account = record!.account;
    await sim.close();
    const impostor = await startImpostor(sim.port, other);
    try {
      const err = await h.core.verify(account).catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'certificate-changed',
        params: { expected: real.fingerprint, fingerprint: other.fingerprint },
      });
      // Said as such in the log (both fingerprints) and in a check of all: not "unreachable".
      const log = h.files();
      expect(log).toContain('another certificate than the one trusted');
      expect(log).toContain(other.fingerprint);
      const [checked] = await h.core.list({ verify: true });
      expect(checked?.lastVerifyResult).toBe('certificate-changed');
      await expect(h.core.revoke(account, { timeoutMs: 2000 })).rejects.toMatchObject({
        code: 'certificate-changed',
      });
      // The option does not override the pin: registering the same account again uses it.
      await expect(
        h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()), {
          trust: { allowSelfSigned: true, certificatePin: other.fingerprint },
        }),
      ).rejects.toMatchObject({ code: 'certificate-changed' });
      expect(impostor.requests).toEqual([]);
      // Trusting it is an explicit act that names the fingerprint shown; a wrong one is refused.
      const check = await h.core.checkTrust(account);
      expect(check).toMatchObject({ pinned: real.fingerprint, needs: 'certificate' });
      expect(check.presented?.fingerprint).toBe(other.fingerprint);
      await expect(h.core.trust(account, { certificatePin: real.fingerprint })).rejects.toMatchObject({
        code: 'certificate-changed',
      });
      expect(impostor.requests).toEqual([]);
    } finally {
      await impostor.close();
      sim = await httpsSim(sim.port);
    }
  });
});

describe('the CLI over https', () => {
  let sim: WawiSim;
  let env: Record<string, string>;
  beforeAll(async () => {
    sim = await httpsSim();
    env = isolatedEnv({ WAWI_REGISTER_CANDIDATES: '127.0.0.1:9' });
  });
  afterAll(async () => {
    await cleanKeychain(env);
    await sim.close();
  });
  const cli = (args: string[]) => run(CLI, [...args, '--lang', 'en'], env);

  it('register without trust fails with exit 10 and prints the fingerprint', async () => {
    const r = await cli(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--timeout', '5s']);
    expect(r.code).toBe(10);
    expect(r.output).toContain(real.fingerprint);
    expect(r.output).toContain('--allow-self-signed');
  });

  it('--certificate-fingerprint with another value is refused before anything is sent', async () => {
    const r = await cli([
      'register',
      '--manifest',
      MANIFEST,
      '--wawi',
      sim.apiUrl(),
      '--certificate-fingerprint',
      other.fingerprint,
    ]);
    expect(r.code).toBe(13);
    expect([...sim.hits.keys()].some((k) => k.startsWith('POST'))).toBe(false);
  });

  it('--allow-self-signed pins on first use and prints the fingerprint; trust shows both later', async () => {
    const d = decideWhenPending(sim);
    const r = await cli(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--allow-self-signed']);
    d.stop();
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain(`SHA-256 ${real.fingerprint}`);

    const misplaced = await cli(['verify', '--app', APP, '--allow-self-signed']);
    expect(misplaced.code).toBe(2);
    expect(misplaced.output).toContain('wawi-register trust');

    await sim.close();
    const impostor = await startImpostor(sim.port, other);
    try {
      const v = await cli(['verify', '--app', APP]);
      expect(v.code).toBe(13);
      expect(v.output).toContain(other.fingerprint);
      const t = await cli(['trust', '--app', APP]);
      expect(t.code).toBe(2); // no terminal and no --certificate-fingerprint: nothing is trusted
      expect(t.output).toContain(`SHA-256 ${real.fingerprint}`);
      expect(t.output).toContain(`SHA-256 ${other.fingerprint}`);
      expect(impostor.requests).toEqual([]);
      const yes = await cli([
        'trust',
        '--app',
        APP,
        '--certificate-fingerprint',
        other.fingerprint.replaceAll(':', '').toLowerCase(),
      ]);
      expect(yes.code, yes.output).toBe(0);
      // Now the renewed certificate is the trusted one (this test's impostor stands in for it).
      const after = await cli(['verify', '--app', APP]);
      expect(after.code, after.output).toBe(0); // the stand-in answers every key
      expect(impostor.requests.some((q) => q.authorization?.startsWith('Wawi '))).toBe(true);
    } finally {
      await impostor.close();
      sim = await httpsSim(sim.port);
    }
  });
});

describe('plain http', () => {
  let sim: WawiSim;
  beforeAll(async () => {
    sim = await startWawiSim({ port: 0 });
    sim.setWindow('eazybusiness', true);
  });
  afterAll(async () => {
    await sim.close();
  });

  it('to a host on the network is refused without consent, before anything is sent', async () => {
    const h = makeCore();
    const lan = parseWawiAddress('http://wawi-server.invalid:5883');
    await expect(h.core.register(demoManifest(), lan)).rejects.toMatchObject({ code: 'insecure-http' });
    expect(await h.vault.listPending()).toEqual([]);
  });

  it('with consent it works, and the consent is kept with the registration', async () => {
    const h = makeCore();
    // ::ffff:127.0.0.1 reaches this computer, but is not a loopback name to the helper.
    const lan = parseWawiAddress(`http://[::ffff:127.0.0.1]:${sim.port}`);
    const err = await h.core.register(demoManifest(), lan).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'insecure-http' });
    expect([...sim.hits.keys()].some((k) => k.startsWith('POST'))).toBe(false);
    const d = decideWhenPending(sim);
    const record = await h.core.register(demoManifest(), lan, { trust: { insecureHttp: true } });
    d.stop();
    expect(record.server.insecureHttp).toBe(true);
    expect((await makeCore({ home: h.home, service: h.service }).core.verify(record.account)).result).toBe(
      'works',
    );
    await h.core.forget(record.account);
    expect(await keytar.findCredentials(`connection: ${h.service}`)).toEqual([]);
  });
});
