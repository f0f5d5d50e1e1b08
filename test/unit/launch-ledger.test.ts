// Which launch an outcome belongs to: the desktop app's own launch until a second one takes over, each
// settled once with the last flow that ended while it was current.
import { describe, expect, it } from 'vitest';
import { LaunchLedger } from '../../main/ipc/launch-ledger';
import type { FlowEvent } from '../../shared/registration';
import type { LaunchResult } from '../../shared/result';

const server = {
  baseUrl: 'http://127.0.0.1:5883/api/eazybusiness',
  host: '127.0.0.1',
  port: 5883,
  database: 'eazybusiness',
};
const record = {
  account: 'A/v1@127.0.0.1:5883/eazybusiness',
  appId: 'A/v1',
  displayName: 'A',
  appVersion: '1.0.0',
  server,
  grantedScopes: ['item.queryitems'],
  registeredAt: '2026-12-03T10:00:00.000Z',
  lastVerifiedAt: null,
  lastVerifyResult: null,
  fingerprint: '0a1b2c3d',
};
const event = (state: FlowEvent['state'], more: Partial<FlowEvent> = {}): FlowEvent => ({
  flowId: 'f',
  kind: 'register',
  state,
  appId: 'A/v1',
  displayName: 'A',
  server,
  elapsedMs: 0,
  ...more,
});

function ledgerOf(action: 'register' | 'manage' | 'rotate' | 'revoke' = 'register') {
  const settled: LaunchResult[] = [];
  const ledger = new LaunchLedger(
    { action, settle: (r) => settled.push(r) },
    () => 'en',
    () => new Date(0),
  );
  return { ledger, settled };
}

describe('the launch ledger', () => {
  it('an accepted registration settles as ok with the record, once, when the app closes', () => {
    const { ledger, settled } = ledgerOf();
    ledger.saw(event('waiting'));
    expect(settled).toEqual([]);
    ledger.saw(event('accepted', { record }));
    ledger.close();
    ledger.close();
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({
      outcome: 'ok',
      exitCode: 0,
      action: 'register',
      registration: { account: record.account, keyFingerprint: '0a1b2c3d', database: 'eazybusiness' },
    });
  });

  it('the last flow decides: a failure retried to success is ok, a success followed by a failure is not', () => {
    const a = ledgerOf();
    a.ledger.saw(event('failed', { error: { code: 'no-registration-window', message: 'm' } }));
    a.ledger.saw(event('accepted', { record }));
    a.ledger.close();
    expect(a.settled[0]?.outcome).toBe('ok');
    const b = ledgerOf();
    b.ledger.saw(event('accepted', { record }));
    b.ledger.saw(event('failed', { kind: 'rotate', error: { code: 'rejected', message: 'm' } }));
    b.ledger.close();
    expect(b.settled[0]).toMatchObject({ outcome: 'rejected', exitCode: 23, action: 'rotate' });
    expect(b.settled[0]).not.toHaveProperty('registration');
  });

  it('closed while a flow runs, or before one started: cancelled (closed); a list opened and closed: ok', () => {
    const running = ledgerOf();
    running.ledger.saw(event('waiting'));
    running.ledger.close();
    expect(running.settled[0]).toMatchObject({
      outcome: 'cancelled',
      exitCode: 25,
      appId: 'A/v1',
      baseUrl: server.baseUrl,
      error: { code: 'cancelled', variant: 'closed', detail: expect.stringMatching(/closed before/) },
    });
    const none = ledgerOf('rotate');
    none.ledger.close();
    expect(none.settled[0]).toMatchObject({ outcome: 'cancelled', action: 'rotate' });
    const list = ledgerOf('manage');
    list.ledger.close();
    expect(list.settled[0]).toMatchObject({ outcome: 'ok', exitCode: 0, action: 'manage' });
  });

  it('a hand-over settles the launch before it with what it reached; later flows belong to the new one', () => {
    const { ledger, settled } = ledgerOf();
    ledger.saw(event('accepted', { record }));
    const second: LaunchResult[] = [];
    ledger.handOver({ action: 'register', settle: (r) => second.push(r) });
    expect(settled.map((r) => r.outcome)).toEqual(['ok']);
    ledger.saw(event('failed', { error: { code: 'licence-missing', message: 'm' } }));
    ledger.close();
    expect(settled).toHaveLength(1);
    expect(second.map((r) => r.exitCode)).toEqual([21]);
  });

  it('a launch whose settle throws (its connection is gone) does not stop the others', () => {
    const { ledger, settled } = ledgerOf();
    ledger.handOver({
      action: 'register',
      settle: () => {
        throw new Error('gone');
      },
    });
    ledger.close();
    expect(settled).toHaveLength(1);
  });
});
