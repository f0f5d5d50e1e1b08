// A request that still waits in Wawi and is kept here can be dropped, after a warning that its key
// could then no longer be collected.
import { useCallback, useRef, useState } from 'react';
import type { SerializedError } from '../../../shared/errors/schema';
import type { ApiClient } from '../../../shared/ipc/bridge';
import { useI18n } from '../i18n';
import { Alert, toError } from './common';
import { Confirm } from './confirm';

export function DiscardRequest({
  api,
  account,
  onDiscarded,
}: {
  api: ApiClient;
  account: string;
  onDiscarded(): void;
}) {
  const { t } = useI18n();
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const returnTo = useCallback(() => button.current, []);
  const discard = async () => {
    setBusy(true);
    try {
      await api.call('registration:discard', { account });
      onDiscarded();
    } catch (err) {
      setError(toError(err));
      setConfirm(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="discard">
      {error && <Alert error={error} />}
      {confirm ? (
        <Confirm
          confirmLabel={t.discardRequest}
          keepLabel={t.keepRequest}
          busy={busy}
          returnTo={returnTo}
          onConfirm={() => void discard()}
          onKeep={() => setConfirm(false)}
        >
          <p>{t.discardWarning}</p>
        </Confirm>
      ) : (
        <button type="button" ref={button} onClick={() => setConfirm(true)}>
          {t.discardRequest}
        </button>
      )}
    </div>
  );
}
