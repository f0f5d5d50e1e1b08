// The app being connected, as the vendor's manifest names it: icon, name, provider. The icon sits in a
// frame (a white icon stays visible); an icon that doesn't load shows the name's first letter.
import { useState } from 'react';
import { localizedText } from '../../../shared/localized';
import { useI18n } from '../i18n';
import type { Launch } from '../wizard/screens';

export function AppHeader({ launch }: { launch: Launch }) {
  const { lang, t } = useI18n();
  const m = launch.manifest!;
  const text = localizedText(m, lang);
  return (
    <div className="app-card">
      <AppIcon icon={m.AppIcon} name={text.name} />
      <div>
        <p className="app-name">
          <bdi>{text.name}</bdi>
        </p>
        <p className="muted">
          {t.by} <bdi>{m.ProviderName}</bdi>
        </p>
      </div>
    </div>
  );
}

/** The app's icon in its frame; without an icon (or with one that doesn't load), the name's first letter. */
export function AppIcon({ icon, name }: { icon?: string; name: string }) {
  const [broken, setBroken] = useState(false);
  return (
    <span className="app-icon">
      {!icon || broken ? (
        <span aria-hidden="true">{name.trim().charAt(0).toUpperCase()}</span>
      ) : (
        <img
          src={`data:image/png;base64,${icon}`}
          alt=""
          width={48}
          height={48}
          onError={() => setBroken(true)}
        />
      )}
    </span>
  );
}
