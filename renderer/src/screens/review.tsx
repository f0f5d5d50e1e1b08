// Step 2: the app and the permissions it asks for.
import type { ApiClient } from '../../../shared/ipc/bridge';
import { localizedText } from '../../../shared/localized';
import { AppHeader } from '../components/app-header';
import { Step } from '../components/common';
import { Scopes } from '../components/scopes';
import { useI18n } from '../i18n';
import type { Launch } from '../wizard/screens';

export function Review({
  api,
  launch,
  step,
  onBack,
  onNext,
}: {
  api: ApiClient;
  launch: Launch;
  step: [number, number];
  onBack(): void;
  onNext(): void;
}) {
  const { lang, t } = useI18n();
  const m = launch.manifest!;
  const text = localizedText(m, lang);
  return (
    <Step title={t.reviewTitle} step={step}>
      <p>{t.reviewIntro}</p>
      <AppHeader launch={launch} />
      <p>{text.description}</p>
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
      </dl>
      <Scopes scopes={m.MandatoryApiScopes} lang={lang} label={t.mandatoryScopes} t={t} />
      {(m.OptionalApiScopes?.length ?? 0) > 0 && (
        <Scopes scopes={m.OptionalApiScopes ?? []} lang={lang} label={t.optionalScopes} t={t} />
      )}
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t.back}
        </button>
        <button type="button" className="primary" onClick={onNext}>
          {t.continue}
        </button>
      </div>
    </Step>
  );
}
