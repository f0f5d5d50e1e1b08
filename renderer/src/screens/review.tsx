// Step 2: the app, the permissions it asks for, and sending the request. The Wawi dialog may be opened
// before or after: the request goes out as soon as it waits.
import { useState } from 'react';
import type { SerializedError } from '../../../shared/errors/schema';
import type { ApiClient } from '../../../shared/ipc/bridge';
import { localizedText } from '../../../shared/localized';
import type { AppManifest } from '../../../shared/manifest';
import type { DiscoveredServer } from '../../../shared/registration';
import { AppHeader } from '../components/app-header';
import { CancelNotice } from '../components/cancel-notice';
import { ActionBar, BusyButton, Step } from '../components/common';
import { FoldedText } from '../components/folded-text';
import { Scopes } from '../components/scopes';
import { useI18n } from '../i18n';
import type { Launch } from '../wizard/screens';

export function Review({
  api,
  manifest: m,
  launch,
  server,
  step,
  sending,
  onBack,
  notice,
  onSend,
}: {
  api: ApiClient;
  manifest: AppManifest;
  launch: Launch;
  server: DiscoveredServer;
  step: [number, number];
  /** The request is on its way (the machine started it). */
  sending: boolean;
  onBack(): void;
  /** The merchant cancelled the request sent from here. */
  notice?: SerializedError;
  onSend(): void;
}) {
  const { lang, t } = useI18n();
  const text = localizedText(m, lang);
  const busy = sending;
  const [shownNotice, setShownNotice] = useState(notice);
  return (
    <Step title={t.reviewTitle} step={step}>
      {shownNotice && (
        <CancelNotice
          api={api}
          notice={shownNotice}
          kind="register"
          onDiscarded={() => setShownNotice(undefined)}
        />
      )}
      <p>{t.reviewIntro}</p>
      <AppHeader launch={launch} />
      <FoldedText text={text.description} />
      <dl className="facts">
        <dt>{t.provider}</dt>
        <dd>{m.ProviderName}</dd>
        <dt>{t.website}</dt>
        <dd>
          {m.ProviderWebsite}{' '}
          <button type="button" className="link" onClick={() => void api.call('app:open-website', {})}>
            {t.openWebsite}
          </button>
        </dd>
        <dt>{t.version}</dt>
        <dd>
          {m.Version} <code className="muted">{m.AppId}</code>
        </dd>
        <dt>{t.colServer}</dt>
        <dd>
          {server.baseUrl} <span className="muted">({t.serverLine(server.database)})</span>
        </dd>
      </dl>
      <Scopes
        scopes={m.MandatoryApiScopes}
        words={launch.scopeWords}
        lang={lang}
        label={t.requiredScopes}
        t={t}
      />
      {(m.OptionalApiScopes?.length ?? 0) > 0 && (
        <Scopes
          scopes={m.OptionalApiScopes ?? []}
          words={launch.scopeWords}
          lang={lang}
          label={t.optionalScopes}
          hint={t.optionalHint}
          t={t}
        />
      )}
      <h2>{t.nextTitle}</h2>
      <p>{t.nextText}</p>
      <p role="status" className="muted">
        {busy ? t.sending : ''}
      </p>
      <ActionBar>
        <BusyButton busy={busy} onClick={onBack}>
          {t.back}
        </BusyButton>
        <BusyButton busy={busy} primary onClick={onSend}>
          {/* A request kept in Wawi after a cancel is waited for again: nothing new is sent. */}
          {shownNotice?.params?.pendingKept === 'true' ? t.keepWaiting : t.send}
        </BusyButton>
      </ActionBar>
    </Step>
  );
}
