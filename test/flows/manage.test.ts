// Rotate and revoke on a fake clock: the waits for the removal in Wawi, rotation as one flow with one
// deadline, and what is left in the keychain after each ending.
import { describe, expect, it } from 'vitest';
import { HelperError, parseWawiAddress } from '../../main/core/index';
import type { FlowEvent } from '../../shared/registration';
import { fakeService, ScriptedWawi } from '../helpers/fakes';
import { demoManifestSync } from '../helpers/manifest';

const SERVER = parseWawiAddress('http://127.0.0.1:5883/api/eazybusiness');
const ACCOUNT = 'WawiHelperDemo/v1@127.0.0.1:5883/eazybusiness';

async function registered(script: ConstructorParameters<typeof ScriptedWawi>[0] = {}) {
  const wawi = new ScriptedWawi(script);
  const service = fakeService(wawi, { ports: { timings: { removalPollIntervalMs: 2000 } } });
  await service.clock.run(service.core.register(demoManifestSync(), SERVER));
  wawi.requests.length = 0;
  service.clock.waits.length = 0;
  return { wawi, ...service };
}

describe('rotate on a fake clock', () => {
  it('is one flow: checks the old key every 2 s until it dies, sends once, stores the new key over the old', async () => {
    const { core, clock, vault, wawi } = await registered();
    const old = wawi.key;
    wawi.removeAppAfter(2);
    const events: FlowEvent[] = [];
    const record = await clock.run(core.rotate(ACCOUNT, { onEvent: (e) => events.push(e) }));
    expect(clock.waits).toEqual([2000, 2000]);
    expect(wawi.requests).toEqual([
      ...Array(3).fill('GET companies'),
      'GET info',
      'POST authentication',
      'GET authentication/{id}',
      'GET companies',
    ]);
    expect(events.map((e) => e.state)).toEqual([
      'checking',
      'awaiting-removal',
      'awaiting-removal',
      'awaiting-removal',
      'sending',
      'waiting',
      'storing',
      'verifying',
      'accepted',
    ]);
    expect(new Set(events.map((e) => e.flowId)).size).toBe(1);
    // Proven by the 401, and said by every later event (the screen after the removal may say it).
    expect(events[3]?.oldKeyDead).toBe(true);
    expect(events.slice(4).every((e) => e.oldKeyDead === true)).toBe(true);
    expect(record.lastVerifyResult).toBe('works');
    expect(await vault.get(ACCOUNT)).toBe(wawi.key);
    expect(wawi.key).not.toBe(old);
  });

  it('has one deadline for the removal and the new registration together', async () => {
    const { core, clock, wawi, vault } = await registered();
    const old = wawi.key;
    wawi.removeAppAfter(1);
    wawi.polls = ['pending'];
    const err = (await clock
      .run(core.rotate(ACCOUNT, { timeoutMs: 6000 }))
      .catch((e: unknown) => e)) as HelperError;
    expect(err.code).toBe('timed-out');
    // 2 s for the removal, then polls until 6 s in all: the registration did not get 6 s of its own.
    expect(clock.waits.reduce((a, b) => a + b, 0)).toBe(6000);
    expect(err.params?.pendingKept).toBe('true');
    expect(await vault.get(ACCOUNT)).toBe(old);
  });

  it('after the removal waits for the Wawi dialog to open, then sends', async () => {
    const noWindow = () => new HelperError('no-registration-window', { status: 403 });
    const { core, clock, wawi } = await registered();
    wawi.removeAppAfter(0);
    wawi.posts = [noWindow(), noWindow(), 'created'];
    const events: FlowEvent[] = [];
    await clock.run(core.rotate(ACCOUNT, { onEvent: (e) => events.push(e) }));
    expect(clock.waits).toEqual([2000, 2000]);
    expect(events.filter((e) => e.transient?.code === 'no-registration-window')).toHaveLength(2);
  });

  it('goes on when the merchant confirms the removal, without waiting for a 401', async () => {
    const { core, clock, wawi } = await registered();
    const events: FlowEvent[] = [];
    let confirm!: () => void;
    const confirmation = new Promise<void>((r) => {
      confirm = r;
    });
    const run = core.rotate(ACCOUNT, {
      confirmation,
      onEvent: (e) => {
        events.push(e);
        if (e.state === 'awaiting-removal') confirm();
      },
    });
    await clock.run(run);
    expect(clock.waits.length).toBeLessThanOrEqual(1);
    expect(wawi.requests.filter((r) => r === 'POST authentication')).toHaveLength(1);
  });

  it('confirmed before the app was removed: no event claims the old key is dead, and the 409 is waited out', async () => {
    const already = () => new HelperError('already-registered', { status: 409 });
    const { core, clock, wawi } = await registered();
    wawi.posts = [already(), already(), 'created'];
    const events: FlowEvent[] = [];
    let confirm!: () => void;
    const confirmation = new Promise<void>((r) => {
      confirm = r;
    });
    const record = await clock.run(
      core.rotate(ACCOUNT, {
        confirmation,
        onEvent: (e) => {
          events.push(e);
          if (e.state === 'awaiting-removal') confirm();
        },
      }),
    );
    expect(record.lastVerifyResult).toBe('works');
    expect(events.some((e) => e.oldKeyDead === true)).toBe(false);
    expect(events.filter((e) => e.transient?.code === 'already-registered')).toHaveLength(2);
    expect(wawi.requests.filter((r) => r === 'POST authentication')).toHaveLength(3);
  });
});

describe('revoke on a fake clock', () => {
  it('deletes the key once it gets 401, and keeps it when the removal never comes', async () => {
    const dies = await registered();
    dies.wawi.removeAppAfter(3);
    const events: FlowEvent[] = [];
    await dies.clock.run(dies.core.revoke(ACCOUNT, { onEvent: (e) => events.push(e) }));
    expect(dies.clock.waits).toEqual([2000, 2000, 2000]);
    expect(events.at(-1)?.state).toBe('removed');
    expect(await dies.vault.get(ACCOUNT)).toBeNull();
    expect(await dies.core.list()).toEqual([]);

    const stays = await registered();
    const err = (await stays.clock
      .run(stays.core.revoke(ACCOUNT, { timeoutMs: 5000 }))
      .catch((e: unknown) => e)) as HelperError;
    expect(err.code).toBe('timed-out');
    expect(err.params?.variant).toBe('removal');
    expect(stays.clock.waits).toEqual([2000, 2000, 1000]);
    expect(await stays.vault.get(ACCOUNT)).toBe(stays.wawi.key);
  });

  it('a server that stops answering is said as such, not as a key that still worked', async () => {
    const { core, clock, wawi, vault } = await registered();
    wawi.checkKey = async () => {
      wawi.requests.push('GET companies');
      throw new HelperError('unreachable', { params: { address: SERVER.baseUrl } });
    };
    const err = (await clock
      .run(core.revoke(ACCOUNT, { timeoutMs: 5000 }))
      .catch((e: unknown) => e)) as HelperError;
    expect(err.code).toBe('timed-out');
    expect(err.params?.variant).toBe('removal-unanswered');
    expect(err.message).not.toMatch(/still worked/);
    expect(await vault.get(ACCOUNT)).toBe(wawi.key);
  });
});
