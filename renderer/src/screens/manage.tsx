// The registrations on this computer: check, rotate, revoke, remove here, trust again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { canRetrust } from '../../../shared/errors/meta';
import type { SerializedError } from '../../../shared/errors/schema';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { RegistrationRecord } from '../../../shared/registration';
import { formatDateTime } from '../../../shared/time';
import { Alert, Step, toError } from '../components/common';
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
}: {
  api: ApiClient;
  launch: Launch;
  onRegister(): void;
  onRotate(r: RegistrationRecord): void;
  onRevoke(r: RegistrationRecord): void;
  onAddInstance(r: RegistrationRecord): void;
}) {
  const { lang, t } = useI18n();
  const tt = useTrustTexts();
  const [list, setList] = useState<RegistrationRecord[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  /** The registration a check failed for, so its server can be trusted again. */
  const [failedAccount, setFailedAccount] = useState<string | null>(null);
  const [forget, setForget] = useState<RegistrationRecord | null>(null);
  const [notice, setNotice] = useState('');
  const forgetHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (verify = false) => {
      setError(null);
      setBusy(verify ? 'all' : null);
      try {
        setList((await api.call('registrations:list', { verify })).registrations);
      } catch (err) {
        setError(toError(err));
      } finally {
        setBusy(null);
      }
    },
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (forget) forgetHeading.current?.focus();
  }, [forget]);

  const verify = async (r: RegistrationRecord) => {
    setBusy(r.account);
    setError(null);
    setFailedAccount(r.account);
    try {
      const { record } = await api.call('registration:verify', { account: r.account });
      setList((prev) => prev?.map((x) => (x.account === r.account ? record : x)) ?? null);
      setNotice(`${r.displayName}: ${t.status[record.lastVerifyResult ?? 'unknown']}`);
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
      setNotice(t.forgotten);
      await load();
    } catch (err) {
      setError(toError(err));
    }
  };

  return (
    <Step title={t.manageTitle}>
      <p>{t.manageIntro}</p>
      <p role="status" className="muted">
        {list === null ? t.loading : busy === 'all' ? t.checking : notice}
      </p>
      {error && <Alert error={error} />}
      {error && failedAccount && canRetrust(error.code) && (
        <Retrust
          api={api}
          account={failedAccount}
          error={error}
          onDone={() => {
            setError(null);
            setNotice(tt.retrusted);
          }}
        />
      )}
      {list && list.length === 0 && <p>{t.none}</p>}
      {list && list.length > 0 && (
        <ul className="regs">
          {list.map((r) => (
            <li key={r.account} className="reg" aria-labelledby={`reg-${r.fingerprint}`}>
              <div className="reg-head">
                <h2 id={`reg-${r.fingerprint}`}>
                  {r.displayName}
                  {r.instance ? ` · ${t.instance(r.instance)}` : ''}
                </h2>
                <span className={`badge badge-${r.lastVerifyResult ?? 'unknown'}`}>
                  {t.status[r.lastVerifyResult ?? 'unknown']}
                </span>
              </div>
              <dl className="facts compact">
                <dt>{t.colServer}</dt>
                <dd>{r.server.baseUrl}</dd>
                <dt>{t.colApp}</dt>
                <dd>
                  <code>{r.appId}</code>
                </dd>
                <dt>{t.colKey}</dt>
                <dd>
                  <code>{r.fingerprint}</code>
                </dd>
                <dt>{t.colRegistered}</dt>
                <dd>{r.registeredAt ? formatDateTime(r.registeredAt, lang) : t.never}</dd>
                <dt>{t.colChecked}</dt>
                <dd>{r.lastVerifiedAt ? formatDateTime(r.lastVerifiedAt, lang) : t.never}</dd>
              </dl>
              <div className="row-actions">
                <button
                  type="button"
                  onClick={() => verify(r)}
                  disabled={busy !== null}
                  aria-label={`${t.verify}: ${r.displayName}`}
                >
                  {t.verify}
                </button>
                <button
                  type="button"
                  onClick={() => onRotate(r)}
                  aria-label={`${t.rotate}: ${r.displayName}`}
                >
                  {t.rotate}
                </button>
                {multiInstance(launch, r) && (
                  <button
                    type="button"
                    onClick={() => onAddInstance(r)}
                    aria-label={`${t.addInstance}: ${r.displayName}`}
                  >
                    {t.addInstance}
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => onRevoke(r)}
                  aria-label={`${t.revoke}: ${r.displayName}`}
                >
                  {t.revoke}
                </button>
                <button
                  type="button"
                  className="subtle"
                  onClick={() => setForget(r)}
                  aria-label={`${t.forget}: ${r.displayName}`}
                >
                  {t.forget}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {forget && (
        <section className="confirm" aria-labelledby="forget-title">
          <h2 id="forget-title" tabIndex={-1} ref={forgetHeading}>
            {t.forgetTitle}
          </h2>
          <p>{t.forgetText(forget.displayName)}</p>
          <div className="actions">
            <button type="button" onClick={() => setForget(null)}>
              {t.cancel}
            </button>
            <button type="button" className="danger" onClick={() => doForget(forget)}>
              {t.forgetConfirm}
            </button>
          </div>
        </section>
      )}
      <div className="actions">
        {list && list.length > 0 && (
          <button type="button" onClick={() => load(true)} disabled={busy !== null}>
            {t.checkAll}
          </button>
        )}
        {/* Registering is offered only while the launching app has no registration here. */}
        {launch.manifest && list && !list.some((r) => r.appId === launch.manifest!.AppId) && (
          <button type="button" className="primary" onClick={onRegister}>
            {t.registerApp}
          </button>
        )}
      </div>
    </Step>
  );
}
