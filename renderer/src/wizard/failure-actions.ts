// The one next action a failure offers, as guards on the failure and the launch (the primary button,
// last in the bar): drop an unconfirmed request, register a further instance, rotate the key here,
// replace a registration this computer has no key of, try again, start over; none: only Close.
import { retryFrom } from '../../../shared/errors/meta';
import type { DiscoveredServer, RegistrationRecord } from '../../../shared/registration';
import { type Launch, multiInstance, retryScreen, type Screen } from './screens';

export type Failure = Extract<Screen, { name: 'failure' }>;

export type NextAction =
  | { type: 'discard-unconfirmed'; account: string }
  | { type: 'add-instance'; first: RegistrationRecord }
  | { type: 'rotate'; record: RegistrationRecord }
  | { type: 'replace'; server: DiscoveredServer }
  /** `startOver`: the label says so (a rejected request is asked for anew from the review). */
  | { type: 'retry'; startOver: boolean }
  | { type: 'start-over' };

export function nextAction(f: Failure, launch: Launch): NextAction | undefined {
  const { error } = f;
  const canRegister = !!launch.manifest;
  // Final here: the vendor, the licence or the merchant in Wawi must act first.
  const final = retryFrom(error.code) === 'none';
  const unconfirmed =
    error.code === 'request-unconfirmed' || error.params?.pendingKept === 'unconfirmed'
      ? error.params?.account
      : undefined;
  if (unconfirmed) return { type: 'discard-unconfirmed', account: unconfirmed };
  const mine = f.here?.filter((r) => r.appId === launch.manifest?.AppId) ?? [];
  const first = mine.find((r) => multiInstance(launch, r));
  if (first) return { type: 'add-instance', first };
  if (error.code === 'already-registered') {
    const registeredHere = mine.find((r) => !r.instance);
    if (registeredHere) return { type: 'rotate', record: registeredHere };
    if (f.here && f.server && canRegister) return { type: 'replace', server: f.server };
    return undefined;
  }
  if (final) return undefined;
  if (retryScreen(f, canRegister)) return { type: 'retry', startOver: error.code === 'rejected' };
  return canRegister ? { type: 'start-over' } : undefined;
}
