// The merchant's own cancel: a neutral word on the screen they went back to, not an error. A request
// still waiting in Wawi is said so, and can be dropped here.
import type { SerializedError } from '../../../shared/errors/schema';
import { errorText } from '../../../shared/errors/text';
import type { ApiClient } from '../../../shared/ipc/bridge';
import { useI18n } from '../i18n';
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
  const kept = notice.params?.pendingKept === 'true' ? notice.params.account : undefined;
  const text = kept
    ? t.cancelledKept
    : notice.params?.pendingKept === 'unconfirmed' || notice.params?.variant === 'expired'
      ? errorText(notice, lang, 'app').next
      : kind === 'register'
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
