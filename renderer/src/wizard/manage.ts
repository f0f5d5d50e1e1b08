// The list of registrations as explicit states: reading the list (or its failure), one action at a time
// (checking one, checking all, forgetting one after a confirmation), what it found, and the cancel notice
// of a flow started from here. Pure: the screen sends the merchant's acts and the bridge's answers.
import type { SerializedError } from '../../../shared/errors/schema';
import type { RegistrationRecord, VerifyResult } from '../../../shared/registration';

export interface ManageState {
  /** The list as last read; null until it was read once. */
  list: RegistrationRecord[] | null;
  /** What runs now: reading the list, checking all, checking one account, or nothing. */
  busy: { kind: 'load' } | { kind: 'check-all' } | { kind: 'check'; account: string } | null;
  /** Reading the list failed (the keychain or the metadata): offered again. */
  loadError: SerializedError | null;
  /** A check or a forget failed; `account`: the registration it was for (its server can be trusted again). */
  failure: { error: SerializedError; account?: string } | null;
  /** The registration whose "forget" waits for the merchant's confirmation. */
  confirmingForget: string | null;
  /** The last outcome, announced: a check's result, or that one was forgotten. */
  outcome:
    | { kind: 'checked'; name: string; result: VerifyResult }
    | { kind: 'forgotten' }
    | { kind: 'retrusted' }
    | null;
  /** The merchant cancelled a flow started from here. */
  notice: SerializedError | null;
}

export type ManageAction =
  | { type: 'load'; verify?: boolean }
  | { type: 'loaded'; list: RegistrationRecord[] }
  | { type: 'load-failed'; error: SerializedError }
  | { type: 'check'; account: string }
  | { type: 'checked'; record: RegistrationRecord }
  | { type: 'check-failed'; account: string; error: SerializedError }
  | { type: 'ask-forget'; account: string }
  | { type: 'keep' }
  | { type: 'forgotten' }
  | { type: 'forget-failed'; error: SerializedError }
  | { type: 'retrusted' }
  | { type: 'notice-done' };

export const manageStart = (notice?: SerializedError): ManageState => ({
  list: null,
  busy: { kind: 'load' },
  loadError: null,
  failure: null,
  confirmingForget: null,
  outcome: null,
  notice: notice ?? null,
});

/** The next state; the same object when the act does not fit now (one action at a time). */
export function manageReduce(s: ManageState, a: ManageAction): ManageState {
  switch (a.type) {
    case 'load':
      if (s.busy && s.busy.kind !== 'load') return s;
      return {
        ...s,
        busy: a.verify ? { kind: 'check-all' } : { kind: 'load' },
        loadError: null,
        failure: null,
      };
    case 'loaded':
      return { ...s, list: a.list, busy: null };
    case 'load-failed':
      return { ...s, busy: null, loadError: a.error };
    case 'check':
      if (s.busy) return s;
      return { ...s, busy: { kind: 'check', account: a.account }, failure: null };
    case 'checked': {
      const list = s.list?.map((r) => (r.account === a.record.account ? a.record : r)) ?? null;
      const result = a.record.lastVerifyResult ?? 'unreachable';
      return { ...s, list, busy: null, outcome: { kind: 'checked', name: a.record.displayName, result } };
    }
    case 'check-failed':
      return { ...s, busy: null, failure: { error: a.error, account: a.account } };
    case 'ask-forget':
      return s.busy ? s : { ...s, confirmingForget: a.account };
    case 'keep':
      return { ...s, confirmingForget: null };
    case 'forgotten':
      // The list is read again (the effect sends `load`), with the outcome said.
      return { ...s, confirmingForget: null, busy: { kind: 'load' }, outcome: { kind: 'forgotten' } };
    case 'forget-failed':
      return { ...s, confirmingForget: null, failure: { error: a.error } };
    case 'retrusted':
      return { ...s, failure: null, outcome: { kind: 'retrusted' } };
    case 'notice-done':
      return { ...s, notice: null, busy: { kind: 'load' } };
  }
}

/** Registering the launching app is offered only while it has no registration here. */
export function offers(s: ManageState, launchingApp: string | undefined) {
  const registeredHere = !!launchingApp && !!s.list?.some((r) => r.appId === launchingApp);
  return {
    registeredHere,
    register: !!launchingApp && !!s.list && !registeredHere && !s.loadError,
    checkAll: !!s.list && s.list.length > 0,
  };
}
