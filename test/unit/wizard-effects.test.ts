// What the wizard's states invoke, run against a fake bridge, and the guards that pick a failure's
// next action. In Node, without React.
import { describe, expect, it } from 'vitest';
import { nextAction } from '../../renderer/src/wizard/failure-actions';
import { invoked, run } from '../../renderer/src/wizard/invoke';
import { INITIAL, reduce, type Wizard } from '../../renderer/src/wizard/machine';
import type { Screen } from '../../renderer/src/wizard/screens';
import type { SerializedError } from '../../shared/errors/schema';
import { type ApiClient, BridgeError } from '../../shared/ipc/bridge';
import type { RegistrationRecord } from '../../shared/registration';
import { launch, record, server } from './wizard-fixtures';

/** A bridge that answers each channel as scripted (a function may throw), and records the calls. */
function fakeApi(answers: Record<string, unknown | ((req: unknown) => unknown)>) {
  const calls: [string, unknown][] = [];
  const api: ApiClient = {
    async call(channel, request) {
      calls.push([channel, request]);
      const a = answers[channel];
      if (a === undefined) throw new Error(`unexpected call ${channel}`);
      return (typeof a === 'function' ? (a as (r: unknown) => unknown)(request) : a) as never;
    },
    onFlowEvent: () => () => {},
  };
  return { api, calls };
}

const refused = (code: SerializedError['code']) => () => {
  throw new BridgeError({ code, message: code });
};
const ready = (screen: Screen): Wizard => ({ launch, screen, events: {} });
const multi = { ...launch, manifest: { ...launch.manifest!, RegistrationType: 1 as const } };

describe('what each state invokes', () => {
  it('the start-up, a resume, a send, a start from a failure, a removal, the registrations on a 409 server', () => {
    expect(invoked(INITIAL)).toEqual({ type: 'launch' });
    // The search runs on entering the server choice, once; "search again" is a new entry.
    expect(invoked(ready({ name: 'connect' }))).toEqual({ type: 'discover' });
    expect(invoked(ready({ name: 'connect', discovery: { servers: [] } }))).toBeUndefined();
    expect(invoked(ready({ name: 'review', server }))).toBeUndefined();
    expect(invoked(ready({ name: 'review', server, sending: { how: 'new', server } }))).toEqual({
      type: 'start',
      start: { how: 'new', server },
    });
    expect(
      invoked(ready({ name: 'starting', start: { how: 'instance', first: record }, from: 'manage' })),
    ).toEqual({ type: 'start', start: { how: 'instance', first: record } });
    expect(invoked(ready({ name: 'removal', kind: 'revoke', record }))).toEqual({
      type: 'removal',
      kind: 'revoke',
      account: record.account,
    });
    expect(invoked(ready({ name: 'removal', kind: 'revoke', record, flowId: 'f1' }))).toBeUndefined();
    const conflict: SerializedError = { code: 'already-registered', message: '' };
    expect(invoked(ready({ name: 'failure', error: conflict, kind: 'register', server }))).toEqual({
      type: 'registrations-here',
      baseUrl: server.baseUrl,
    });
    expect(
      invoked(ready({ name: 'failure', error: conflict, kind: 'register', server, here: [] })),
    ).toBeUndefined();
  });

  it('start-up over the bridge: launch, what waits, and the list only for --action rotate/revoke', async () => {
    const { api, calls } = fakeApi({
      'app:launch': launch,
      'registrations:pending': { pending: [] },
    });
    expect(await run(api, { type: 'launch' })).toEqual({
      type: 'launch-loaded',
      launch,
      pending: [],
      registrations: [],
    });
    expect(calls.map((c) => c[0])).toEqual(['app:launch', 'registrations:pending']);
    // The launch itself failing is a screen of its own (never "Loading…" for ever).
    const failing = fakeApi({ 'app:launch': refused('internal') });
    const failed = await run(failing.api, { type: 'launch' });
    expect(failed).toMatchObject({ type: 'launch-failed', error: { code: 'internal' } });
    expect(reduce(INITIAL, failed).screen.name).toBe('start-failed');
  });

  it('a search over the bridge: what it found, or its failure with no server (the address can be typed)', async () => {
    const { api } = fakeApi({ 'servers:discover': { servers: [server], other: [] } });
    expect(await run(api, { type: 'discover' })).toEqual({
      type: 'discovered',
      discovery: { servers: [server] },
    });
    const failing = fakeApi({ 'servers:discover': refused('internal') });
    expect(await run(failing.api, { type: 'discover' })).toMatchObject({
      type: 'discovered',
      discovery: { servers: [], error: { code: 'internal' } },
    });
    const found = reduce(ready({ name: 'connect' }), {
      type: 'discovered',
      discovery: { servers: [server] },
    });
    expect(found.screen).toEqual({ name: 'connect', discovery: { servers: [server] } });
    // A late answer after "search again" started another search is the new search's answer; a second
    // answer to the same entry changes nothing.
    expect(reduce(found, { type: 'discovered', discovery: { servers: [] } })).toBe(found);
    expect(reduce(found, { type: 'search-again' }).screen).toEqual({ name: 'connect' });
  });

  it('a start sends the trust given on the screens before; replace and instance ask for their kind; a refusal is a failure', async () => {
    const { api, calls } = fakeApi({
      'registration:start': { flowId: 'f1' },
      'registration:add-instance': { flowId: 'f2' },
    });
    const pinned = { ...server, certificatePin: 'AB'.repeat(32) };
    expect(await run(api, { type: 'start', start: { how: 'new', server: pinned } })).toEqual({
      type: 'started',
      flowId: 'f1',
    });
    await run(api, { type: 'start', start: { how: 'replace', server } });
    await run(api, { type: 'start', start: { how: 'instance', first: record } });
    expect(calls).toEqual([
      ['registration:start', { baseUrl: server.baseUrl, certificatePin: pinned.certificatePin }],
      ['registration:start', { baseUrl: server.baseUrl, replaceRegistered: true }],
      ['registration:add-instance', { account: record.account }],
    ]);
    const refusing = fakeApi({ 'registration:start': refused('keychain-unavailable') });
    expect(await run(refusing.api, { type: 'start', start: { how: 'new', server } })).toMatchObject({
      type: 'failed',
      kind: 'register',
      server,
      error: { code: 'keychain-unavailable' },
    });
  });

  it('a removal start, a resume that fails, and the registrations on the failed server only', async () => {
    const other = { ...record, account: 'x', server: { ...server, baseUrl: 'http://10.0.0.9:5883/api/eb' } };
    const { api } = fakeApi({
      'rotate:start': { flowId: 'f3' },
      'registration:resume': refused('request-not-found'),
      'registrations:list': { registrations: [record, other] },
    });
    expect(await run(api, { type: 'removal', kind: 'rotate', account: record.account })).toEqual({
      type: 'removal-started',
      flowId: 'f3',
    });
    expect(await run(api, { type: 'resume', account: record.account })).toEqual({ type: 'resume-failed' });
    expect(await run(api, { type: 'registrations-here', baseUrl: server.baseUrl })).toEqual({
      type: 'registrations-here',
      registrations: [record],
    });
  });
});

