// The scopes of the JTL-Wawi API (a copy of ../shared/wawi-scopes.json; a test keeps them equal),
// and readable words for them, derived from the scope names and the operations they allow.

import type { Lang } from './lang';
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

const AREAS: Record<string, Record<Lang, string>> = {
  all: { en: 'Everything', de: 'Alles' },
  accountingdata: { en: 'Accounting data', de: 'Buchhaltungsdaten' },
  application: { en: 'Application', de: 'Anwendung' },
  availability: { en: 'Availability', de: 'Verfügbarkeit' },
  category: { en: 'Categories', de: 'Kategorien' },
  company: { en: 'Companies', de: 'Firmen' },
  customer: { en: 'Customers', de: 'Kunden' },
  customercategory: { en: 'Customer categories', de: 'Kundenkategorien' },
  customergroup: { en: 'Customer groups', de: 'Kundengruppen' },
  deliverynote: { en: 'Delivery notes', de: 'Lieferscheine' },
  invoice: { en: 'Invoices', de: 'Rechnungen' },
  item: { en: 'Items', de: 'Artikel' },
  offer: { en: 'Offers', de: 'Angebote' },
  property: { en: 'Properties', de: 'Merkmale' },
  salesorder: { en: 'Sales orders', de: 'Aufträge' },
  stock: { en: 'Stock', de: 'Lagerbestand' },
  warehouse: { en: 'Warehouses', de: 'Lager' },
  supplier: { en: 'Suppliers', de: 'Lieferanten' },
  returns: { en: 'Returns', de: 'Retouren' },
  creditnote: { en: 'Credit notes', de: 'Gutschriften' },
};

const VERBS: [RegExp, Record<Lang, string>][] = [
  [/^(query|get|read)/, { en: 'read', de: 'lesen' }],
  [/^create/, { en: 'create', de: 'anlegen' }],
  [/^(update|edit|change|set)/, { en: 'change', de: 'ändern' }],
  [/^(delete|remove)/, { en: 'delete', de: 'löschen' }],
  [/^cancel/, { en: 'cancel', de: 'stornieren' }],
];

function splitWords(s: string): string {
  return s.replace(/([a-z])([A-Z])/g, '$1 $2');
}

export interface ScopeDescription {
  scope: string;
  area: string;
  areaLabel: string;
  /** e.g. "read" or "create"; the action part of the scope. */
  label: string;
  operations: string[];
}

/** Readable words for a scope, e.g. item.queryitems → { areaLabel: "Items", label: "read items" }. */
export function describeScope(scope: string, lang: Lang): ScopeDescription {
  const [rawArea = scope, rawAction = ''] = scope.split('.');
  const area = rawArea.toLowerCase();
  const action = rawAction.toLowerCase();
  const areaLabel = AREAS[area]?.[lang] ?? splitWords(rawArea.charAt(0).toUpperCase() + rawArea.slice(1));
  const operations = scopeOperations(scope);
  let label: string;
  if (area === 'all' && action === 'read') label = lang === 'de' ? 'alle Daten lesen' : 'read all data';
  else if (area === 'all' && action === 'write')
    label = lang === 'de' ? 'alle Daten ändern' : 'change all data';
  else {
    const verb = VERBS.find(([re]) => re.test(action));
    const object = verb ? action.replace(verb[0], '') : action;
    label = verb ? `${verb[1][lang]}: ${object || area}` : action;
  }
  return { scope, area, areaLabel, label, operations };
}

/** Groups scopes by area, keeping the order of first appearance. */
export function groupScopes(
  scopes: string[],
  lang: Lang,
): { area: string; areaLabel: string; scopes: ScopeDescription[] }[] {
  const groups = new Map<string, { area: string; areaLabel: string; scopes: ScopeDescription[] }>();
  for (const s of scopes) {
    const d = describeScope(s, lang);
    const g = groups.get(d.area) ?? { area: d.area, areaLabel: d.areaLabel, scopes: [] };
    g.scopes.push(d);
    groups.set(d.area, g);
  }
  return [...groups.values()];
}
