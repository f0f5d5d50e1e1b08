// The request as JTL-Wawi shows it to the merchant: the icon, the DisplayName exactly as sent (Wawi
// shows no localized name), provider, version and AppId, and the permissions; and where and when it
// was sent.
import type { FlowEvent } from '../../../shared/registration';
import { formatDateTime } from '../../../shared/time';
import { useI18n } from '../i18n';
import type { Launch } from '../wizard/screens';
import { AppIcon } from './app-header';
import { Scopes } from './scopes';

export function RequestCard({ launch, event }: { launch: Launch | null; event?: FlowEvent }) {
  const { lang, t } = useI18n();
  // The launching app's manifest is what was sent; a resumed request of another app has its event only.
  const m = launch?.manifest && (!event || event.appId === launch.manifest.AppId) ? launch.manifest : null;
  const name = m?.DisplayName ?? event?.displayName ?? '';
  return (
    <div className="request">
      <div className="app-card">
        <AppIcon icon={m?.AppIcon} name={name} />
        <div>
          <p className="app-name">
            <bdi>{name}</bdi>
          </p>
          {m && (
            <p className="muted">
              {t.by} <bdi>{m.ProviderName}</bdi>
            </p>
          )}
        </div>
      </div>
      <dl className="facts compact">
        {m && (
          <>
            <dt>{t.factVersion}</dt>
            <dd>{m.Version}</dd>
          </>
        )}
        <dt>{t.factAppId}</dt>
        <dd>
          <code>{m?.AppId ?? event?.appId}</code>
        </dd>
        {event && (
          <>
            <dt>{t.factServer}</dt>
            <dd className="wrap">
              {event.server.host}:{event.server.port}
            </dd>
            <dt>{t.factMandant}</dt>
            <dd>
              <bdi>{event.server.database}</bdi>
            </dd>
          </>
        )}
        {event?.sentAt && (
          <>
            <dt>{t.factSentAt}</dt>
            <dd>{formatDateTime(event.sentAt, lang)}</dd>
          </>
        )}
      </dl>
      {m && launch && (
        // The permissions as Wawi lists them in its dialog, to compare before accepting.
        <Scopes
          scopes={[...m.MandatoryApiScopes, ...(m.OptionalApiScopes ?? [])]}
          words={launch.scopeWords}
          lang={lang}
          label={t.requestedScopes}
          t={t}
        />
      )}
    </div>
  );
}
