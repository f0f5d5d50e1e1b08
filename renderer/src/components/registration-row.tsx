// One registration in the list: what it is, when it was registered and checked, and its actions. The
// confirmation of "remove from this computer" opens in the row itself.
import { useCallback, useRef } from 'react';
import type { RegistrationRecord } from '../../../shared/registration';
import { formatDateTime } from '../../../shared/time';
import { useI18n } from '../i18n';
import { BusyButton } from './common';
import { Confirm } from './confirm';
import { ServiceCopy } from './service-copy';

export function RegistrationRow({
  record: r,
  busy,
  checking,
  confirmingForget,
  canAddInstance,
  onVerify,
  onRotate,
  onRevoke,
  onAddInstance,
  onAskForget,
  onForget,
  onKeep,
}: {
  record: RegistrationRecord;
  /** Another action runs: nothing else starts meanwhile. */
  busy: boolean;
  /** This row is being checked. */
  checking: boolean;
  confirmingForget: boolean;
  canAddInstance: boolean;
  onVerify(): void;
  onRotate(): void;
  onRevoke(): void;
  onAddInstance(): void;
  onAskForget(): void;
  onForget(): void;
  onKeep(): void;
}) {
  const { lang, t } = useI18n();
  const forgetButton = useRef<HTMLButtonElement>(null);
  const returnTo = useCallback(() => forgetButton.current, []);
  const name = `${r.displayName}${r.instance ? ` · ${t.instance(r.instance)}` : ''}`;
  const headingId = `reg-${r.fingerprint}`;
  const rejected = r.lastVerifyResult === 'rejected' && !checking;
  return (
    <li className="reg" aria-labelledby={headingId}>
      <div className="reg-head">
        <h2 id={headingId}>
          {/* A name from outside, isolated: right-to-left text in it cannot reorder what follows. */}
          <bdi>{r.displayName}</bdi>
          {r.instance ? ` · ${t.instance(r.instance)}` : ''}
        </h2>
        <span className={`badge badge-${r.lastVerifyResult ?? 'unknown'}`}>
          {checking ? t.checking : t.status[r.lastVerifyResult ?? 'unknown']}
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
        {r.serviceKey && (
          <>
            <dt>{t.colService}</dt>
            <dd>
              <bdi>{r.serviceKey.account}</bdi>
            </dd>
          </>
        )}
      </dl>
      {/* A copy for the service that is not in place: what happened and what to do. */}
      {r.serviceKey && r.serviceKey.state !== 'stored' && <ServiceCopy serviceKey={r.serviceKey} />}
      {/* Rejected: what that means and what to do; revoking has nothing left to take away. */}
      {rejected && <p className="warn">{t.rejectedExplained}</p>}
      <div className="row-actions">
        <BusyButton busy={busy} label={`${t.verify}: ${name}`} onClick={onVerify}>
          {t.verify}
        </BusyButton>
        <BusyButton busy={busy} label={`${t.rotate}: ${name}`} onClick={onRotate}>
          {t.rotate}
        </BusyButton>
        {canAddInstance && (
          <BusyButton busy={busy} label={`${t.addInstance}: ${name}`} onClick={onAddInstance}>
            {t.addInstance}
          </BusyButton>
        )}
        <button type="button" ref={forgetButton} aria-label={`${t.forget}: ${name}`} onClick={onAskForget}>
          {t.forget}
        </button>
        {/* The one action here that takes the app's access away in Wawi: the danger emphasis is on it. */}
        {!rejected && (
          <BusyButton busy={busy} danger label={`${t.revoke}: ${name}`} onClick={onRevoke}>
            {t.revoke}
          </BusyButton>
        )}
      </div>
      {confirmingForget && (
        <Confirm
          title={t.forgetTitle}
          confirmLabel={t.forgetConfirm}
          keepLabel={t.cancel}
          returnTo={returnTo}
          onConfirm={onForget}
          onKeep={onKeep}
        >
          <p>{t.forgetText(r.displayName)}</p>
        </Confirm>
      )}
    </li>
  );
}
