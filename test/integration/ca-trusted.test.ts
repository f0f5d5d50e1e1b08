// A registration whose https server the OS trusted (no pin) meets a certificate the OS does not trust:
// that is a changed certificate, perhaps an impostor, said as such (exit 13, "certificate changed"),
// never the advice for a self-signed server to trust on first use. The CLI processes trust the test's
// certificate through NODE_EXTRA_CA_CERTS, as a certificate from the company's own CA would be.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { makeCertificate, startImpostor, type TestCertificate } from '../helpers/certs';
import { APP, CLI, cleanKeychain, isolatedEnv, MANIFEST } from '../helpers/cli-env';
import { decideWhenPending } from '../helpers/core';
import { run } from '../helpers/proc';

describe('a server the OS trusted presents another certificate', () => {
  let real: TestCertificate;
  let other: TestCertificate;
  let sim: WawiSim;
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    real = makeCertificate();
    other = makeCertificate();
    dir = mkdtempSync(join(tmpdir(), 'ca-'));
    writeFileSync(join(dir, 'ca.pem'), real.cert);
    sim = await startWawiSim({ tls: { key: real.key, cert: real.cert } });
    sim.setWindow('eazybusiness', true);
    env = isolatedEnv({ WAWI_REGISTER_CANDIDATES: '127.0.0.1:9', NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem') });
  });
  afterAll(async () => {
    await cleanKeychain(env);
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = (args: string[]) => run(CLI, [...args, '--lang', 'en'], env);

  it('is refused as a changed certificate, with the impostor warning and no request', async () => {
    const d = decideWhenPending(sim);
    const r = await cli(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl()]);
    d.stop();
    expect(r.code, r.output).toBe(0);
    expect(r.output).not.toContain(real.fingerprint); // trusted by the OS: nothing pinned

    const port = sim.port;
    await sim.close();
    const impostor = await startImpostor(port, other);
    try {
      const v = await cli(['verify', '--app', APP]);
      expect(v.code, v.output).toBe(13);
      expect(v.output).toContain('used to present a certificate this computer trusts');
      expect(v.output).toContain(other.fingerprint);
      expect(v.output).toContain('posing as your Wawi');
      expect(v.output).not.toContain('--allow-self-signed');

      const list = await cli(['list', '--verify']);
      expect(list.output).toContain('certificate changed');

      const json = await cli(['verify', '--app', APP, '--json']);
      expect(json.code).toBe(13);
      expect(JSON.parse(json.output)).toMatchObject({ ok: false, error: { code: 'certificate-changed' } });
      expect(impostor.requests).toEqual([]);

      const log = readFileSync(join(env.WAWI_REGISTER_HOME!, 'logs', 'helper.log'), 'utf8');
      expect(log).toContain(other.fingerprint);
      expect(log).toContain('a certificate the OS trusts');
    } finally {
      await impostor.close();
      sim = await startWawiSim({ port, tls: { key: real.key, cert: real.cert } });
    }
  });
});
