// A flow that failed: what happened, and the one next action that fits it (the primary button, last
// in the bar). Support gets the details and the log folder; Close is always there.
import { type Dispatch, useState } from 'react';
import { canRetrust, retryFrom } from '../../../shared/errors/meta';
import type { SerializedError } from '../../../shared/errors/schema';
import { errorText } from '../../../shared/errors/text';
import type { ApiClient } from '../../../shared/ipc/bridge';
import { ActionBar, Alert, BusyButton, Step, toError } from '../components/common';
import { DiscardRequest } from '../components/discard-request';
import { Support } from '../components/support';
import { useI18n } from '../i18n';
import { type Failure as FailureScreen, nextAction } from '../wizard/failure-actions';
import type { Action } from '../wizard/machine';
import { type Launch, retryScreen } from '../wizard/screens';
import { Retrust } from './trust';

export function Failure({
  api,
  failure,
  launch,
  send,
}: {
  api: ApiClient;
  failure: FailureScreen;
  launch: Launch;
  send: Dispatch<Action>;
}) {
  const { lang, t } = useI18n();
  const { error } = failure;
  const text = errorText(error, lang, 'app');
  const [discardError, setDiscardError] = useState<SerializedError | null>(null);
  const [busy, setBusy] = useState(false);
  const next = nextAction(failure, launch);
  // A request that is still waiting in Wawi can be dropped here too, after a warning.
  const kept = error.params?.pendingKept === 'true' ? error.params.account : undefined;
  // The registration a management flow failed for (its server can be trusted again here).
  const account = failure.record?.account;
  const retry = () => send({ type: retryScreen(failure, !!launch.manifest) ? 'retry' : 'start-over' });

  const discardUnconfirmed = async (account: string) => {
    setBusy(true);
    try {
      await api.call('registration:discard', { account });
      retry();
    } catch (err) {
      setDiscardError(toError(err));
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<NonNullable<typeof next>['type'], string> = {
    'discard-unconfirmed': t.discardAndStartOver,
    'add-instance': t.addInstance,
    rotate: t.rotate,
    replace: t.replaceRegistration,
    retry: t.tryAgain,
    'start-over': t.startOver,
  };
  const primary = next && {
    label: next.type === 'retry' && next.startOver ? t.startOver : labels[next.type],
    run: () => {
      if (next.type === 'discard-unconfirmed') void discardUnconfirmed(next.account);
      else if (next.type === 'add-instance') send({ type: 'add-instance', first: next.first });
      else if (next.type === 'rotate') send({ type: 'rotate', record: next.record });
      else if (next.type === 'replace') send({ type: 'replace', server: next.server });
      else send({ type: next.type === 'retry' ? 'retry' : 'start-over' });
    },
  };

  return (
    <Step title={text.title}>
      {/* The app is registered in Wawi already: a state to act on, not an error. One box says it all. */}
      {error.code === 'already-registered' ? (
        <div className="notice" role="status">
          <p>{text.detail}</p>
          <p>
            <strong>{next?.type === 'replace' ? t.replaceWarning : text.next}</strong>
          </p>
        </div>
      ) : (
        <Alert error={error} onlyDetail />
      )}
      {account && canRetrust(error.code) && (
        <Retrust
          api={api}
          account={account}
          error={error}
          onDone={() => send({ type: retryScreen(failure, !!launch.manifest) ? 'retry' : 'manage' })}
        />
      )}
      {discardError && <Alert error={discardError} />}
      {kept && <DiscardRequest api={api} account={kept} onDiscarded={retry} />}
      <Support api={api} error={error} />
      <ActionBar>
        {primary && (
          <button type="button" onClick={() => window.close()}>
            {t.close}
          </button>
        )}
        <button type="button" onClick={() => send({ type: 'manage' })}>
          {t.manage}
        </button>
        {/* The vendor must act first (licence, signature, manifest): a way to reach them. */}
        {retryFrom(error.code) === 'none' && launch.manifest?.ProviderWebsite && (
          <button type="button" onClick={() => void api.call('app:open-website', {})}>
            {t.vendorWebsite}
          </button>
        )}
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
