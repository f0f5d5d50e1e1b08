// A pending registration as the keychain holds it: the current shape, the first version's shape (read as
// the current one), and anything else skipped.
import { describe, expect, it } from 'vitest';
import { readPendingEntry } from '../../main/core/store/pending-entry';

const current = {
  v: 2,
  kind: 'register',
  account: 'App/v1@127.0.0.1:5883/eazybusiness',
  baseUrl: 'http://127.0.0.1:5883/api/eazybusiness',
  appId: 'App/v1',
  displayName: 'Lager\u202esync',
  providerName: 'Anbieter',
  appVersion: '1.0',
  requestId: 'r-1',
  challengeCode: 'c0de',
  startedAt: '2026-12-06T08:00:00.000Z',
  sentAt: '2026-12-06T08:00:01.000Z',
};

describe('a pending entry read from the keychain', () => {
  it('reads the current shape, with its names made inert', () => {
    const p = readPendingEntry(JSON.stringify(current));
    expect(p).toMatchObject({ ...current, displayName: expect.not.stringContaining('\u202e') });
  });

  it("reads the first version's shape as the current one", () => {
    const { providerName: _p, sentAt: _s, ...rest } = current;
    const p = readPendingEntry(JSON.stringify({ ...rest, v: 1 }));
    expect(p).toMatchObject({ v: 2, providerName: 'App/v1', sentAt: current.startedAt, requestId: 'r-1' });
  });

  it('skips what is not one: not JSON, another shape, a first-version entry without a request id', () => {
    expect(readPendingEntry('not json')).toBeUndefined();
    expect(readPendingEntry(JSON.stringify({ v: 3 }))).toBeUndefined();
    const { providerName: _p, sentAt: _s, requestId: _r, ...noId } = current;
    expect(readPendingEntry(JSON.stringify({ ...noId, v: 1 }))).toBeUndefined();
  });
});
