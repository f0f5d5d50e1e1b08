// The list of registrations as explicit states, in Node: one action at a time, what a check or a forget
// leads to, and what the screen offers.
import { describe, expect, it } from 'vitest';
import { manageReduce, manageStart, offers } from '../../renderer/src/wizard/manage';
import type { RegistrationRecord } from '../../shared/registration';
import { record } from './wizard-fixtures';

const error = { code: 'keychain-unavailable' as const, message: '' };
const loaded = manageReduce(manageStart(), { type: 'loaded', list: [record] });

describe('the list of registrations', () => {
  it('starts reading the list; a failure is kept and offered again', () => {
    const s = manageStart();
    expect(s.busy).toEqual({ kind: 'load' });
    const failed = manageReduce(s, { type: 'load-failed', error });
    expect(failed).toMatchObject({ busy: null, loadError: error, list: null });
    expect(manageReduce(failed, { type: 'load' })).toMatchObject({ busy: { kind: 'load' }, loadError: null });
  });

  it('one action at a time: a check while another runs changes nothing', () => {
    const checking = manageReduce(loaded, { type: 'check', account: record.account });
    expect(checking.busy).toEqual({ kind: 'check', account: record.account });
    expect(manageReduce(checking, { type: 'check', account: 'other' })).toBe(checking);
    expect(manageReduce(checking, { type: 'load', verify: true })).toBe(checking);
    expect(manageReduce(checking, { type: 'ask-forget', account: record.account })).toBe(checking);
  });

  it('a check updates its row and says its result; a failed one keeps the account to trust again', () => {
    const checking = manageReduce(loaded, { type: 'check', account: record.account });
    const rejected = { ...record, lastVerifyResult: 'rejected' } as RegistrationRecord;
    const done = manageReduce(checking, { type: 'checked', record: rejected });
    expect(done.list).toEqual([rejected]);
    expect(done.outcome).toEqual({ kind: 'checked', name: record.displayName, result: 'rejected' });
    const changed = { code: 'certificate-changed' as const, message: '' };
    const failed = manageReduce(checking, { type: 'check-failed', account: record.account, error: changed });
    expect(failed.failure).toEqual({ error: changed, account: record.account });
    expect(manageReduce(failed, { type: 'retrusted' })).toMatchObject({
      failure: null,
      outcome: { kind: 'retrusted' },
    });
  });

  it('forget asks first; once forgotten the list is read again and it is said', () => {
    const asking = manageReduce(loaded, { type: 'ask-forget', account: record.account });
    expect(asking.confirmingForget).toBe(record.account);
    expect(manageReduce(asking, { type: 'keep' }).confirmingForget).toBeNull();
    expect(manageReduce(asking, { type: 'forgotten' })).toMatchObject({
      confirmingForget: null,
      busy: { kind: 'load' },
      outcome: { kind: 'forgotten' },
    });
  });

  it('offers registering the launching app only while it has no registration here', () => {
    expect(offers(loaded, record.appId)).toEqual({ registeredHere: true, register: false, checkAll: true });
    expect(offers(loaded, 'Other/v1')).toEqual({ registeredHere: false, register: true, checkAll: true });
    expect(offers(manageStart(), 'Other/v1').register).toBe(false);
  });
});
