// A flow's events as a person reads them in a terminal, and a stored registration's summary.
import { errorText, keychainName } from '../../../shared/errors/text';
import { flowPhase } from '../../../shared/flow';
import type { AppManifest } from '../../../shared/manifest';
import type { FlowEvent, RegistrationRecord } from '../../../shared/registration';
import { formatDateTime } from '../../../shared/time';
import type { Output } from './output';
import { serviceKeyLine } from './service-key-texts';

export function follow(
  out: Output,
  manifest?: Pick<AppManifest, 'DisplayName' | 'ProviderName'>,
  waitingHint?: string,
) {
  let started = Date.now();
  let announced = false;
  let resumed = false;
  return (e: FlowEvent) => {
    if (e.state === 'sending' || e.state === 'checking') started = Date.now() - e.elapsedMs;
    if (e.resumedFrom && !resumed) {
      resumed = true;
      out.say(out.t.resuming(e.displayName, formatDateTime(e.resumedFrom, out.lang)));
    }
    if (e.state === 'waiting' && !announced) {
      announced = true;
      out.say(out.t.lookFor(e.displayName, manifest?.ProviderName ?? e.appId));
      if (waitingHint) out.say(waitingHint);
    }
    const retryIn = Math.round((e.nextPollInMs ?? 0) / 1000);
    const endsAt = e.remainingMs !== undefined ? Date.now() + e.remainingMs : undefined;
    switch (flowPhase(e)) {
      case 'waiting-for-dialog':
        // Said once when a request expired (the dialog was closed), then the wait for the dialog.
        if (e.transient?.code === 'request-not-found') out.say(out.t.dialogClosed);
        else out.progress(out.t.waitingDialog, started, endsAt);
        break;
      case 'waiting-for-unregister':
        out.progress(out.t.waitingRemoval, started, endsAt);
        break;
      case 'sending':
        if (!e.resumedFrom) out.say(out.t.sending);
        break;
      case 'waiting':
        out.progress(out.t.waiting, started, endsAt);
        break;
      case 'retrying':
        if (e.state === 'awaiting-removal') out.progress(out.t.waitingRemoval, started, endsAt);
        else out.progress(out.t.retrying(errorText(e.transient!, out.lang).title, retryIn), started, endsAt);
        break;
      case 'awaiting-removal':
        out.progress(out.t.waitingRemoval, started, endsAt);
        break;
      case 'old-key-dead':
        out.say(`✔ ${out.t.oldKeyDead}`);
        break;
      case 'storing':
        out.say(out.t.storing);
        break;
      case 'key-waiting': {
        const reason = e.transient!.params?.reason ?? e.transient!.code;
        out.say(out.t.keyWaiting(reason, errorText(e.transient!, out.lang).next, retryIn));
        break;
      }
      case 'verifying':
        out.say(out.t.verifying);
        break;
    }
  };
}

/** A registration's summary under its one "Done" line (registered, or `headline`: the key was rotated). */
export function printRecord(
  out: Output,
  platform: string,
  service: string,
  r: RegistrationRecord,
  headline = out.t.accepted,
) {
  out.result(`✔ ${headline}`);
  out.result(`  ${out.t.stored(keychainName(platform, out.lang), service, r.account)}`);
  const copy = serviceKeyLine(out.lang, r.serviceKey);
  if (copy) out.result(`  ${r.serviceKey?.state === 'stored' ? '' : '⚠ '}${copy}`);
  out.result(`  ${out.t.verified(r.lastVerifyResult ?? 'unreachable')}`);
  out.result(`  ${out.t.granted}: ${r.grantedScopes.join(', ') || out.t.none}`);
}
