// A service app's copy of its key on a fake clock and a store in memory with Windows' access rules:
// written right after the keychain, replaced by a rotation, read back (and repaired) by a check,
// deleted by revoke and forget; a refusal never costs the registration its key.
import { describe, expect, it } from 'vitest';
import { HelperError, parseWawiAddress } from '../../main/core/index';
import { virtualAccountSid } from '../../main/core/service-key/plan';
import type { FlowEvent } from '../../shared/registration';
import { fakeService, ScriptedWawi } from '../helpers/fakes';
import { demoManifestSync } from '../helpers/manifest';
import { MemoryServiceStore } from '../helpers/memory-service-store';

const SERVER = parseWawiAddress('http://127.0.0.1:5883/api/eazybusiness');
const ACCOUNT = 'WawiHelperDemo/v1@127.0.0.1:5883/eazybusiness';
const FILE =
  'C:\\ProgramData\\Wawi Registration Helper\\keys\\WawiHelperDemo%2Fv1@127.0.0.1%3A5883%2Feazybusiness.key';

function setup(serviceAccount: string | undefined, store = new MemoryServiceStore()) {
  const wawi = new ScriptedWawi({});
  const service = fakeService(wawi, {
    ports: { serviceKeys: store, timings: { removalPollIntervalMs: 2000 } },
  });
  const manifest = { ...demoManifestSync(), ...(serviceAccount ? { ServiceAccount: serviceAccount } : {}) };
  return { wawi, store, manifest, ...service };
}

