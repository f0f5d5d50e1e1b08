// The app being connected, as the vendor's manifest names it: icon, name, provider, version.
import { localizedText } from '../../../shared/localized';
import { useI18n } from '../i18n';
import type { Launch } from '../wizard/screens';

export function AppHeader({ launch }: { launch: Launch }) {
  const { lang, t } = useI18n();
  const m = launch.manifest!;
  const text = localizedText(m, lang);
  return (
    <div className="app-card">
      <img src={`data:image/png;base64,${m.AppIcon}`} alt="" width={56} height={56} />
      <div>
        <p className="app-name">{text.name}</p>
        <p className="muted">
          {t.by} {m.ProviderName}
        </p>
      </div>
    </div>
  );
}
