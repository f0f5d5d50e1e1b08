// The IPC handler table (main/ipc) as both the app and the browser tests use it.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseWawiAddress } from '../../main/core/wawi/address';
import { createIpcHandlers } from '../../main/ipc/handlers';
import { launchState, parseLaunchArgs } from '../../main/ipc/launch';
import { errorText } from '../../shared/errors/text';
import type { FlowEvent } from '../../shared/registration';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { decideWhenPending, demoManifest, makeCore } from '../helpers/core';
import { DEMO_APP } from '../helpers/http';

let sim: WawiSim;
let h: ReturnType<typeof makeCore>;
let clipboard: string;
let timers: { fn: () => Promise<void> | undefined; ms: number }[];
let opened: string[];

function handlers(args = ['--manifest', join(DEMO_APP, 'manifest.json')]) {
  return createIpcHandlers({
    core: h.core,
    launch: launchState(parseLaunchArgs(args), { isPackaged: false, platform: 'win32' }),
    clipboard: {
      writeSecret: (t) => {
        clipboard = t;
      },
      writeText: (t) => {
        clipboard = t;
      },
      readText: () => clipboard,
      clear: () => {
        clipboard = '';
      },
    },
    openExternal: (url) => {
      opened.push(url);
    },
    openLogFolder: () => {
      opened.push('log folder');
    },
    lang: { get: () => 'en', set: () => {} },
    discoveryCandidates: [sim.url],
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  });
}

beforeEach(async () => {
  sim = await startWawiSim({ port: 0 });
  h = makeCore();
  clipboard = 'something else';
  timers = [];
  opened = [];
});
afterEach(async () => {
  for (const e of await h.vault.entries()) await h.vault.delete(e.account);
  await sim.close();
});

async function registered() {
  sim.setWindow('eazybusiness', true);
  const d = decideWhenPending(sim);
  const r = await h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()));
  d.stop();
  return r;
}

