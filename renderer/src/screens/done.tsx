// The end of a registration or rotation: what happens next (the app reads the key from the keychain by
// itself, the window can be closed), whether the key works, what was granted; the entry name and copying
// the key under Advanced.
import type { FlowKind } from '../../../shared/flow';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { RegistrationRecord, VerifyResult } from '../../../shared/registration';
import { FinishedBar, Step } from '../components/common';
import { CopyKey } from '../components/copy-key';
import { Scopes } from '../components/scopes';
import { ServiceCopy } from '../components/service-copy';
import { useI18n } from '../i18n';
import { appName, type Launch } from '../wizard/screens';

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
  const name = appName(launch, lang, record.appId, record.displayName);
  const said: Partial<Record<VerifyResult, string>> = {
    works: t.verifiedWorks,
    'missing-scope': t.verifiedScope,
    rejected: t.verifiedRejected,
  };
  const verified = said[record.lastVerifyResult ?? 'unreachable'] ?? t.verifiedUnknown;
  // Only the app that launched the helper gets its key copied: that app is waiting for it.
  const canCopy = launch.manifest?.AppId === record.appId;
  return (
    <Step title={kind === 'rotate' ? t.rotatedTitle : t.doneTitle} step={step}>
      <p>
        <bdi>{t.doneIntro(name)}</bdi>
      </p>
      {/* Where the key is, plainly, and that nobody has to do anything with it. */}
      <p>{t.doneWhere(name, launch.platform)}</p>
      {record.serviceKey && <ServiceCopy serviceKey={record.serviceKey} />}
      <p className={record.lastVerifyResult === 'works' ? 'ok' : 'warn'}>{verified}</p>
      <Scopes scopes={record.grantedScopes} words={launch.scopeWords} lang={lang} label={t.granted} t={t} />
      <p>{t.doneClose}</p>
      {/* The technical details, for the vendor's support: out of the way. */}
      <details className="advanced">
        <summary>{t.advanced}</summary>
        <dl className="facts">
          <dt>{t.entryName}</dt>
          <dd>
            <code>
              {launch.keychainService}/{record.account}
            </code>
          </dd>
          <dt>{t.colServer}</dt>
          <dd>{record.server.baseUrl}</dd>
        </dl>
        {canCopy && (
          // Rarely needed (the vendor's app reads the key from the keychain), with a warning.
          <>
            <p className="warn">{t.copyWarning}</p>
            <CopyKey api={api} account={record.account} />
          </>
        )}
      </details>
      <FinishedBar onManage={onManage} />
    </Step>
  );
}
