// The registrations on this computer: check, rotate, revoke, forget here, trust again. A view of the
// list's states (../wizard/manage.ts); this screen runs the calls they ask for.
import { useEffect, useReducer } from 'react';
import { canRetrust } from '../../../shared/errors/meta';
import type { SerializedError } from '../../../shared/errors/schema';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { RegistrationRecord } from '../../../shared/registration';
import { CancelNotice } from '../components/cancel-notice';
import { ActionBar, Alert, BusyButton, Step, toError } from '../components/common';
import { RegistrationRow } from '../components/registration-row';
import { useI18n } from '../i18n';
import { useTrustTexts } from '../i18n-trust';
import { type ManageAction, manageReduce, manageStart, offers } from '../wizard/manage';
import { type Launch, multiInstance } from '../wizard/screens';
import { Retrust } from './trust';

export function Manage({
  api,
  launch,
  onRegister,
  onRotate,
  onRevoke,
  onAddInstance,
  notice,
}: {
  api: ApiClient;
  launch: Launch;
  onRegister(): void;
  onRotate(r: RegistrationRecord): void;
  onRevoke(r: RegistrationRecord): void;
  onAddInstance(r: RegistrationRecord): void;
  /** The merchant cancelled a flow started from here. */
  notice?: SerializedError;
}) {
  const { t } = useI18n();
  const tt = useTrustTexts();
  const [state, send] = useReducer(manageReduce, notice, manageStart);
  const { list, busy, loadError, failure, confirmingForget, outcome } = state;

  // What the state asks for: reading the list (checking all), or checking one registration.
  useEffect(() => {
    if (!busy) return;
    let live = true;
    const answer = (a: ManageAction) => live && send(a);
    if (busy.kind === 'check')
      api.call('registration:verify', { account: busy.account }).then(
        ({ record }) => answer({ type: 'checked', record }),
        (err: unknown) => answer({ type: 'check-failed', account: busy.account, error: toError(err) }),
      );
    else
      api.call('registrations:list', { verify: busy.kind === 'check-all' }).then(
        ({ registrations }) => answer({ type: 'loaded', list: registrations }),
        (err: unknown) => answer({ type: 'load-failed', error: toError(err) }),
      );
    return () => {
      live = false;
    };
  }, [api, busy]);

  const forget = async (r: RegistrationRecord) => {
    try {
      await api.call('registration:forget', { account: r.account });
      send({ type: 'forgotten' });
      document.getElementById('step-title')?.focus();
    } catch (err) {
      send({ type: 'forget-failed', error: toError(err) });
    }
  };

  const can = offers(state, launch.manifest?.AppId);
  const loading = busy?.kind === 'load';
  const status =
    busy?.kind === 'check-all'
      ? t.checking
      : loading
        ? t.loading
        : outcome?.kind === 'checked'
          ? `${outcome.name}: ${t.status[outcome.result]}`
          : outcome?.kind === 'forgotten'
            ? t.forgotten
            : outcome?.kind === 'retrusted'
              ? tt.retrusted
              : '';
  return (
    <Step title={t.manageTitle}>
      <p>{t.manageIntro(launch.platform)}</p>
      <p role="status" className="muted">
        {status}
      </p>
      {state.notice && (
        <CancelNotice
          api={api}
          notice={state.notice}
          kind="manage"
          onDiscarded={() => send({ type: 'notice-done' })}
        />
      )}
      {loadError && <Alert error={loadError} />}
      {failure && <Alert error={failure.error} />}
      {failure?.account && canRetrust(failure.error.code) && (
        <Retrust
          api={api}
          account={failure.account}
          error={failure.error}
          onDone={() => send({ type: 'retrusted' })}
        />
      )}
      {list && list.length === 0 && <p>{t.none}</p>}
      {list && list.length > 0 && (
        <ul className="regs">
          {list.map((r) => (
            <RegistrationRow
              key={r.account}
              record={r}
              busy={busy !== null}
              checking={busy?.kind === 'check-all' || (busy?.kind === 'check' && busy.account === r.account)}
              confirmingForget={confirmingForget === r.account}
              canAddInstance={multiInstance(launch, r)}
              onVerify={() => send({ type: 'check', account: r.account })}
              onRotate={() => onRotate(r)}
              onRevoke={() => onRevoke(r)}
              onAddInstance={() => onAddInstance(r)}
              onAskForget={() => send({ type: 'ask-forget', account: r.account })}
              onForget={() => void forget(r)}
              onKeep={() => send({ type: 'keep' })}
            />
          ))}
        </ul>
      )}
      <ActionBar>
        <button type="button" onClick={() => window.close()}>
          {t.close}
        </button>
        {/* Once registered here, the launching app can still be registered for another Mandant. */}
        {can.registeredHere && !loadError && (
          <button type="button" onClick={onRegister}>
            {t.registerOtherMandant}
          </button>
        )}
        {can.checkAll && (
          <BusyButton
            busy={busy !== null}
            primary={!can.register && !loadError}
            onClick={() => send({ type: 'load', verify: true })}
          >
            {t.checkAll}
          </BusyButton>
        )}
        {/* Registering is offered only while the launching app has no registration here. */}
        {can.register && (
          <button type="button" className="primary" onClick={onRegister}>
            {t.registerApp}
          </button>
        )}
        {/* The list could not be read: reading it again is the one next action. */}
        {loadError && (
          <BusyButton primary busy={loading} onClick={() => send({ type: 'load' })}>
            {t.tryAgain}
          </BusyButton>
        )}
      </ActionBar>
    </Step>
  );
}
