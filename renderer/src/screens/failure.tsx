// A flow that failed: what happened, and the one next action that fits it (the primary button, last
// in the bar). Support gets the details and the log folder; Close is always there.
import { useEffect, useState } from 'react';
import { canRetrust, retryFrom } from '../../../shared/errors/meta';
import type { SerializedError } from '../../../shared/errors/schema';
import { errorText } from '../../../shared/errors/text';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { DiscoveredServer, RegistrationRecord } from '../../../shared/registration';
import { ActionBar, Alert, BusyButton, Step, toError } from '../components/common';
import { DiscardRequest } from '../components/discard-request';
import { Support } from '../components/support';
import { useI18n } from '../i18n';
import { type Launch, multiInstance } from '../wizard/screens';
import { Retrust } from './trust';

export interface FailureActions {
  onRetry?: () => void;
  onManage(): void;
  onStartOver(): void;
  /** Registers a further instance of the launching app from its first registration here. */
  onAddInstance(first: RegistrationRecord): void;
  /** Rotates the key of a registration here (409: the app is registered here already). */
  onRotate(record: RegistrationRecord): void;
  /** 409 without a key here: the merchant removes the app in Wawi, then the new request goes out. */
  onReplace(server: DiscoveredServer): void;
}

export function Failure({
  api,
  error,
  account,
  canRegister,
  launch,
  server,
  actions,
}: {
  api: ApiClient;
  error: SerializedError;
  /** The registration a management flow failed for (its server can be trusted again here). */
  account?: string;
  canRegister: boolean;
  launch: Launch | null;
  /** The server a registration failed on. */
  server?: DiscoveredServer;
  actions: FailureActions;
}) {
  const { lang, t } = useI18n();
  const text = errorText(error, lang, 'app');
  // Final here: the vendor, the licence or the merchant in Wawi must act first.
  const final = retryFrom(error.code) === 'none';
  const [discardError, setDiscardError] = useState<SerializedError | null>(null);
  const [busy, setBusy] = useState(false);
  const unconfirmed =
    error.code === 'request-unconfirmed' || error.params?.pendingKept === 'unconfirmed'
      ? error.params?.account
      : undefined;
  // A request that is still waiting in Wawi can be dropped here too, after a warning.
  const kept = error.params?.pendingKept === 'true' ? error.params.account : undefined;
  // 409: the registration of this app on that server, if this computer has it.
  const [here, setHere] = useState<RegistrationRecord[] | null>(null);
  useEffect(() => {
    if (error.code !== 'already-registered' || !server) return;
    void api
      .call('registrations:list', {})
      .then(({ registrations }) => setHere(registrations.filter((r) => r.server.baseUrl === server.baseUrl)))
      .catch(() => setHere([]));
  }, [api, error.code, server]);
  const appId = launch?.manifest?.AppId;
  const mine = here?.filter((r) => r.appId === appId) ?? [];
  const first = mine.find((r) => multiInstance(launch, r));
  const registeredHere = mine.find((r) => !r.instance);

  const discardUnconfirmed = async (account: string) => {
    setBusy(true);
    try {
      await api.call('registration:discard', { account });
      (actions.onRetry ?? actions.onStartOver)();
    } catch (err) {
      setDiscardError(toError(err));
    } finally {
      setBusy(false);
    }
  };

  // The one next action, by what fits this failure best.
  let primary: { label: string; run(): void } | undefined;
  if (unconfirmed)
    primary = { label: t.discardAndStartOver, run: () => void discardUnconfirmed(unconfirmed) };
  else if (first) primary = { label: t.addInstance, run: () => actions.onAddInstance(first) };
  else if (error.code === 'already-registered' && registeredHere)
    primary = { label: t.rotate, run: () => actions.onRotate(registeredHere) };
  else if (error.code === 'already-registered' && here && server && canRegister)
    primary = { label: t.replaceRegistration, run: () => actions.onReplace(server) };
  else if (error.code !== 'already-registered' && !final && actions.onRetry)
    primary = { label: error.code === 'rejected' ? t.startOver : t.tryAgain, run: actions.onRetry };
  else if (!actions.onRetry && canRegister && !final)
    primary = { label: t.startOver, run: actions.onStartOver };

  return (
    <Step title={text.title}>
      <Alert error={error} onlyDetail />
      {error.code === 'already-registered' && here && server && !registeredHere && !first && canRegister && (
        <p className="warn">{t.replaceWarning}</p>
      )}
      {account && canRetrust(error.code) && (
        <Retrust api={api} account={account} error={error} onDone={actions.onRetry ?? actions.onManage} />
      )}
      {discardError && <Alert error={discardError} />}
      {kept && (
        <DiscardRequest api={api} account={kept} onDiscarded={actions.onRetry ?? actions.onStartOver} />
      )}
      <Support api={api} error={error} />
      <ActionBar>
        {primary && (
          <button type="button" onClick={() => window.close()}>
            {t.close}
          </button>
        )}
        <button type="button" onClick={actions.onManage}>
          {t.manage}
        </button>
        {primary ? (
          <BusyButton primary busy={busy} onClick={primary.run}>
            {primary.label}
          </BusyButton>
        ) : (
          // Nothing to do here (the vendor, the licence or Wawi must act first): closing is the way on.
          <button type="button" className="primary" onClick={() => window.close()}>
            {t.close}
          </button>
        )}
      </ActionBar>
    </Step>
  );
}
