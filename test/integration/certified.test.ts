import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import { signatureProvider } from '../../docs/examples/signature-provider.mjs';
import { parseWawiAddress } from '../../main/core/index';
import { errorText } from '../../shared/errors/text';
import type { AppManifest } from '../../shared/manifest';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { CLI } from '../helpers/cli-env';
import { decideWhenPending, demoManifest, failureOf, makeCore } from '../helpers/core';
import { demoManifestFile } from '../helpers/manifest';
import { run } from '../helpers/proc';

const SECRET = 'vendor-signing-secret';
const APP = 'WawiHelperDemo/v1';
let sim: WawiSim;
const servers: Server[] = [];

async function listen(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/sign`;
}

/** The example provider: right secret, wrong secret, or a clock that is off. */
const provider = (options: { secret?: string; now?: () => Date } = {}) =>
  listen(signatureProvider({ secret: options.secret ?? SECRET, allowedApps: [APP], now: options.now }));

const posts = () => sim.hits.get(`POST /api/eazybusiness/v1/authentication`) ?? 0;

beforeEach(async () => {
  sim = await startWawiSim({ port: 0, signatureSecret: SECRET });
  sim.setWindow('eazybusiness', true);
});
afterEach(async () => {
  await sim.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

describe('a certified app with a SignatureProvider', () => {
  it('registers with a fresh signature; the provider field never reaches Wawi', async () => {
    const manifest: AppManifest = { ...demoManifest(), SignatureProvider: await provider() };
    const h = makeCore();
    const d = decideWhenPending(sim);
    const record = await h.core.register(manifest, parseWawiAddress(sim.apiUrl()));
    d.stop();
    expect(record.lastVerifyResult).toBe('works');
    const [sent] = sim.received();
    expect(sent?.signature).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(Math.abs(Date.now() - Date.parse(sent!.signatureData!))).toBeLessThan(60_000);
  });

  it.each([
    ['down', async () => 'http://127.0.0.1:9/sign', /no answer/],
    [
      'slow',
      () => listen(() => undefined), // accepts and never answers
      /no answer/,
    ],
    [
      'answering 500',
      () =>
        listen((_req, res) => {
          res.writeHead(500).end();
        }),
      /status 500/,
    ],
    [
      'answering malformed JSON',
      () =>
        listen((_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"Signature": ');
        }),
      /not JSON/,
    ],
    [
      'stale by 20 minutes',
      () => provider({ now: () => new Date(Date.now() - 20 * 60_000) }),
      /SignatureData/,
    ],
  ])('a provider %s: a typed error, and nothing reaches Wawi', async (_name, url, reason) => {
    const manifest: AppManifest = { ...demoManifest(), SignatureProvider: await url() };
    const h = makeCore({ http: { responseTimeoutMs: 800 } });
    const err = await failureOf(h.core.register(manifest, parseWawiAddress(sim.apiUrl())));
    expect(err.code).toBe('signature-unavailable');
    expect(err.params?.reason).toMatch(reason);
    expect(posts()).toBe(0);
    expect(await h.vault.listPending()).toEqual([]);
    const text = errorText(err, 'de', 'app');
    expect(text.detail).toContain('An JTL-Wawi wurde nichts gesendet');
    if (err.params?.variant === 'stale') expect(text.next).toContain('Datum und Uhrzeit');
  });

  it('a signature Wawi refuses (402) says so, with what the vendor and the merchant can do', async () => {
    const manifest: AppManifest = {
      ...demoManifest(),
      SignatureProvider: await provider({ secret: 'other' }),
    };
    const h = makeCore();
    const err = await failureOf(h.core.register(manifest, parseWawiAddress(sim.apiUrl())));
    expect(err.code).toBe('licence-missing');
    expect(err.params?.variant).toBe('signed');
    expect(posts()).toBe(1);
    const text = errorText(err, 'en', 'app');
    expect(text.title).toBe('JTL-Wawi refused the signature or the licence');
    expect(text.next).toMatch(/Merchant: .*Vendor: /);
  });

  it('signs again for each attempt while waiting for the Wawi dialog (rotation)', async () => {
    const manifest: AppManifest = { ...demoManifest(), SignatureProvider: await provider() };
    const h = makeCore();
    const d = decideWhenPending(sim);
    const first = await h.core.register(manifest, parseWawiAddress(sim.apiUrl()));
    d.stop();
    let signed = 0;
    const counting = await listen((req, res) => {
      signed += 1;
      signatureProvider({ secret: SECRET, allowedApps: [APP] })(req, res);
    });
    sim.removeApp(APP);
    // The dialog opens only after two refused attempts: each attempt is signed afresh.
    const opener = setInterval(() => {
      if (posts() >= 3) {
        clearInterval(opener);
        sim.setWindow('eazybusiness', true);
      }
    }, 10);
    const d2 = decideWhenPending(sim);
    const rotated = await h.core.rotate(first.account, {
      manifest: { ...manifest, SignatureProvider: counting },
    });
    d2.stop();
    expect(rotated.fingerprint).not.toBe(first.fingerprint);
    expect(signed).toBe(posts() - 1);
    expect(signed).toBeGreaterThanOrEqual(3);
  });
});

describe('a static signature in the manifest', () => {
  it('older than 10 minutes: refused before anything is sent', async () => {
    const old = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const manifest: AppManifest = { ...demoManifest(), Signature: 'c2lnbmF0dXJl', SignatureData: old };
    const h = makeCore();
    const err = await failureOf(h.core.register(manifest, parseWawiAddress(sim.apiUrl())));
    expect(err.code).toBe('signature-unavailable');
    expect(err.params?.variant).toBe('static');
    expect(errorText(err, 'en').next).toContain('SignatureProvider');
    expect(posts()).toBe(0);
  });
});

describe('wawi-register check-manifest with a SignatureProvider', () => {
  it('asks the provider and reports its answer; a dead provider exits 15', async () => {
    const file = demoManifestFile({ SignatureProvider: await provider() });
    const ok = await run(CLI, ['check-manifest', '--manifest', file, '--lang', 'en']);
    expect(ok.code, ok.output).toBe(0);
    expect(ok.output).toMatch(
      /SignatureProvider http:\/\/127\.0\.0\.1:\d+\/sign answered: SignatureData 20\d\d-/,
    );
    const deadFile = demoManifestFile({ SignatureProvider: 'http://127.0.0.1:9/sign' });
    const dead = await run(CLI, ['check-manifest', '--manifest', deadFile, '--lang', 'de']);
    expect(dead.code).toBe(15);
    expect(dead.output).toContain('Die App konnte nicht signiert werden');
  });
});
