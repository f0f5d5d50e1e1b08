// Rotate and revoke: the merchant removes the app in JTL-Wawi; the helper waits until the old key stops working.

import { flowPhase } from '../../../shared/flow';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { FlowEvent, RegistrationRecord } from '../../../shared/registration';
import { ActionBar, BusyButton, Step } from '../components/common';
import { ProgressLine } from '../components/progress-line';
import { useElapsed } from '../hooks/use-elapsed';
import { useI18n } from '../i18n';
import { removalStatus } from '../wizard/sentences';

export function Removal({
  api,
  kind,
  record,
  flowId,
  event,
  onBack,
}: {
  api: ApiClient;
  kind: 'rotate' | 'revoke';
  record: RegistrationRecord;
  /** The flow, once the machine started it. */
  flowId?: string;
  event?: FlowEvent;
  onBack(): void;
}) {
  const { lang, t } = useI18n();
  const elapsedMs = useElapsed(event);
  const phase = event ? flowPhase(event) : undefined;
  // After the removal the request goes out as soon as the dialog waits (or, after a removal the
  // merchant only confirmed, once Wawi no longer lists the app).
  const sending = phase === 'sending' || phase === 'waiting-for-dialog' || phase === 'waiting-for-unregister';

  return (
    <Step title={kind === 'rotate' ? t.rotateTitle : t.revokeTitle}>
      <p>{kind === 'rotate' ? t.rotateWhy : t.revokeWhy}</p>
      {kind === 'rotate' && <p className="warn">{t.rotateGap}</p>}
      <ol className="howto">
        {[...t.removeSteps(record.displayName), ...(kind === 'rotate' ? t.rotateMore : [])].map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <ProgressLine
        status={removalStatus(event, t, lang)}
        elapsedMs={sending || phase === 'old-key-dead' ? undefined : elapsedMs}
      />
      <ActionBar>
        <button type="button" onClick={() => (flowId ? void api.call('flow:cancel', { flowId }) : onBack())}>
          {t.cancel}
        </button>
        {kind === 'rotate' && (
          <BusyButton
            primary
            unavailable={!flowId || event?.oldKeyDead === true || sending}
            onClick={() => flowId && void api.call('rotate:confirm-removed', { flowId })}
          >
            {t.removed}
          </BusyButton>
        )}
      </ActionBar>
    </Step>
  );
}
