// Step 4: waiting for the merchant to accept the request in JTL-Wawi.
import { flowPhase, keyWaiting } from '../../../shared/flow';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { FlowEvent } from '../../../shared/registration';
import { Step } from '../components/common';
import { KeyWaiting } from '../components/key-waiting';
import { ProgressLine } from '../components/progress-line';
import { RequestCard } from '../components/request-card';
import { useElapsed } from '../hooks/use-elapsed';
import { useI18n } from '../i18n';
import { progressText } from '../wizard/progress';
import type { Launch } from '../wizard/screens';

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
  const elapsedMs = useElapsed(event);
  // Sent before the Wawi dialog was open: the request goes out as soon as it waits.
  const forDialog = event !== undefined && flowPhase(event) === 'waiting-for-dialog';
  return (
    <Step title={forDialog ? t.dialogTitle : t.waitingTitle} step={step}>
      {!forDialog && <p>{t.lookFor}</p>}
      {!forDialog && <RequestCard launch={launch} event={event} />}
      <ol className="howto">
        {(forDialog ? t.dialogSteps : t.acceptSteps).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {!forDialog && <p className="muted">{t.twoRequests}</p>}
      {keyWaiting(event) && event ? (
        <KeyWaiting api={api} flowId={flowId} event={event} />
      ) : (
        <>
          <ProgressLine
            status={forDialog ? t.waitingForDialog : progressText(event, t, lang, t.stillWaiting)}
            elapsedMs={elapsedMs}
          />
          <div className="actions">
            <button type="button" onClick={() => void api.call('flow:cancel', { flowId })}>
              {t.cancel}
            </button>
          </div>
        </>
      )}
    </Step>
  );
}
