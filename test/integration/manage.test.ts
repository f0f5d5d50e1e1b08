// Verify, rotate, revoke and forget; the metadata file; a keychain that cannot be reached.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelperError } from '../../main/core/errors';
import { Trigger } from '../../main/core/index';
import { parseWawiAddress } from '../../main/core/wawi/address';
import { EXIT_CODES } from '../../shared/errors/meta';
import { errorText } from '../../shared/errors/text';
import type { FlowEvent } from '../../shared/registration';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { decideWhenPending, demoManifest, makeCore } from '../helpers/core';

let sim: WawiSim;
let h: ReturnType<typeof makeCore>;
const APP = 'WawiHelperDemo/v1';

beforeEach(async () => {
  sim = await startWawiSim({ port: 0 });
  h = makeCore();
});
afterEach(async () => {
  for (const e of await h.vault.entries()) await h.vault.delete(e.account);
  await sim.close();
});

async function registered(granted?: string[]) {
  sim.setWindow('eazybusiness', true);
  const d = decideWhenPending(sim, 'accept', granted);
  const record = await h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()));
  d.stop();
  return record;
}

describe('verify', () => {
  it('tells works, missing scope, rejected (401) and unreachable apart, and records it', async () => {
    const r = await registered();
    expect((await h.core.verify(r.account)).result).toBe('works');

    sim.addFaults([{ path: '/api/*/v1/companies', type: 'reset', times: 5 }]);
    expect((await h.core.verify(r.account)).result).toBe('unreachable');
    sim.clearFaults();

    sim.removeApp(APP);
    const dead = await h.core.verify(r.account);
    expect(dead.result).toBe('rejected');
    expect((await h.core.list())[0]!.lastVerifyResult).toBe('rejected');
  });

  it('checks a key with what the app may read: items without company.querycompanies works', async () => {
    sim.setWindow('eazybusiness', true);
    const d = decideWhenPending(sim);
    const r = await h.core.register(
      demoManifest({ MandatoryApiScopes: ['item.queryitems'], OptionalApiScopes: [] }),
      parseWawiAddress(sim.apiUrl()),
    );
    d.stop();
    expect(r.lastVerifyResult).toBe('works');
    expect((await h.core.verify(r.account)).result).toBe('works');
    expect([...sim.hits.keys()].some((k) => /GET .*\/v1\/items$/.test(k))).toBe(true);
  });

  it('reports a missing scope only when the app may read nothing the helper can check with', async () => {
    sim.setWindow('eazybusiness', true);
    const d = decideWhenPending(sim);
    const r = await h.core.register(
      demoManifest({ AppId: 'Writer/v1', MandatoryApiScopes: ['item.createitem'], OptionalApiScopes: [] }),
      parseWawiAddress(sim.apiUrl()),
    );
    d.stop();
    expect(r.lastVerifyResult).toBe('missing-scope');
    expect((await h.core.verify(r.account)).result).toBe('missing-scope');
  });

  it('list --verify checks every registration', async () => {
    await registered();
    sim.removeApp(APP);
    const list = await h.core.list({ verify: true });
    expect(list.map((r) => r.lastVerifyResult)).toEqual(['rejected']);
  });

  it('says not-registered for an unknown account', async () => {
    const err = await h.core.verify('Nope/v1@127.0.0.1:1/eazybusiness').catch((e: HelperError) => e);
    expect(err).toMatchObject({ code: 'not-registered' });
  });
});

