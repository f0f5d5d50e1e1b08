// The registration flow over real HTTP against the simulator, with the real keychain.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelperError } from '../../main/core/errors';
import { accountName, parseWawiAddress } from '../../main/core/wawi/address';
import type { ErrorCode } from '../../shared/errors/meta';
import type { FlowEvent } from '../../shared/registration';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { decideWhenPending, demoManifest, makeCore } from '../helpers/core';

let sim: WawiSim;
beforeEach(async () => {
  sim = await startWawiSim({ port: 0 });
  sim.setWindow('eazybusiness', true);
});
afterEach(async () => {
  await sim.close();
});

async function expectCode(p: Promise<unknown>, code: ErrorCode): Promise<HelperError> {
  const err = await p.then(
    () => {
      throw new Error(`expected ${code}, but it succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HelperError);
  expect((err as HelperError).code).toBe(code);
  return err as HelperError;
}

/** Asserts that no key and no challenge code appear in any text the helper produced. */
function expectNoSecrets(texts: string[], s: WawiSim = sim) {
  const secrets = [...s.apiKeys(), ...s.challengeCodes()];
  expect(secrets.length).toBeGreaterThan(0);
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('register: happy paths', () => {
  // The unversioned path answers as v1 or as v2 (both are seen in the wild); the helper never depends on it.
  for (const [name, pathVersions, unversioned] of [
    ['a v1 server', ['v1'], 'v1'],
    ['a v2-only server', ['v2'], 'v2'],
    ['a server with both, unversioned as v2', ['v1', 'v2'], 'v2'],
    ['a server with both, unversioned as v1', ['v1', 'v2'], 'v1'],
  ] as const) {
    it(`registers against ${name}, stores the key first, verifies it and records the scopes`, async () => {
      const s = await startWawiSim({ port: 0, pathVersions: [...pathVersions], unversioned });
      s.setWindow('eazybusiness', true);
      const h = makeCore();
      const events: FlowEvent[] = [];
      const decide = decideWhenPending(s, 'accept', []);
      try {
        const server = parseWawiAddress(s.apiUrl());
        const record = await h.core.register(demoManifest(), server, { onEvent: (e) => events.push(e) });
        expect(record.grantedScopes).toEqual([
          'company.querycompanies',
          'item.queryitems',
          'stock.querystocksperitem',
        ]);
        expect(record.lastVerifyResult).toBe('works');
        expect(record.account).toBe(`WawiHelperDemo/v1@127.0.0.1:${s.port}/eazybusiness`);
        expect(record.server.wawiVersion).toBe('1.10.12.0');
        const key = await h.vault.get(record.account);
        expect(key).toMatch(/^[0-9A-F-]{36}$/);
        expect(record.fingerprint).toHaveLength(8);
        expect(s.apiKeys()).toContain(key);

        const states = events.map((e) => e.state);
        expect(states[0]).toBe('sending');
        expect(states).toContain('waiting');
        expect(states.slice(-3)).toEqual(['storing', 'verifying', 'accepted']);
        expect(new Set(events.map((e) => e.flowId)).size).toBe(1);
        expect(events.at(-1)!.record).toEqual(record);
        expect(await h.vault.listPending()).toEqual([]);
        expect((await h.core.list()).map((r) => r.account)).toEqual([record.account]);
        // The versioned style of the server was used, and never both forms.
        const paths = [...s.hits.keys()].join('\n');
        if (!(pathVersions as readonly string[]).includes('v1'))
          expect(paths).toContain('/v2/authentication');
        else expect(paths).toContain('/v1/authentication');
        expectNoSecrets([JSON.stringify(events), h.files()], s);
      } finally {
        decide.stop();
        await h.vault.delete(accountName('WawiHelperDemo/v1', parseWawiAddress(s.apiUrl())));
        await s.close();
      }
    });
  }

  it('uses a challenge code of at most 30 URL-safe characters, the same on every call', async () => {
    const h = makeCore({ pollIntervalMs: 30 });
    const seen: string[] = [];
    // The merchant accepts once the request was polled twice (so there are two calls to compare).
    const polled = (id: string) => sim.hits.get(`GET /api/eazybusiness/v1/authentication/${id}`) ?? 0;
    const merchant = (async () => {
      for (;;) {
        const p = sim.pending()[0];
        if (p && polled(p.id) >= 2) return sim.accept(p.id);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()));
    await merchant;
    seen.push(...sim.challengeCodes());
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^[A-Za-z0-9_-]{1,30}$/);
    expect(
      sim.hits.get(`GET /api/eazybusiness/v1/authentication/${(await h.core.list())[0]!.requestId}`),
    ).toBeGreaterThan(1);
  });

  it('reports a rejection and keeps nothing', async () => {
    const h = makeCore();
    decideWhenPending(sim, 'reject');
    const events: FlowEvent[] = [];
    await expectCode(
      h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()), { onEvent: (e) => events.push(e) }),
      'rejected',
    );
    expect(events.at(-1)!.state).toBe('rejected');
    expect(await h.vault.listPending()).toEqual([]);
    expect(await h.core.list()).toEqual([]);
  });
});

describe('register: every error status', () => {
  const server = () => parseWawiAddress(sim.apiUrl());

  it('403: no registration window', async () => {
    sim.setWindow('eazybusiness', false);
    const events: FlowEvent[] = [];
    const err = await expectCode(
      makeCore().core.register(demoManifest(), server(), { onEvent: (e) => events.push(e) }),
      'no-registration-window',
    );
    expect(err.message).toMatch(/registration dialog in JTL-Wawi is not open/);
    expect(events.at(-1)).toMatchObject({ state: 'failed', error: { code: 'no-registration-window' } });
  });

  it('402: licence missing', async () => {
    sim.setLicenceMissing('eazybusiness', true);
    await expectCode(makeCore().core.register(demoManifest(), server()), 'licence-missing');
  });

  it('409: already registered, naming the AppId', async () => {
    const h = makeCore();
    decideWhenPending(sim);
    await h.core.register(demoManifest(), server());
    sim.setWindow('eazybusiness', true);
    const err = await expectCode(makeCore().core.register(demoManifest(), server()), 'already-registered');
    expect(err.params?.appId).toBe('WawiHelperDemo/v1');
    await h.vault.delete((await h.core.list())[0]!.account);
  });

  it('404: the request disappears when the Wawi dialog is closed while waiting', async () => {
    const h = makeCore();
    const p = h.core.register(demoManifest(), server());
    // The merchant closes the dialog once the request waits in it (not at a fixed time: under load
    // the request may not have gone out yet).
    const closer = setInterval(() => {
      if (sim.pending().length === 0) return;
      clearInterval(closer);
      sim.setWindow('eazybusiness', false);
    }, 10);
    await expectCode(p, 'request-not-found').finally(() => clearInterval(closer));
    expect(await h.vault.listPending()).toEqual([]);
  });

  it('410: the key was fetched by someone else first', async () => {
    const h = makeCore();
    const p = h.core.register(demoManifest(), server(), {
      onEvent: (e) => {
        if (e.state === 'waiting' && e.polls === 1) {
          const id = sim.pending()[0]!.id;
          sim.accept(id);
          // Another client with the same id and code collects the key first.
          void fetch(`${sim.apiUrl()}/v1/authentication/${id}`, {
            headers: { 'x-challengecode': sim.challengeCodes()[0]! },
          });
        }
      },
    });
    await expectCode(p, 'already-handed-out');
  });

  it('5xx on the request: server error', async () => {
    sim.addFaults([{ method: 'POST', path: '/api/*/v1/authentication', type: 'status', status: 500 }]);
    const err = await expectCode(makeCore().core.register(demoManifest(), server()), 'server-error');
    expect(err.status).toBe(500);
  });

  it('400 with field errors: validation, naming the fields', async () => {
    // A manifest the schema would refuse never reaches the server; bypass the schema to see the mapping.
    const err = await expectCode(
      makeCore().core.register({ ...demoManifest(), AppIcon: 'not base64!' }, server()),
      'validation',
    );
    expect(err.fields).toHaveProperty('AppIcon');
    expect(err.message).toContain('AppIcon');
  });

  it('unreachable: nothing listens', async () => {
    const err = await expectCode(
      makeCore().core.register(demoManifest(), parseWawiAddress('127.0.0.1:9')),
      'unreachable',
    );
    expect(err.params?.address).toBe('http://127.0.0.1:9/api/eazybusiness');
  });

  it('bad response: an HTML page, an oversized or malformed body, a wrong database', async () => {
    sim.addFaults([{ path: '/api/*/v1/info', type: 'html', status: 200 }]);
    await expectCode(makeCore().core.register(demoManifest(), server()), 'bad-response');
    // A proxy's HTML error page is a server error, not a broken Wawi.
    sim.addFaults([{ path: '/api/*/v1/info', type: 'html' }]);
    expect(
      (await expectCode(makeCore().core.register(demoManifest(), server()), 'server-error')).status,
    ).toBe(502);
    sim.addFaults([{ method: 'POST', path: '/api/*/v1/authentication', type: 'oversized' }]);
    const big = await expectCode(makeCore().core.register(demoManifest(), server()), 'bad-response');
    expect(big.params?.reason).toMatch(/larger than/);
    sim.addFaults([{ method: 'POST', path: '/api/*/v1/authentication', type: 'malformed' }]);
    await expectCode(makeCore().core.register(demoManifest(), server()), 'bad-response');
    const wrongDb = await expectCode(
      makeCore().core.register(demoManifest(), parseWawiAddress(`${sim.url}/api/Mandant_7`)),
      'bad-response',
    );
    expect(wrongDb.message).toMatch(/Mandant "Mandant_7"/);
    expect(wrongDb.params).toMatchObject({ variant: 'no-api', mandant: 'Mandant_7' });
  });

  it('does not follow redirects', async () => {
    const { createServer } = await import('node:http');
    const redirector = createServer((_req, res) => {
      res.writeHead(302, { location: `${sim.apiUrl()}/v1/info` });
      res.end();
    });
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
    const port = (redirector.address() as { port: number }).port;
    try {
      const err = await expectCode(
        makeCore().core.register(demoManifest(), parseWawiAddress(`127.0.0.1:${port}`)),
        'bad-response',
      );
      expect(err.params?.reason).toMatch(/redirect/);
    } finally {
      redirector.close();
    }
  });
});

describe('register: polling survives transient failures', () => {
  it('retries through 503 with Retry-After, resets, HTML, malformed JSON and a hang, then succeeds', async () => {
    const h = makeCore({ http: { responseTimeoutMs: 300 } });
    const poll = '/api/*/v1/authentication/*';
    sim.addFaults([
      { method: 'GET', path: poll, type: 'status', status: 503, retryAfter: 1 },
      { method: 'GET', path: poll, type: 'reset' },
      { method: 'GET', path: poll, type: 'html' },
      { method: 'GET', path: poll, type: 'malformed' },
      { method: 'GET', path: poll, type: 'hang' },
      { method: 'GET', path: poll, type: 'status', status: 502 },
    ]);
    const events: FlowEvent[] = [];
    const started = Date.now();
    const decide = decideWhenPending(sim);
    const record = await h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()), {
      onEvent: (e) => events.push(e),
    });
    decide.stop();
    expect(record.lastVerifyResult).toBe('works');
    const transient = events.filter((e) => e.transient).map((e) => e.transient!.code);
    expect(transient).toEqual([
      'server-error',
      'unreachable',
      'server-error',
      'bad-response',
      'unreachable',
      'server-error',
    ]);
    // Retry-After: 1 was honoured.
    expect(events.find((e) => e.transient?.status === 503)!.nextPollInMs).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await h.vault.delete(record.account);
  });
});

describe('register: cancel and timeout', () => {
  it('cancels while waiting: cancelled, nothing stored, the request kept; resume collects the key', async () => {
    const h = makeCore();
    const ctrl = new AbortController();
    const events: FlowEvent[] = [];
    const p = h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()), {
      signal: ctrl.signal,
      onEvent: (e) => {
        events.push(e);
        if (e.state === 'waiting' && e.polls === 2) ctrl.abort();
      },
    });
    const err = await expectCode(p, 'cancelled');
    expect(err.params?.pendingKept).toBe('true');
    expect(events.at(-1)!.state).toBe('cancelled');
    expect(await h.core.list()).toEqual([]);
    const [pending] = await h.vault.listPending();
    expect(pending).toMatchObject({ appId: 'WawiHelperDemo/v1', requestId: sim.pending()[0]!.id });
    // The merchant accepts after the cancel: the key is collected, not stranded.
    sim.accept(sim.pending()[0]!.id);
    const [resumed] = await h.core.resumeAll();
    expect(resumed!.error).toBeUndefined();
    expect(sim.apiKeys()).toContain(await h.vault.get(resumed!.result!.account));
    expect(await h.vault.listPending()).toEqual([]);
  });

  it('times out with a clear outcome, keeps the request, and resume collects the key', async () => {
    const h = makeCore();
    const events: FlowEvent[] = [];
    const err = await expectCode(
      h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()), {
        timeoutMs: 400,
        onEvent: (e) => events.push(e),
      }),
      'timed-out',
    );
    expect(err.message).toMatch(/within/);
    expect(err.params?.pendingKept).toBe('true');
    expect(events.at(-1)!.state).toBe('timed-out');
    expect(await h.vault.listPending()).toHaveLength(1);
    sim.accept(sim.pending()[0]!.id);
    const [resumed] = await h.core.resumeAll();
    expect(sim.apiKeys()).toContain(await h.vault.get(resumed!.result!.account));
  });
});

describe('secrets', () => {
  it('never reach the log, the metadata, events or error messages', async () => {
    const h = makeCore();
    const texts: string[] = [];
    decideWhenPending(sim);
    const record = await h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()), {
      onEvent: (e) => texts.push(JSON.stringify(e)),
    });
    // A second, failing registration produces error messages too.
    sim.setWindow('eazybusiness', true);
    const err = await h.core
      .register(demoManifest(), parseWawiAddress(sim.apiUrl()))
      .catch((e: HelperError) => e);
    texts.push(String(err), JSON.stringify(err), (err as Error).stack ?? '');
    // The logger redacts a key even if a caller logs it by mistake.
    const key = (await h.vault.get(record.account))!;
    h.logger.error(`oops ${key}`, {
      headers: { authorization: `Wawi ${key}`, 'x-challengecode': sim.challengeCodes()[0] },
    });
    expect(h.log()).toContain('[redacted]');
    expectNoSecrets([...texts, h.files()]);
    await h.vault.delete(record.account);
  });
});
