// The scopes of the JTL-Wawi API (a copy of ../shared/wawi-scopes.json; a test keeps them equal), their
// curated words (./scope-labels.ts), and which of them delete, write or read everything. Main uses the
// catalogue and hands the screens the words (`scopeCatalog`); how they are shown is ./scope-words.ts.

import type { Lang } from './lang';
import { SCOPE_LABELS } from './scope-labels';
import { AREAS, areaOf, guessedRisk, riskOf, type ScopeRisk, type ScopeWords } from './scope-words';

export { groupScopes, type ScopeRisk, summarize } from './scope-words';

import { editDistance } from './edit-distance';
import scopesFile from './wawi-scopes.json' with { type: 'json' };

const SCOPES = (scopesFile as { scopes: Record<string, string[]> }).scopes;
const LOWER = new Map(Object.keys(SCOPES).map((s) => [s.toLowerCase(), s]));

export function isKnownScope(scope: string): boolean {
  return LOWER.has(scope.toLowerCase());
}

export function scopeOperations(scope: string): string[] {
  const name = LOWER.get(scope.toLowerCase());
  return name ? (SCOPES[name] ?? []) : [];
}

export const ALL_SCOPES: readonly string[] = Object.keys(SCOPES);

export interface ScopeDescription {
  scope: string;
  area: string;
  areaLabel: string;
  /** What the app may do, in words, e.g. "Artikel lesen". */
  label: string;
  risk: ScopeRisk;
  operations: string[];
}

/** Readable words for a scope, e.g. item.queryitems → { areaLabel: "Items", label: "Read items" }. */
export function describeScope(scope: string, lang: Lang): ScopeDescription {
  const name = LOWER.get(scope.toLowerCase());
  const area = areaOf(name ?? scope);
  const operations = scopeOperations(scope);
  const words = name ? SCOPE_LABELS[name] : undefined;
  // A scope this API version does not know (the manifest check warns) is shown as it is spelled.
  const label = words ? words[lang === 'de' ? 0 : 1] : scope;
  const areaLabel = AREAS[area]?.[lang] ?? (lang === 'de' ? 'Weitere' : 'Other');
  const risk = name ? riskOf(area, operations) : guessedRisk(scope);
  return { scope, area, areaLabel, label, risk, operations };
}

/** The words of every known scope, as main hands them to the screens (which keep no catalogue). */
export function scopeCatalog(): Record<string, ScopeWords> {
  return Object.fromEntries(
    ALL_SCOPES.map((scope) => {
      const de = describeScope(scope, 'de');
      const words: ScopeWords = {
        area: de.area,
        label: { de: de.label, en: describeScope(scope, 'en').label },
        ...(de.risk ? { risk: de.risk } : {}),
      };
      return [scope, words];
    }),
  );
}

/** The known scope names nearest to an unknown one (a typo, a plural, a cut), at most `n`, nearest first. */
export function nearestScopes(scope: string, n = 2): string[] {
  const s = scope.toLowerCase();
  const limit = Math.max(3, Math.round(s.length * 0.3));
  return (
    ALL_SCOPES.map((known) => ({ known, d: editDistance(s, known) }))
      // Near in spelling, or the same name cut short or run on (stock.querystocks → …querystocksperitem).
      .filter((x) => x.d <= limit || x.known.startsWith(s) || s.startsWith(x.known))
      .sort((a, b) => a.d - b.d || a.known.localeCompare(b.known))
      .slice(0, n)
      .map((x) => x.known)
  );
}

/**
 * Where a key is checked: a read endpoint the granted scopes allow (a list without parameters), so an
 * app is checked with what it may use. `companies` when they allow it or nothing else fits (then a 403
 * means no read permission at all).
 */
export function keyCheckPath(granted: readonly string[]): string {
  const names = granted.map((g) => LOWER.get(g.toLowerCase())).filter((g): g is string => !!g);
  if (names.includes('company.querycompanies') || names.includes('all.read')) return 'companies';
  for (const scope of names) {
    const read = SCOPES[scope]?.find((o) => /^GET \/[A-Za-z]+$/.test(o));
    if (read) return read.slice('GET /'.length);
  }
  return 'companies';
}
