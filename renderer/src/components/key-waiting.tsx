// An accepted key the keychain refuses: what that means, how to unlock it, Retry, and giving it up.
import { useCallback, useRef, useState } from 'react';
import { errorText } from '../../../shared/errors/text';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { FlowEvent } from '../../../shared/registration';
import { useI18n } from '../i18n';
import { Confirm } from './confirm';

/**
 * Accepted, but the keychain refuses the key: it is kept in memory and retried. The merchant unlocks
 * the keychain and retries, or gives the key up after a warning that it is then lost.
 */
export function KeyWaiting({
  api,
  flowId,
  event,
  platform,
}: {
  api: ApiClient;
  flowId: string;
  event: FlowEvent;
  platform: string;
}) {
  const { lang, t } = useI18n();
  const [confirm, setConfirm] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const returnTo = useCallback(() => cancelButton.current, []);
  const unlock = event.transient ? errorText(event.transient, lang, 'app').next : '';
  return (
    <div className="alert" role="alert">
      <p>{t.keyWaitingText(platform)}</p>
      <p>
        <strong>{unlock}</strong>
      </p>
      {confirm ? (
        <Confirm
          confirmLabel={t.giveUpKey}
          keepLabel={t.keepTrying}
          returnTo={returnTo}
          onConfirm={() => void api.call('flow:cancel', { flowId })}
          onKeep={() => setConfirm(false)}
        >
          <p>{t.giveUpWarning}</p>
        </Confirm>
      ) : (
        <div className="actions">
          <button type="button" ref={cancelButton} onClick={() => setConfirm(true)}>
            {t.cancel}
          </button>
          <button type="button" className="primary" onClick={() => void api.call('flow:now', { flowId })}>
            {t.retryNow}
          </button>
        </div>
      )}
    </div>
  );
}
