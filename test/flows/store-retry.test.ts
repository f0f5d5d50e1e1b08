// Storing an accepted key while the keychain refuses it, on a fake clock whose sleeps wait until the
// test moves time: every retry waits its backoff, "Retry now" and a give-up cut a wait short, and a
// give-up is honoured at once, never after the backoff.
import { describe, expect, it } from 'vitest';
import { Trigger } from '../../main/core/flows/timing';
import { FlowControl, type HelperError, parseWawiAddress } from '../../main/core/index';
import type { FlowEvent } from '../../shared/registration';
import { fakeService, RefusingKeychain, ScriptedWawi } from '../helpers/fakes';
import { demoManifestSync } from '../helpers/manifest';

const SERVER = parseWawiAddress('http://127.0.0.1:5883/api/eazybusiness');
const ACCOUNT = 'WawiHelperDemo/v1@127.0.0.1:5883/eazybusiness';

function refusing(refusals: number) {
  const keychain = new RefusingKeychain(refusals);
  const service = fakeService(new ScriptedWawi(), { keychain });
  return { ...service, keychain };
}

describe('storing an accepted key while the keychain refuses it', () => {
  it('with a retry-now trigger that is never fired (the app), each retry still waits its backoff', async () => {
    const { core, clock, vault, keychain } = refusing(3);
    const record = await clock.run(core.register(demoManifestSync(), SERVER, { now: new Trigger() }));
    expect(record.lastVerifyResult).toBe('works');
    expect(clock.waits).toEqual([1000, 2000, 4000]);
    expect(keychain.refused).toBe(3);
    expect(await vault.get(ACCOUNT)).not.toBeNull();
  });

  it('without one (the CLI), one store attempt per scheduled retry: 30 s refused, 6 attempts', async () => {
    const { core, clock, keychain } = refusing(Number.POSITIVE_INFINITY);
    const start = clock.now();
    const run = core.register(demoManifestSync(), SERVER, { timeoutMs: 30_000 });
    const err = (await clock.run(run).catch((e: unknown) => e)) as HelperError;
    expect(err.code).toBe('key-not-stored');
    // 1 + 2 + 4 + 8 s, then what is left of the 30 s (the first refusal came at 0 s).
    expect(clock.waits).toEqual([1000, 2000, 4000, 8000, 10_000, 5000]);
    expect(keychain.refused).toBe(7);
    expect(clock.now() - start).toBe(30_000);
  });

  it('"Retry now" while a retry waits stores at once, without waiting out the backoff', async () => {
    const { core, clock, vault, keychain } = refusing(1);
    const retryNow = new Trigger();
    const run = core.register(demoManifestSync(), SERVER, { now: retryNow });
    await clock.advance(0);
    expect(clock.pending).toBe(1);
    const before = clock.now();
    retryNow.fire();
    await clock.run(run);
    expect(clock.waits).toEqual([]);
    expect(clock.now()).toBe(before);
    expect(keychain.refused).toBe(1);
    expect(await vault.get(ACCOUNT)).not.toBeNull();
  });

  it('a give-up while a retry waits ends the flow at once, the key reported lost', async () => {
    const { core, clock, keychain } = refusing(Number.POSITIVE_INFINITY);
    const giveUp = new AbortController();
    const run = core.register(demoManifestSync(), SERVER, { giveUp: giveUp.signal });
    await clock.advance(0);
    expect(clock.pending).toBe(1);
    const before = clock.now();
    giveUp.abort();
    const err = (await clock.run(run).catch((e: unknown) => e)) as HelperError;
    expect(err.code).toBe('key-not-stored');
    expect(err.params?.reason).toMatch(/^given up/);
    expect(clock.waits).toEqual([]);
    expect(clock.now()).toBe(before);
    expect(keychain.refused).toBe(1);
  });

  it('a give-up that arrives with the storing event is honoured before any wait', async () => {
    const { core, clock, keychain } = refusing(Number.POSITIVE_INFINITY);
    const giveUp = new AbortController();
    const events: FlowEvent[] = [];
    const run = core.register(demoManifestSync(), SERVER, {
      giveUp: giveUp.signal,
      onEvent: (e) => {
        events.push(e);
        if (e.state === 'storing' && e.transient) giveUp.abort();
      },
    });
    const err = (await clock.run(run).catch((e: unknown) => e)) as HelperError;
    expect(err.code).toBe('key-not-stored');
    expect(clock.waits).toEqual([]);
    expect(keychain.refused).toBe(1);
  });

  it('a cancel through FlowControl while the key waits gives it up (the core decides; callers only warn)', async () => {
    const { core, clock, keychain } = refusing(Number.POSITIVE_INFINITY);
    const control = new FlowControl();
    const run = core.register(demoManifestSync(), SERVER, control.options());
    await clock.advance(0);
    expect(control.cancelLosesKey()).toBe(true);
    expect(control.holdsUnstoredKey()).toBe(true);
    control.cancel();
    const err = (await clock.run(run).catch((e: unknown) => e)) as HelperError;
    expect(err.code).toBe('key-not-stored');
    expect(clock.waits).toEqual([]);
    expect(keychain.refused).toBe(1);
  });
});
