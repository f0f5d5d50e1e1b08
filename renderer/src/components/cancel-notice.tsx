// The merchant's own cancel: a neutral word on the screen they went back to, not an error. A request
// still waiting in Wawi is said so, and can be dropped here.
import type { SerializedError } from '../../../shared/errors/schema';
import { errorText } from '../../../shared/errors/text';
import type { ApiClient } from '../../../shared/ipc/bridge';
import { useI18n } from '../i18n';
import { cancelOutcome } from '../wizard/sentences';
import { DiscardRequest } from './discard-request';

export function CancelNotice({
  api,
  notice,
  kind,
  onDiscarded,
}: {
  api: ApiClient;
  notice: SerializedError;
  kind: 'register' | 'manage';
  onDiscarded(): void;
}) {
  const { lang, t } = useI18n();
  const outcome = cancelOutcome(notice, kind);
  const kept = outcome === 'kept' ? notice.params?.account : undefined;
  const text =
    outcome === 'kept'
      ? t.cancelledKept
      : outcome === 'unconfirmed' || outcome === 'expired'
        ? errorText(notice, lang, 'app').next
        : outcome === 'nothing-sent'
          ? t.cancelledNothingSent
          : t.cancelledNothingChanged;
  return (
    <div className="notice">
      <div role="status">
        <p className="notice-title">{t.cancelledTitle}</p>
        <p>{text}</p>
      </div>
      {kept && <DiscardRequest api={api} account={kept} onDiscarded={onDiscarded} />}
    </div>
  );
}
