// A flow that failed: what happened, and the one next action that fits it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { canRetrust, retryFrom } from '../../../shared/errors/meta';
import type { SerializedError } from '../../../shared/errors/schema';
import { errorText } from '../../../shared/errors/text';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { DiscoveredServer, RegistrationRecord } from '../../../shared/registration';
import { Alert, Step, toError } from '../components/common';
import { Confirm } from '../components/confirm';
import { useI18n } from '../i18n';
import { type Launch, multiInstance } from '../wizard/screens';
import { Retrust } from './trust';

export function Failure({
  api,
  error,
  account,
  onRetry,
  onManage,
  onStartOver,
  onAddInstance,
  canRegister,
  launch,
  server,
}: {
  api: ApiClient;
  error: SerializedError;
  /** The registration a management flow failed for (its server can be trusted again here). */
  account?: string;
  onRetry?: () => void;
  onManage(): void;
  onStartOver(): void;
  canRegister: boolean;
  /** Registers a further instance of the launching app from its first registration here. */
  onAddInstance(first: RegistrationRecord): void;
  launch: Launch | null;
  /** The server a registration failed on. */
  server?: DiscoveredServer;
}) {
  const { lang, t } = useI18n();
  const text = errorText(error, lang, 'app');
  // Final here: the vendor, the licence or the merchant in Wawi must act first.
  const final = retryFrom(error.code) === 'none';
  const [discardError, setDiscardError] = useState<SerializedError | null>(null);
  const unconfirmed =
    error.code === 'request-unconfirmed' || error.params?.pendingKept === 'unconfirmed'
      ? error.params?.account
      : undefined;
  // A request that is still waiting in Wawi can be dropped here too, after a warning.
  const kept = error.params?.pendingKept === 'true' ? error.params.account : undefined;
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const discardButton = useRef<HTMLButtonElement>(null);
  const returnTo = useCallback(() => discardButton.current, []);
  // 409 for a MultiInstance app registered here on that server: a further instance is one click away.
  const [first, setFirst] = useState<RegistrationRecord | null>(null);
  useEffect(() => {
    if (error.code !== 'already-registered' || !server || launch?.manifest?.RegistrationType !== 1) return;
    void api
      .call('registrations:list', {})
      .then(({ registrations }) =>
        setFirst(
          registrations.find((r) => r.server.baseUrl === server.baseUrl && multiInstance(launch, r)) ?? null,
        ),
      )
      .catch(() => setFirst(null));
  }, [api, error.code, launch, server]);
  const discard = async (account: string) => {
    try {
      await api.call('registration:discard', { account });
      (onRetry ?? onStartOver)();
    } catch (err) {
      setDiscardError(toError(err));
    }
  };
  return (
    <Step title={text.title}>
      <Alert error={error} onlyDetail />
      {account && canRetrust(error.code) && (
        <Retrust api={api} account={account} error={error} onDone={onRetry ?? onManage} />
      )}
      {discardError && <Alert error={discardError} />}
      {kept && confirmDiscard && (
        <Confirm
          confirmLabel={t.discardRequest}
          keepLabel={t.keepRequest}
          returnTo={returnTo}
          onConfirm={() => void discard(kept)}
          onKeep={() => setConfirmDiscard(false)}
        >
          <p>{t.discardWarning}</p>
        </Confirm>
      )}
      <div className="actions">
        {kept && !confirmDiscard && (
          <button type="button" ref={discardButton} onClick={() => setConfirmDiscard(true)}>
            {t.discardRequest}
          </button>
        )}
        {unconfirmed && (
          <button type="button" className="primary" onClick={() => void discard(unconfirmed)}>
            {t.discardAndStartOver}
          </button>
        )}
        {first && (
          <button type="button" className="primary" onClick={() => onAddInstance(first)}>
            {t.addInstance}
          </button>
        )}
        {error.code === 'already-registered' && (
          <button type="button" onClick={onManage}>
            {t.rotate}
          </button>
        )}
        {!final && onRetry && !first && (
          <button type="button" className="primary" onClick={onRetry}>
            {error.code === 'rejected' || error.code === 'cancelled' ? t.startOver : t.tryAgain}
          </button>
        )}
        {!onRetry && canRegister && !final && (
          <button type="button" className="primary" onClick={onStartOver}>
            {t.startOver}
          </button>
        )}
        <button type="button" onClick={onManage}>
          {t.manage}
        </button>
      </div>
    </Step>
  );
}
