// The registrations on this computer: check, rotate, revoke, remove here, trust again.
import { useCallback, useEffect, useState } from 'react';
import { canRetrust } from '../../../shared/errors/meta';
import type { SerializedError } from '../../../shared/errors/schema';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { RegistrationRecord } from '../../../shared/registration';
import { CancelNotice } from '../components/cancel-notice';
import { ActionBar, Alert, BusyButton, Step, toError } from '../components/common';
import { RegistrationRow } from '../components/registration-row';
import { useI18n } from '../i18n';
import { useTrustTexts } from '../i18n-trust';
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
  const [list, setList] = useState<RegistrationRecord[] | null>(null);
  const [loading, setLoading] = useState(true);
  /** Which action runs: 'all' (check all), an account (check one), or nothing. */
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  /** The list itself could not be read (the keychain or the metadata): offered again. */
  const [loadError, setLoadError] = useState<SerializedError | null>(null);
  /** The registration a check failed for, so its server can be trusted again. */
  const [failedAccount, setFailedAccount] = useState<string | null>(null);
  const [forget, setForget] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [cancelled, setCancelled] = useState(notice);

  const load = useCallback(
    async (verify = false) => {
      setError(null);
      setLoadError(null);
      setLoading(true);
      if (verify) setBusy('all');
      try {
        setList((await api.call('registrations:list', { verify })).registrations);
      } catch (err) {
        setLoadError(toError(err));
      } finally {
        setLoading(false);
        setBusy(null);
      }
    },
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const verify = async (r: RegistrationRecord) => {
    setBusy(r.account);
    setError(null);
    setFailedAccount(r.account);
    try {
      const { record } = await api.call('registration:verify', { account: r.account });
      setList((prev) => prev?.map((x) => (x.account === r.account ? record : x)) ?? null);
      setStatus(`${r.displayName}: ${t.status[record.lastVerifyResult ?? 'unknown']}`);
    } catch (err) {
      setError(toError(err));
    } finally {
      setBusy(null);
    }
  };

  const doForget = async (r: RegistrationRecord) => {
    try {
      await api.call('registration:forget', { account: r.account });
      setForget(null);
      setStatus(t.forgotten);
      await load();
      document.getElementById('step-title')?.focus();
    } catch (err) {
      setForget(null);
      setError(toError(err));
    }
  };

  const registeredHere = !!launch.manifest && !!list?.some((r) => r.appId === launch.manifest!.AppId);
  const registerOffered = !!launch.manifest && !!list && !registeredHere && !loadError;
  return (
    <Step title={t.manageTitle}>
      <p>{t.manageIntro(launch.platform)}</p>
      <p role="status" className="muted">
        {loading && busy !== 'all' ? t.loading : busy === 'all' ? t.checking : status}
      </p>
      {cancelled && (
        <CancelNotice
          api={api}
          notice={cancelled}
          kind="manage"
          onDiscarded={() => {
            setCancelled(undefined);
            void load();
          }}
        />
      )}
      {loadError && <Alert error={loadError} />}
      {error && <Alert error={error} />}
      {error && failedAccount && canRetrust(error.code) && (
        <Retrust
          api={api}
          account={failedAccount}
          error={error}
          onDone={() => {
            setError(null);
            setStatus(tt.retrusted);
          }}
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
              checking={busy === r.account || busy === 'all'}
              confirmingForget={forget === r.account}
              canAddInstance={multiInstance(launch, r)}
              onVerify={() => void verify(r)}
              onRotate={() => onRotate(r)}
              onRevoke={() => onRevoke(r)}
              onAddInstance={() => onAddInstance(r)}
              onAskForget={() => setForget(r.account)}
              onForget={() => void doForget(r)}
              onKeep={() => setForget(null)}
            />
          ))}
        </ul>
      )}
      <ActionBar>
        <button type="button" onClick={() => window.close()}>
          {t.close}
        </button>
        {/* Once registered here, the launching app can still be registered for another Mandant. */}
        {registeredHere && !loadError && (
          <button type="button" onClick={onRegister}>
            {t.registerOtherMandant}
          </button>
        )}
        {list && list.length > 0 && (
          <BusyButton
            busy={busy !== null}
            primary={!registerOffered && !loadError}
            onClick={() => void load(true)}
          >
            {t.checkAll}
          </BusyButton>
        )}
        {/* Registering is offered only while the launching app has no registration here. */}
        {registerOffered && (
          <button type="button" className="primary" onClick={onRegister}>
            {t.registerApp}
          </button>
        )}
        {/* The list could not be read: reading it again is the one next action. */}
        {loadError && (
          <BusyButton primary busy={loading} onClick={() => void load()}>
            {t.tryAgain}
          </BusyButton>
        )}
      </ActionBar>
    </Step>
  );
}
