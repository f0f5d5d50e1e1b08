// The permissions an app asks for, in Wawi's headings: a summary line first, a few as one list, many
// folded by area with their counts (the riskiest areas first), and every permission that deletes,
// writes or reads everything marked as such.
import { useId } from 'react';
import type { Lang } from '../../../shared/lang';
import { groupScopes, type ScopeRisk, type ScopeWords, summarize } from '../../../shared/scope-words';
import type { Texts } from '../i18n';

/** Up to this many permissions are one plain list; more fold by area, each with its count. */
const UNFOLDED = 8;

export function Scopes({
  scopes,
  words,
  lang,
  label,
  hint,
  t,
}: {
  scopes: string[];
  /** The words of every known permission, from the launch data. */
  words: Record<string, ScopeWords>;
  lang: Lang;
  label: string;
  hint?: string;
  t: Texts;
}) {
  const id = useId();
  const groups = groupScopes(scopes, lang, words);
  const few = scopes.length <= UNFOLDED;
  return (
    <section className="scopes" aria-labelledby={id}>
      <h2 id={id}>
        {label} <span className="count">({scopes.length})</span>
      </h2>
      {groups.length > 0 && <p className="scope-summary">{t.scopeSummary(summarize(groups))}</p>}
      {hint && <p className="muted small">{hint}</p>}
      {groups.length === 0 ? (
        <p className="muted">{t.noScopes}</p>
      ) : few ? (
        // A few: one plain list (each label names its area).
        <ul className="scope-list flat">
          {groups.flatMap((g) =>
            g.scopes.map((s) => (
              <li key={s.scope}>
                <span>{s.label}</span>
                {s.risk && <RiskMark risk={s.risk} t={t} />}
              </li>
            )),
          )}
        </ul>
      ) : (
        <ul className="scope-areas">
          {groups.map((g) => (
            <li key={g.area}>
              <details>
                <summary>
                  <span className="scope-area">{g.areaLabel}</span>{' '}
                  <span className="muted">{t.scopeCount(g.scopes.length)}</span>
                  {g.risk && <RiskMark risk={g.risk} t={t} />}
                </summary>
                <ul className="scope-list">
                  {g.scopes.map((s) => (
                    <li key={s.scope}>
                      <span>{s.label}</span>
                      {s.risk && <RiskMark risk={s.risk} t={t} />}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A warning marker with its words (not colour alone): deletes data, changes data, all data. */
function RiskMark({ risk, t }: { risk: NonNullable<ScopeRisk>; t: Texts }) {
  return (
    <span className={`risk risk-${risk}`}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
        <path
          d="M8 1.5 15 14.5H1z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
        <path d="M8 6v4M8 11.6v.9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      {t.risk[risk]}
    </span>
  );
}
