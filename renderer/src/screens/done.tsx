// The end of a registration or rotation: the key is stored, checked, and where the vendor's app finds it.
import type { FlowKind } from '../../../shared/flow';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { RegistrationRecord } from '../../../shared/registration';
import { FinishedBar, Step } from '../components/common';
import { CopyKey } from '../components/copy-key';
import { Scopes } from '../components/scopes';
import { useI18n } from '../i18n';
import type { Launch } from '../wizard/screens';

export function Done({
  api,
  launch,
  record,
  kind,
  step,
  onManage,
}: {
  api: ApiClient;
  launch: Launch;
  record: RegistrationRecord;
  kind: FlowKind;
  step?: [number, number];
  onManage(): void;
}) {
  const { lang, t } = useI18n();
  const verified =
    record.lastVerifyResult === 'works'
      ? t.verifiedWorks
      : record.lastVerifyResult === 'missing-scope'
        ? t.verifiedScope
        : record.lastVerifyResult === 'rejected'
          ? t.verifiedRejected
          : t.verifiedUnknown;
  // Only the app that launched the helper gets its key copied: that app is waiting for it.
  const canCopy = launch.manifest?.AppId === record.appId;
  return (
    <Step title={kind === 'rotate' ? t.rotatedTitle : t.doneTitle} step={step}>
      <p>{t.doneIntro(record.displayName)}</p>
      <dl className="facts">
        <dt>{t.keyStored}</dt>
        <dd>{t.keychain(launch.platform)}</dd>
        <dt>{t.entryName}</dt>
        <dd>
          <code>
            {launch.keychainService}/{record.account}
          </code>
        </dd>
        <dt>{t.colServer}</dt>
        <dd>{record.server.baseUrl}</dd>
      </dl>
      <p className={record.lastVerifyResult === 'works' ? 'ok' : 'warn'}>{verified}</p>
      <Scopes scopes={record.grantedScopes} words={launch.scopeWords} lang={lang} label={t.granted} t={t} />
      {canCopy && (
        // Rarely needed (the vendor's app reads the key from the keychain): out of the way, with a warning.
        <details className="advanced">
          <summary>{t.advanced}</summary>
          <p className="warn">{t.copyWarning}</p>
          <CopyKey api={api} account={record.account} />
        </details>
      )}
      <FinishedBar onManage={onManage} />
    </Step>
  );
}