describe('rotate', () => {
  it('waits for the old key to die, registers again and replaces the key', async () => {
    const old = await registered();
    const oldKey = await h.vault.get(old.account);
    const events: FlowEvent[] = [];
    const p = h.core.rotate(old.account, {
      onEvent: (e) => {
        events.push(e);
        // The merchant removes the app in Wawi and opens the dialog for the new registration.
        if (e.state === 'awaiting-removal' && e.oldKeyDead === false && sim.apps().length) {
          sim.removeApp(APP);
          sim.setWindow('eazybusiness', true);
          decideWhenPending(sim);
        }
      },
    });
    const fresh = await p;
    const newKey = await h.vault.get(fresh.account);
    expect(newKey).not.toBe(oldKey);
    expect(fresh.fingerprint).not.toBe(old.fingerprint);
    expect(fresh.lastVerifyResult).toBe('works');
    expect(new Set(events.map((e) => e.flowId)).size).toBe(1);
    const states = events.map((e) => e.state);
    expect(states[0]).toBe('checking');
    expect(states).toContain('awaiting-removal');
    expect(states.at(-1)).toBe('accepted');
    expect(events.some((e) => e.oldKeyDead === true)).toBe(true);
    expect(events.every((e) => e.kind === 'rotate')).toBe(true);
  });

  it('after the removal, waits for the Wawi dialog to open before sending the new request', async () => {
    const old = await registered();
    const events: FlowEvent[] = [];
    const fresh = await h.core.rotate(old.account, {
      onEvent: (e) => {
        events.push(e);
        if (e.state === 'awaiting-removal' && e.oldKeyDead === false && sim.apps().length) sim.removeApp(APP);
        // The merchant opens the dialog only after the helper tried a few times.
        if (
          e.state === 'sending' &&
          e.transient?.code === 'no-registration-window' &&
          events.filter((x) => x.transient?.code === 'no-registration-window').length === 3
        ) {
          sim.setWindow('eazybusiness', true);
          decideWhenPending(sim);
        }
      },
    });
    expect(fresh.lastVerifyResult).toBe('works');
    expect(
      events.filter((e) => e.state === 'sending' && e.transient?.code === 'no-registration-window'),
    ).toHaveLength(3);
  });

  it('goes on when the merchant confirms; a 409 then waits (the old key kept) until the app is removed', async () => {
    const old = await registered();
    const oldKey = await h.vault.get(old.account);
    sim.setWindow('eazybusiness', true);
    // The merchant says "removed" but did not remove it: Wawi answers 409, the helper waits for the
    // removal, and nothing is lost meanwhile.
    const events: FlowEvent[] = [];
    const rotation = h.core.rotate(old.account, {
      confirmation: Promise.resolve(),
      onEvent: (e) => events.push(e),
    });
    await expect.poll(() => events.some((e) => e.transient?.code === 'already-registered')).toBe(true);
    expect(events.some((e) => e.oldKeyDead === true)).toBe(false);
    expect(await h.vault.get(old.account)).toBe(oldKey);
    expect(sim.pending()).toEqual([]);
    sim.removeApp(APP);
    const merchant = decideWhenPending(sim);
    const record = await rotation;
    merchant.stop();
    expect(record.lastVerifyResult).toBe('works');
    expect(await h.vault.get(old.account)).not.toBe(oldKey);
  });

  it('can be cancelled while waiting for the removal, changing nothing', async () => {
    const old = await registered();
    const ctrl = new AbortController();
    const err = await h.core
      .rotate(old.account, {
        signal: ctrl.signal,
        onEvent: (e) => e.state === 'awaiting-removal' && ctrl.abort(),
      })
      .catch((e: HelperError) => e);
    expect(err).toMatchObject({ code: 'cancelled' });
    expect(await h.vault.get(old.account)).toBeTruthy();
    expect((await h.core.verify(old.account)).result).toBe('works');
  });

  it('needs the manifest when this computer does not have it', async () => {
    const old = await registered();
    const file = join(h.home, 'registrations.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.manifests = {};
    writeFileSync(file, JSON.stringify(data));
    const err = await h.core.rotate(old.account).catch((e: HelperError) => e);
    expect(err).toMatchObject({ code: 'manifest-invalid', params: { variant: 'not-kept' } });
    const { errorText } = await import('../../shared/errors/text');
    // The advice fits where it is shown: the flag in the CLI, the app's own setup in the app.
    expect(errorText(err as HelperError, 'de', 'cli').next).toMatch(/--manifest/);
    expect(errorText(err as HelperError, 'de', 'app').next).not.toMatch(/--/);
    expect(errorText(err as HelperError, 'de', 'app').detail).toMatch(/nicht auf diesem Computer/);
  });
});

describe('revoke and forget', () => {
  it('revoke waits for the key to get 401, then deletes key and metadata', async () => {
    const r = await registered();
    const events: FlowEvent[] = [];
    await h.core.revoke(r.account, {
      onEvent: (e) => {
        events.push(e);
        if (e.state === 'awaiting-removal' && e.oldKeyDead === false) sim.removeApp(APP);
      },
    });
    expect(events.at(-1)!.state).toBe('removed');
    expect(await h.vault.get(r.account)).toBeNull();
    expect(await h.core.list()).toEqual([]);
    expect(readFileSync(join(h.home, 'registrations.json'), 'utf8')).not.toContain(APP);
  });

  it('revoke when the metadata file cannot be written: success, and the list is still right', async () => {
    const r = await registered();
    const metadata = h.metadata;
    const remove = metadata.remove.bind(metadata);
    metadata.remove = () => {
      throw new HelperError('storage-failed', { params: { path: metadata.file, reason: 'EROFS' } });
    };
    const events: FlowEvent[] = [];
    try {
      await h.core.revoke(r.account, {
        onEvent: (e) => {
          events.push(e);
          if (e.state === 'awaiting-removal' && e.oldKeyDead === false) sim.removeApp(APP);
        },
      });
    } finally {
      metadata.remove = remove;
    }
    expect(events.at(-1)!.state).toBe('removed');
    expect(await h.vault.get(r.account)).toBeNull();
    // The record whose key is gone is dropped on the next read.
    expect(await h.core.list()).toEqual([]);
  });

  it('a removal wait that times out says so (not "neither accepted nor rejected")', async () => {
    const r = await registered();
    const err = await h.core.revoke(r.account, { timeoutMs: 300 }).catch((e: HelperError) => e);
    expect(err).toMatchObject({ code: 'timed-out', params: { variant: 'removal' } });
    const en = errorText((err as HelperError).toJSON(), 'en');
    expect(en.title).toBe('The app was not removed in time');
    expect(en.detail).not.toContain('accepted');
    expect(errorText((err as HelperError).toJSON(), 'de').title).toBe(
      'Die App wurde nicht rechtzeitig entfernt',
    );
  });

  it('revoke that is never confirmed times out and keeps the key', async () => {
    const r = await registered();
    const err = await h.core.revoke(r.account, { timeoutMs: 300 }).catch((e: HelperError) => e);
    expect(err).toMatchObject({ code: 'timed-out' });
    expect(await h.vault.get(r.account)).toBeTruthy();
  });

  it('forget (local only) deletes here and leaves Wawi alone', async () => {
    const r = await registered();
    await h.core.revoke(r.account, { localOnly: true });
    expect(await h.vault.get(r.account)).toBeNull();
    expect(await h.core.list()).toEqual([]);
    expect(sim.apps()).toHaveLength(1);
    await expect(h.core.forget(r.account)).rejects.toMatchObject({ code: 'not-registered' });
  });
});

describe('metadata file', () => {
  it('sets a damaged file aside and restores its last good copy', async () => {
    const r = await registered();
    const file = join(h.home, 'registrations.json');
    writeFileSync(file, '{"version": 1, "registrations": [ {"broken": tru');
    const list = await h.core.list();
    expect(list).toEqual([r]);
    expect(readdirSync(h.home).some((f) => f.startsWith('registrations.json.damaged-'))).toBe(true);
  });

  it('a damaged file on a write path (another app registered) is set aside too; the kept manifest survives', async () => {
    const r = await registered();
    const file = join(h.home, 'registrations.json');
    const kept = h.metadata.manifest(r.account);
    expect(kept).toBeDefined();
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
    h.metadata.upsert({ ...r, account: `Other/v1@127.0.0.1:${sim.port}/eazybusiness`, appId: 'Other/v1' });
    expect(readdirSync(h.home).filter((f) => f.startsWith('registrations.json.damaged-'))).toHaveLength(1);
    expect(h.metadata.manifest(r.account)).toEqual(kept);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.registrations.find((x: { account: string }) => x.account === r.account)).toMatchObject({
      displayName: r.displayName,
      grantedScopes: r.grantedScopes,
    });
  });

  it('without a good copy either, a damaged file is rebuilt from the keychain', async () => {
    const r = await registered();
    const file = join(h.home, 'registrations.json');
    writeFileSync(file, '{"version": 1, "registrations": [ {"broken": tru');
    writeFileSync(`${file}.previous`, 'also broken');
    const list = await h.core.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      account: r.account,
      appId: APP,
      fingerprint: r.fingerprint,
      rebuilt: true,
    });
    expect(readdirSync(h.home).some((f) => f.startsWith('registrations.json.damaged-'))).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).registrations).toHaveLength(1);
    // The rebuilt record still works for verify.
    expect((await h.core.verify(r.account)).result).toBe('works');
  });

  it('a registration without a connection entry is confirmed before its key is sent, and the log says over which scheme', async () => {
    const r = await registered();
    await h.vault.deleteConnection(r.account);
    expect((await h.core.list())[0]?.server.connectionUnknown).toBe(true);
    expect((await h.core.verify(r.account)).result).toBe('works');
    expect(h.log()).toMatch(/connection of a rebuilt registration confirmed.*"scheme":"http"/);
    // Kept: the next check needs no confirmation.
    expect((await h.vault.connections()).get(r.account)).toMatchObject({ baseUrl: sim.apiUrl() });
  });

  it('names in the file (an older helper, an editor) are read inert: no fake line, no reversed text', async () => {
    const old = await registered();
    const file = join(h.home, 'registrations.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.registrations[0].displayName = 'Shop\u202egnp.exe\r\n✔ Done';
    data.registrations[0].grantedScopes = ['item.queryitems\u001b[2J'];
    writeFileSync(file, JSON.stringify(data));
    const [record] = await h.core.list();
    expect(record).toMatchObject({ account: old.account, displayName: 'Shopgnp.exe ✔ Done' });
    expect(record!.grantedScopes).toEqual(['item.queryitems']);
  });

  it('drops records whose key is gone and is written atomically', async () => {
    const r = await registered();
    await h.vault.delete(r.account);
    expect(await h.core.list()).toEqual([]);
    expect(readdirSync(h.home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a write that fails (full disk, no rights) keeps the key and reports storage-failed', async () => {
    const r = await registered();
    // Make the metadata path a folder so every write fails.
    const store = h.metadata;
    const { rmSync, mkdirSync } = await import('node:fs');
    rmSync(store.file);
    mkdirSync(store.file);
    expect(() => store.patch(r.account, { lastVerifyResult: 'works' })).toThrow(HelperError);
    expect(() => store.remove(r.account)).toThrow(/Writing .*registrations\.json failed/);
    // Nothing already saved is lost: the key is still in the keychain.
    expect(await h.vault.get(r.account)).toBeTruthy();
    rmSync(store.file, { recursive: true });
  });
});

describe('no keychain reachable', () => {
  it('fails closed before anything reaches the server, and never writes the key to a file', async () => {
    const broken = makeCore({
      keychain: () => {
        throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
      },
    });
    sim.setWindow('eazybusiness', true);
    const err = await broken.core
      .register(demoManifest(), parseWawiAddress(sim.apiUrl()))
      .catch((e: HelperError) => e);
    expect(err).toMatchObject({ code: 'keychain-unavailable' });
    expect((err as Error).message).toMatch(/keychain/);
    expect([...sim.hits.keys()].filter((k) => k.startsWith('POST'))).toEqual([]);
    await expect(broken.core.list()).rejects.toMatchObject({ code: 'keychain-unavailable' });
  });

  /** A real keychain whose writes of keys fail while `state.fail` is set (a keyring locked meanwhile). */
  async function flakyCore(state: { fail: boolean }, storeRetryBaseMs?: number) {
    const keytar = (await import('keytar')).default;
    const h = makeCore({
      storeRetryBaseMs,
      keychain: () => ({
        ...keytar,
        setPassword: async (s: string, a: string, p: string) => {
          if (state.fail && s === h.service) throw new Error('The keyring is locked');
          return keytar.setPassword(s, a, p);
        },
      }),
    });
    return h;
  }

  it('a keychain that fails while storing, then recovers: the key is stored, nothing is lost', async () => {
    const state = { fail: false };
    const flaky = await flakyCore(state);
    sim.setWindow('eazybusiness', true);
    const d = decideWhenPending(sim);
    const events: FlowEvent[] = [];
    const record = await flaky.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()), {
      storeTimeoutMs: 60_000,
      onEvent: (e) => {
        events.push(e);
        if (e.state === 'waiting') state.fail = true;
        // The merchant unlocks the keychain after the third refusal.
        if (e.state === 'storing' && (e.polls ?? 0) >= 3) state.fail = false;
      },
    });
    d.stop();
    const retries = events.filter((e) => e.state === 'storing' && e.transient);
    expect(retries.map((e) => e.transient!.code)).toEqual([
      'keychain-unavailable',
      'keychain-unavailable',
      'keychain-unavailable',
    ]);
    expect(events.at(-1)!.state).toBe('accepted');
    expect(sim.apiKeys()).toEqual([await flaky.vault.get(record.account)]);
    expect(await flaky.core.pending()).toEqual([]);
    expect(flaky.files()).not.toContain(sim.apiKeys()[0]);
  });

  it('"Retry now" stores at once; giving up reports the key as lost, and it never reaches a file', async () => {
    const state = { fail: true };
    // Without "Retry now" the next attempt would come only after 5 s.
    const flaky = await flakyCore(state, 5000);
    sim.setWindow('eazybusiness', true);
    const d = decideWhenPending(sim);
    const retryNow = new Trigger();
    const giveUp = new AbortController();
    const events: FlowEvent[] = [];
    const p = flaky.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()), {
      storeTimeoutMs: Number.POSITIVE_INFINITY,
      now: retryNow,
      giveUp: giveUp.signal,
      onEvent: (e) => {
        events.push(e);
        // The first refusal: "Retry" at once (still locked); the second: the merchant gives up.
        if (e.state === 'storing' && e.polls === 1) setTimeout(() => retryNow.fire(), 5);
        if (e.state === 'storing' && e.polls === 2) giveUp.abort();
      },
    });
    const err = await p.catch((e: HelperError) => e);
    d.stop();
    expect(err).toMatchObject({ code: 'key-not-stored' });
    expect(EXIT_CODES[(err as HelperError).code]).toBe(53);
    // The retry came on the user's request, long before the 5 s backoff.
    const [first, second] = events.filter((e) => e.state === 'storing' && e.transient);
    expect(second!.elapsedMs - first!.elapsedMs).toBeLessThan(900);
    expect(flaky.files()).not.toContain(sim.apiKeys()[0]);
    expect(JSON.stringify(events)).not.toContain(sim.apiKeys()[0]);
    // The next start says that the key is gone and how to recover.
    state.fail = false;
    const resumed = await flaky.core.resumeAll();
    expect(resumed[0]!.error).toMatchObject({ code: 'already-handed-out' });
    expect(await flaky.core.pending()).toEqual([]);
  });
});