describe("a failure's next action", () => {
  const failure = (code: SerializedError['code'], more: Partial<Extract<Screen, { name: 'failure' }>> = {}) =>
    ({ name: 'failure', error: { code, message: '' }, kind: 'register', server, ...more }) as Extract<
      Screen,
      { name: 'failure' }
    >;
  const first = { ...record, appId: launch.manifest!.AppId } as RegistrationRecord;

  it('by guards, in order', () => {
    const unconfirmed = failure('request-unconfirmed', {
      error: { code: 'request-unconfirmed', message: '', params: { account: 'a' } },
    });
    expect(nextAction(unconfirmed, launch)).toEqual({ type: 'discard-unconfirmed', account: 'a' });
    expect(nextAction(failure('already-registered', { here: [first] }), multi)).toEqual({
      type: 'add-instance',
      first,
    });
    expect(nextAction(failure('already-registered', { here: [first] }), launch)).toEqual({
      type: 'rotate',
      record: first,
    });
    expect(nextAction(failure('already-registered', { here: [] }), launch)).toEqual({
      type: 'replace',
      server,
    });
    // Not known yet which registrations this computer has: no guess.
    expect(nextAction(failure('already-registered'), launch)).toBeUndefined();
    expect(nextAction(failure('server-error'), launch)).toEqual({ type: 'retry', startOver: false });
    expect(nextAction(failure('rejected'), launch)).toEqual({ type: 'retry', startOver: true });
    // Final here: the vendor or the licence must act first.
    expect(nextAction(failure('licence-missing'), launch)).toBeUndefined();
    expect(nextAction(failure('server-error'), { ...launch, manifest: null })).toBeUndefined();
  });

  it('"Try again" sends again to the same server; a server problem goes back to choosing it; a rejection to reviewing', () => {
    const w = (code: SerializedError['code']) => reduce(ready(failure(code)), { type: 'retry' }).screen;
    expect(w('server-error')).toEqual({ name: 'review', server, sending: { how: 'new', server } });
    expect(w('unreachable')).toEqual({ name: 'review', server, sending: { how: 'new', server } });
    expect(w('tls-untrusted')).toEqual({ name: 'connect' });
    expect(w('rejected')).toEqual({ name: 'review', server });
  });
});
