// The scope reference for vendors (docs/scopes.md), made from the catalogue: each scope by area with
// its German and English words, the endpoints it allows and its risk. `npm run docs:scopes` writes it;
// a test keeps the file equal to what this makes.
import { ALL_SCOPES, describeScope } from './scopes';

const RISK: Record<string, string> = {
  delete: 'deletes',
  write: 'writes or triggers',
  all: 'reads everything',
};

export function scopeReference(): string {
  const rows = ALL_SCOPES.map((scope) => {
    const de = describeScope(scope, 'de');
    const en = describeScope(scope, 'en');
    const endpoints =
      scope === 'all.read'
        ? `every read (GET) operation, ${de.operations.length} in all`
        : de.operations.map((o) => `\`${o}\``).join('<br>');
    return {
      area: en.areaLabel,
      scope,
      de: de.label,
      en: en.label,
      endpoints,
      risk: RISK[de.risk ?? ''] ?? 'reads',
    };
  });
  const areas = [...new Set(rows.map((r) => r.area))].sort((a, b) => a.localeCompare(b));
  const out = [
    '# JTL-Wawi API 1.0: the scopes an app can ask for',
    '',
    'Made by `npm run docs:scopes` from `shared/wawi-scopes.json` (the operations each scope allows, from',
    "JTL's OpenAPI document) and `shared/scope-labels.ts` (the words the merchant reads). Put the names in",
    '`MandatoryApiScopes` or `OptionalApiScopes` of the manifest; `wawi-register check-manifest` checks',
    'them and suggests the nearest name for a misspelt one. *Risk* is how the helper marks a scope for the',
    'merchant: it deletes, writes or triggers (create, change, print, send), reads everything, or reads.',
    '',
  ];
  for (const area of areas) {
    out.push(`## ${area}`, '', '| Scope | Deutsch | English | Endpoints | Risk |', '|---|---|---|---|---|');
    for (const r of rows.filter((x) => x.area === area))
      out.push(`| \`${r.scope}\` | ${r.de} | ${r.en} | ${r.endpoints} | ${r.risk} |`);
    out.push('');
  }
  return out.join('\n');
}
