// The permissions an app asks for, grouped by area in the merchant's language.
import type { Lang } from '../../../shared/lang';
import { groupScopes } from '../../../shared/scopes';
import type { Texts } from '../i18n';

export function Scopes({
  scopes,
  lang,
  label,
  t,
}: {
  scopes: string[];
  lang: Lang;
  label: string;
  t: Texts;
}) {
  const groups = groupScopes(scopes, lang);
  return (
    <div className="scopes">
      <h2>{label}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t.noScopes}</p>
      ) : (
        <dl>
          {groups.map((g) => (
            <div key={g.area} className="scope-group">
              <dt>{g.areaLabel}</dt>
              {g.scopes.map((s) => (
                <dd key={s.scope}>
                  {s.label} <code className="muted">{s.scope}</code>
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
