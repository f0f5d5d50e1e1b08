// Step 3: waiting for the merchant to accept the request in JTL-Wawi (or, first, to open its dialog, or
// to remove the app there when a registration is replaced).
import { useState } from 'react';
import { flowPhase, keyWaiting } from '../../../shared/flow';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { FlowEvent } from '../../../shared/registration';
import { formatClock } from '../../../shared/time';
import { ActionBar, Step } from '../components/common';
import { KeyWaiting } from '../components/key-waiting';
import { ProgressLine } from '../components/progress-line';
import { RequestCard } from '../components/request-card';
import { useFlowTimes } from '../hooks/use-elapsed';
import { useI18n } from '../i18n';
import type { Launch } from '../wizard/screens';
import { waitingWords } from '../wizard/sentences';

/** "Keep waiting" is offered this long before the wait runs out. */
const ENDS_SOON_MS = 2 * 60_000;

/** "I have accepted" is offered after this long: before it, the helper asks every second anyway. */
const ASK_AFTER_MS = 60_000;

export function Waiting({
  api,
  launch,
  event,
  flowId,
  step,
}: {
  api: ApiClient;
  launch: Launch | null;
  event?: FlowEvent;
  flowId: string;
  step?: [number, number];
}) {
  const { lang, t } = useI18n();
  const { elapsedMs, remainingMs } = useFlowTimes(event);
  const phase = event ? flowPhase(event) : undefined;
  // What the screen says, from what the events prove (../wizard/sentences.ts).
  const words = waitingWords(event, t, lang);
  const forDialog = words.kind === 'dialog' || words.kind === 'dialog-closed';
  const forUnregister = words.kind === 'unregister';
  const name = event?.displayName ?? launch?.manifest?.DisplayName ?? '';
  const { title, status } = words;
  const steps = forUnregister
    ? [...t.removeSteps(name), ...t.rotateMore]
    : forDialog
      ? t.dialogSteps
      : t.acceptSteps;
  const sent = !forDialog && !forUnregister;
  // "I have accepted": after the first minute, one status request now. Only Wawi's answer to it is
  // shown: still pending, or the next screen.
  const [askedAt, setAskedAt] = useState<number>();
  const polls = event?.polls ?? 0;
  const answeredAsk = askedAt !== undefined && polls > askedAt && phase === 'waiting';
  // The last minutes: the wait can be made longer before it runs out.
  const endsSoon = remainingMs !== undefined && remainingMs <= ENDS_SOON_MS;
  // Accepted, but the keychain refuses the key: only that matters now.
  if (keyWaiting(event) && event)
    return (
      <Step title={t.keyWaitingTitle} step={step}>
        <KeyWaiting api={api} flowId={flowId} event={event} platform={launch?.platform ?? ''} />
      </Step>
    );
  return (
    <Step title={title} step={step}>
      {forUnregister && <p className="warn">{t.rotateGap}</p>}
      {sent && <p>{t.lookFor}</p>}
      {sent && <RequestCard launch={launch} event={event} />}
      <ol className="howto">
        {steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <ProgressLine status={status} elapsedMs={elapsedMs} remainingMs={remainingMs} />
      {answeredAsk && <p className="muted">{t.askedStillOpen}</p>}
      {endsSoon && <p className="warn">{t.endsSoon(formatClock(remainingMs!))}</p>}
      <ActionBar>
        <button type="button" onClick={() => void api.call('flow:cancel', { flowId })}>
          {t.cancel}
        </button>
        {endsSoon && (
          <button type="button" onClick={() => void api.call('flow:keep-waiting', { flowId })}>
            {t.keepWaitingLonger}
          </button>
        )}
        {sent && phase === 'waiting' && elapsedMs >= ASK_AFTER_MS && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setAskedAt(polls);
              void api.call('flow:now', { flowId });
            }}
          >
            {t.haveAccepted}
          </button>
        )}
      </ActionBar>
    </Step>
  );
}