describe('the copy for a service account', () => {
  it.each([
    ['LocalSystem', { name: 'NT AUTHORITY\\SYSTEM', sid: 'S-1-5-18' }],
    ['NetworkService', { name: 'NT AUTHORITY\\NETWORK SERVICE', sid: 'S-1-5-20' }],
    ['LocalService', { name: 'NT AUTHORITY\\LOCAL SERVICE', sid: 'S-1-5-19' }],
    ['NT SERVICE\\MySync', { name: 'NT SERVICE\\MySync', sid: virtualAccountSid('MySync') }],
    ['CONTOSO\\svc-sync', { name: 'CONTOSO\\svc-sync' }],
  ])('%s: written after the keychain, readable by that account and not by another', async (account, who) => {
    const { core, clock, store, vault, wawi, manifest } = setup(account);
    const events: FlowEvent[] = [];
    const record = await clock.run(core.register(manifest, SERVER, { onEvent: (e) => events.push(e) }));
    expect(record.serviceKey).toEqual({ account: who.name, state: 'stored', path: FILE });
    expect(events.at(-1)?.record?.serviceKey?.state).toBe('stored');
    expect(await vault.get(ACCOUNT)).toBe(wawi.key);
    // The service reads it with its account; another account, a standard user, is refused.
    expect((await store.readAs(ACCOUNT, who))?.key).toBe(wawi.key);
    await expect(
      store.readAs(ACCOUNT, { name: 'PC\\other', sid: 'S-1-5-21-1-2-3-1001' }),
    ).rejects.toMatchObject({
      state: 'denied',
    });
    // DPAPI's entropy is the account's name: a copy moved to another account's name does not open.
    expect((await store.readAs(ACCOUNT, who, new TextEncoder().encode('NT SERVICE\\Other')))?.key).not.toBe(
      wawi.key,
    );
    expect((await core.list()).find((r) => r.account === ACCOUNT)?.serviceKey?.state).toBe('stored');
  });

  it('the keychain holds the key before the copy is written', async () => {
    const store = new MemoryServiceStore();
    const { core, clock, vault, manifest } = setup('LocalSystem', store);
    let keyFirst: boolean | undefined;
    const write = store.write.bind(store);
    store.write = async (plan, key) => {
      keyFirst = (await vault.get(ACCOUNT)) === key;
      return write(plan, key);
    };
    await clock.run(core.register(manifest, SERVER));
    expect(keyFirst).toBe(true);
  });

  it('a copy that fails for no stated reason is tried again at 1 s and 2 s, then reported', async () => {
    const { core, clock, store, manifest } = setup('LocalSystem');
    store.failures = ['failed', 'failed', 'failed'];
    const record = await clock.run(core.register(manifest, SERVER));
    expect(store.writes).toBe(3);
    expect(clock.waits).toContain(1000);
    expect(clock.waits).toContain(2000);
    expect(record.serviceKey).toEqual({
      account: 'NT AUTHORITY\\SYSTEM',
      state: 'failed',
      path: 'C:\\ProgramData\\Wawi Registration Helper\\keys',
    });
    expect(record.lastVerifyResult).toBe('works');
  });

  it.each([
    ['denied', 'denied'],
    ['an account Windows does not know', 'account-unknown'],
  ] as const)('%s is final: no retry, the registration keeps its key', async (_, state) => {
    const { core, clock, store, vault, wawi, manifest } = setup(
      state === 'account-unknown' ? 'CONTOSO\\nobody' : 'LocalSystem',
    );
    if (state === 'denied') store.failures = ['denied'];
    const record = await clock.run(core.register(manifest, SERVER));
    expect(store.writes).toBe(1);
    expect(record.serviceKey?.state).toBe(state);
    expect(await vault.get(ACCOUNT)).toBe(wawi.key);
  });

  it('off Windows the copy is refused as not-windows and the registration succeeds', async () => {
    const wawi = new ScriptedWawi({});
    const { core, clock, vault } = fakeService(wawi);
    const record = await clock.run(
      core.register({ ...demoManifestSync(), ServiceAccount: 'LocalSystem' }, SERVER),
    );
    expect(record.serviceKey).toEqual({ account: 'NT AUTHORITY\\SYSTEM', state: 'not-windows' });
    expect(await vault.get(ACCOUNT)).toBe(wawi.key);
  });

  it('a rotation replaces the copy with the new key', async () => {
    const { core, clock, store, wawi, manifest } = setup('NT SERVICE\\MySync');
    await clock.run(core.register(manifest, SERVER));
    const old = wawi.key;
    wawi.removeAppAfter(0);
    const record = await clock.run(core.rotate(ACCOUNT));
    expect(wawi.key).not.toBe(old);
    expect((await store.read(ACCOUNT))?.key).toBe(wawi.key);
    expect(record.serviceKey?.state).toBe('stored');
  });

  it('a rotation with a manifest that no longer names a service account removes the copy', async () => {
    const { core, clock, store, wawi, manifest } = setup('LocalSystem');
    await clock.run(core.register(manifest, SERVER));
    wawi.removeAppAfter(0);
    const { ServiceAccount: _, ...plain } = manifest;
    const record = await clock.run(core.rotate(ACCOUNT, { manifest: plain }));
    expect(record.serviceKey).toBeUndefined();
    expect(store.files.size).toBe(0);
  });

  it('verify reads the copy back, and writes it again when it is missing or holds another key', async () => {
    const { core, clock, store, wawi, manifest } = setup('LocalService');
    await clock.run(core.register(manifest, SERVER));
    expect((await clock.run(core.verify(ACCOUNT))).record.serviceKey?.state).toBe('stored');
    expect(store.writes).toBe(1);
    store.files.clear();
    const repaired = await clock.run(core.verify(ACCOUNT));
    expect(repaired.record.serviceKey?.state).toBe('stored');
    expect((await store.read(ACCOUNT))?.key).toBe(wawi.key);
    expect(store.writes).toBe(2);
  });

  it('revoke and forget delete the copy', async () => {
    const revoked = setup('LocalSystem');
    await revoked.clock.run(revoked.core.register(revoked.manifest, SERVER));
    revoked.wawi.removeAppAfter(0);
    await revoked.clock.run(revoked.core.revoke(ACCOUNT));
    expect(revoked.store.files.size).toBe(0);

    const forgotten = setup('LocalSystem');
    await forgotten.clock.run(forgotten.core.register(forgotten.manifest, SERVER));
    await forgotten.core.forget(ACCOUNT);
    expect(forgotten.store.files.size).toBe(0);
  });

  it('killed between the keychain and the copy: resuming (Wawi answers 410) writes the copy', async () => {
    const { core, clock, store, vault, wawi, manifest } = setup('LocalSystem');
    // The process dies while the copy is written: the key and the pending entry are in the keychain.
    let reached!: () => void;
    const atCopy = new Promise<void>((resolve) => {
      reached = resolve;
    });
    store.write = () => {
      reached();
      return new Promise<void>(() => {});
    };
    void core.register(manifest, SERVER);
    await clock.run(atCopy);
    const stored = await vault.get(ACCOUNT);
    expect(stored).toBe(wawi.key);
    // A new process: the pending entry is still there, Wawi has handed the key out already.
    const next = setup('LocalSystem');
    await next.vault.savePending({ ...(await vault.listPending())[0]! });
    await next.vault.store(ACCOUNT, stored!);
    next.wawi.issued.push(stored!);
    next.wawi.polls = [new HelperError('already-handed-out', { status: 410 })];
    const [outcome] = await next.clock.run(next.core.resumeAll());
    expect(outcome?.result?.serviceKey?.state).toBe('stored');
    expect((await next.store.read(ACCOUNT))?.key).toBe(stored);
  });

  it('a registration without a copy is not asked about one: a check reads nothing', async () => {
    const { core, clock, store, manifest } = setup(undefined);
    await clock.run(core.register(manifest, SERVER));
    expect((await clock.run(core.verify(ACCOUNT))).record.serviceKey).toBeUndefined();
    await clock.run(core.list({ verify: true }));
    expect(store.reads).toBe(0);
  });

  it('a pending entry whose account no check would pass still ends with the key stored', async () => {
    const { core, clock, store, vault, wawi } = setup(undefined);
    // An older helper's entry, accepted now: its ServiceAccount is one the manifest check refuses.
    wawi.polls = ['pending'];
    await clock.run(core.register(demoManifestSync(), SERVER, { timeoutMs: 3000 })).catch(() => undefined);
    const [pending] = await vault.listPending();
    expect(pending?.requestId).toBeDefined();
    await vault.savePending({ ...pending!, serviceAccount: 'Everyone' });
    wawi.polls = ['accepted'];
    const [outcome] = await clock.run(core.resumeAll());
    expect(outcome?.result?.serviceKey).toEqual({ account: 'Everyone', state: 'failed' });
    expect(await vault.get(ACCOUNT)).toBe(wawi.key);
    expect(store.writes).toBe(0);
  });

  it('an app without a service account gets no copy', async () => {
    const { core, clock, store, manifest } = setup(undefined);
    const record = await clock.run(core.register(manifest, SERVER));
    expect(record.serviceKey).toBeUndefined();
    expect(store.writes).toBe(0);
  });
});