describe('the IPC handler table', () => {
  it('validates every payload and refuses unknown channels', async () => {
    const t = handlers();
    expect(await t.handle('nope', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.handle('servers:check', { address: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await t.handle('servers:check', { address: 'x', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await t.handle('flow:cancel', { flowId: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await t.handle('lang:set', { lang: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('answers with typed errors from the core', async () => {
    const t = handlers();
    // Probing any address tells the renderer only what kind of failure it was, not the details.
    const failed = await t.handle('servers:check', { address: '127.0.0.1:9' });
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'unreachable', params: { address: '127.0.0.1:9' } },
    });
    expect(JSON.stringify(failed)).not.toMatch(/ECONNREFUSED|reason/);
    // Registering needs an address main probed in this session.
    expect(await t.handle('registration:start', { baseUrl: sim.apiUrl() })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await t.handle('registration:verify', { account: 'X/v1@127.0.0.1:1/eazybusiness' })).toMatchObject(
      { ok: false, error: { code: 'not-registered' } },
    );
    const noManifest = handlers([]);
    await noManifest.handle('servers:discover', {});
    expect(await noManifest.handle('registration:start', { baseUrl: sim.apiUrl() })).toMatchObject({
      ok: false,
      error: { code: 'manifest-invalid' },
    });
  });

  it('runs a registration in the background and forwards its events, never the key', async () => {
    const t = handlers();
    const events: FlowEvent[] = [];
    t.subscribe((e) => events.push(e));
    sim.setWindow('eazybusiness', true);
    const d = decideWhenPending(sim);
    await t.handle('servers:discover', {});
    const started = await t.handle('registration:start', { baseUrl: sim.apiUrl() });
    expect(started.ok).toBe(true);
    await expect.poll(() => events.at(-1)?.state, { timeout: 5000 }).toBe('accepted');
    d.stop();
    const key = sim.apiKeys()[0]!;
    expect(JSON.stringify(events)).not.toContain(key);
    const list = await t.handle('registrations:list', {});
    expect(JSON.stringify(list)).not.toContain(key);
    expect(JSON.stringify(list)).not.toContain(sim.challengeCodes()[0]);
  });

  it('copies the key in main and clears it after 60 s, unless something else was copied since', async () => {
    const r = await registered();
    const t = handlers();
    const key = sim.apiKeys()[0]!;
    expect(await t.handle('key:copy', { account: r.account })).toEqual({
      ok: true,
      data: { clearAfterMs: 60_000 },
    });
    expect(clipboard).toBe(key);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(60_000);
    await timers[0]!.fn();
    expect(clipboard).toBe('');

    await t.handle('key:copy', { account: r.account });
    clipboard = 'the merchant copied this';
    // The clearing ends before the assertion: it ran and left what the merchant copied.
    await timers[1]!.fn();
    expect(clipboard).toBe('the merchant copied this');

    // "Clear now", and on quit: only while the clipboard still holds the key.
    await t.handle('key:copy', { account: r.account });
    expect(await t.handle('key:clear', {})).toEqual({ ok: true, data: {} });
    expect(clipboard).toBe('');
    await t.handle('key:copy', { account: r.account });
    await t.clearClipboard();
    expect(clipboard).toBe('');
  });

  it('copies only the key of the app that launched the helper', async () => {
    const r = await registered();
    const other = handlers(['--manifest', join(DEMO_APP, 'manifest.json'), '--action', 'manage']);
    expect((await other.handle('key:copy', { account: r.account })).ok).toBe(true);
    clipboard = 'nothing';
    const manage = handlers([]);
    expect(await manage.handle('key:copy', { account: r.account })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(clipboard).toBe('nothing');
  });

  it('opens only the manifest website, and only in the system browser', async () => {
    const t = handlers();
    expect(await t.handle('app:open-website', {})).toEqual({ ok: true, data: {} });
    expect(opened).toEqual(['https://example.com/lagerbestand-sync']);
    expect(await handlers([]).handle('app:open-website', {})).toMatchObject({ ok: false });
  });

  it('copies the details of a failure as plain text (bounded), and opens the log folder', async () => {
    const t = handlers();
    expect(await t.handle('app:copy-details', { text: 'unreachable: 127.0.0.1:9' })).toEqual({
      ok: true,
      data: {},
    });
    expect(clipboard).toBe('unreachable: 127.0.0.1:9');
    expect(await t.handle('app:copy-details', { text: 'x'.repeat(4001) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await t.handle('app:open-log-folder', {})).toEqual({ ok: true, data: {} });
    expect(opened).toEqual(['log folder']);
  });

  it('rotate goes on when the merchant confirms the removal', async () => {
    const r = await registered();
    const t = handlers();
    const events: FlowEvent[] = [];
    t.subscribe((e) => events.push(e));
    const started = await t.handle('rotate:start', { account: r.account });
    if (!started.ok) throw new Error('rotate did not start');
    const { flowId } = started.data as { flowId: string };
    await expect.poll(() => events.some((e) => e.state === 'awaiting-removal')).toBe(true);
    expect(t.busy()).toBe(true);
    // The merchant says it is removed (but did not): Wawi then answers 409; the helper waits for the
    // removal and the old key stays until a new one is stored.
    sim.setWindow('eazybusiness', true);
    await t.handle('rotate:confirm-removed', { flowId });
    await expect.poll(() => events.at(-1)?.transient?.code).toBe('already-registered');
    expect(await h.vault.get(r.account)).toBe(sim.apiKeys()[0]);
    await t.handle('flow:cancel', { flowId });
    await expect.poll(() => t.busy()).toBe(false);
    expect(events.at(-1)?.state).toBe('cancelled');
    expect(await h.vault.get(r.account)).toBe(sim.apiKeys()[0]);
  });
});

describe('the key lifecycle through the IPC table', () => {
  function until(cond: () => boolean, timeoutMs = 10_000) {
    return new Promise<void>((resolve, reject) => {
      const end = Date.now() + timeoutMs;
      const tick = () =>
        cond() ? resolve() : Date.now() > end ? reject(new Error('timeout')) : setTimeout(tick, 5);
      tick();
    });
  }

  it('a keychain that refuses the key: the window must stay, Retry stores it, nothing is lost', async () => {
    const keytar = (await import('keytar')).default;
    const state = { fail: false };
    h = makeCore({
      storeRetryBaseMs: 60_000, // only "Retry" brings the next attempt
      keychain: () => ({
        ...keytar,
        setPassword: async (s: string, a: string, p: string) => {
          if (state.fail && s === h.service) throw new Error('Cannot create an item in a locked collection');
          return keytar.setPassword(s, a, p);
        },
      }),
    });
    const t = handlers();
    const events: FlowEvent[] = [];
    t.subscribe((e) => events.push(e));
    sim.setWindow('eazybusiness', true);
    const d = decideWhenPending(sim);
    state.fail = true;
    await t.handle('servers:discover', {});
    const started = await t.handle('registration:start', { baseUrl: sim.apiUrl() });
    const flowId = (started as { data: { flowId: string } }).data.flowId;
    await until(() => events.some((e) => e.state === 'storing' && e.transient));
    d.stop();
    expect(t.holdsUnstoredKey()).toBe(true);
    expect(events.at(-1)!.transient).toMatchObject({
      code: 'keychain-unavailable',
      params: { reason: 'storing the key: the keyring is locked' },
    });
    state.fail = false;
    expect(await t.handle('flow:now', { flowId })).toEqual({ ok: true, data: {} });
    await until(() => events.at(-1)!.state === 'accepted');
    expect(t.holdsUnstoredKey()).toBe(false);
    expect(sim.apiKeys()).toContain(await h.vault.get(events.at(-1)!.record!.account));
    expect(JSON.stringify(events)).not.toContain(sim.apiKeys()[0]);
  });

  it('cancel while the key waits gives it up (the screen warned); cancel while waiting keeps the request', async () => {
    const t = handlers();
    const events: FlowEvent[] = [];
    t.subscribe((e) => events.push(e));
    sim.setWindow('eazybusiness', true);
    await t.handle('servers:discover', {});
    const { data } = (await t.handle('registration:start', { baseUrl: sim.apiUrl() })) as {
      data: { flowId: string };
    };
    await until(() => events.some((e) => e.state === 'waiting'));
    await t.handle('flow:cancel', { flowId: data.flowId });
    await until(() => events.at(-1)!.state === 'cancelled');
    const text = errorText(events.at(-1)!.error!, 'en', 'app');
    expect(text.next).toContain('open this helper again');
    expect(text.next).not.toContain('wawi-register');
    const { data: pending } = (await t.handle('registrations:pending', {})) as {
      data: { pending: { requestConfirmed: boolean; account: string }[] };
    };
    expect(pending.pending).toEqual([expect.objectContaining({ requestConfirmed: true })]);
    // The renderer never sees the request id or the challenge code.
    expect(JSON.stringify(pending)).not.toContain(sim.challengeCodes()[0]);
    expect(JSON.stringify(pending)).not.toContain(sim.pending()[0]!.id);
  });

  it('an interrupted, unconfirmed request: start says so, discard clears it, the next start sends', async () => {
    const t = handlers();
    const events: FlowEvent[] = [];
    t.subscribe((e) => events.push(e));
    const account = `WawiHelperDemo/v1@127.0.0.1:${sim.port}/eazybusiness`;
    await h.vault.savePending({
      v: 2,
      kind: 'register',
      account,
      baseUrl: sim.apiUrl(),
      appId: 'WawiHelperDemo/v1',
      displayName: 'Lagerbestand Sync (Demo)',
      providerName: 'Beispiel Software GmbH',
      appVersion: '1.0.0',
      challengeCode: 'interrupted-code-000000001',
      startedAt: new Date().toISOString(),
    });
    sim.setWindow('eazybusiness', true);
    await t.handle('servers:discover', {});
    await t.handle('registration:start', { baseUrl: sim.apiUrl() });
    await until(() => events.some((e) => e.state === 'failed'));
    expect(events.at(-1)!.error).toMatchObject({ code: 'request-unconfirmed', params: { account } });
    expect([...sim.hits.keys()].some((k) => k.startsWith('POST'))).toBe(false);
    expect(await t.handle('registration:discard', { account })).toEqual({ ok: true, data: {} });
    expect(await h.core.pending()).toEqual([]);
    expect(await t.handle('registration:discard', { account })).toMatchObject({
      ok: false,
      error: { code: 'not-registered' },
    });
    await t.handle('servers:discover', {});
    await t.handle('registration:start', { baseUrl: sim.apiUrl() });
    await until(() => sim.pending().length === 1);
  });
});
