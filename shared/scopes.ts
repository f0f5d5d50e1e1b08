// The scopes of the JTL-Wawi API (a copy of ../shared/wawi-scopes.json; a test keeps them equal), their
// curated words (./scope-labels.ts) grouped by area, and which of them delete, write or read everything.

import type { Lang } from './lang';
import { SCOPE_LABELS } from './scope-labels';
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

/** The areas the screens group scopes by; small lists of reference data share one area. */
const AREAS: Record<string, Record<Lang, string>> = {
  all: { de: 'Alle Bereiche', en: 'Every area' },
  accountingdata: { de: 'Buchhaltung', en: 'Accounting' },
  category: { de: 'Kategorien', en: 'Categories' },
  company: { de: 'Firmen', en: 'Companies' },
  creditnote: { de: 'Gutschriften', en: 'Credit notes' },
  customer: { de: 'Kunden', en: 'Customers' },
  customercategory: { de: 'Kundenkategorien', en: 'Customer categories' },
  customergroup: { de: 'Kundengruppen', en: 'Customer groups' },
  deliverynote: { de: 'Lieferscheine und Pakete', en: 'Delivery notes and packages' },
  invoice: { de: 'Rechnungen', en: 'Invoices' },
  item: { de: 'Artikel', en: 'Items' },
  offer: { de: 'Angebote', en: 'Offers' },
  property: { de: 'Merkmale', en: 'Properties' },
  return: { de: 'Retouren', en: 'Returns' },
  salesorder: { de: 'Aufträge', en: 'Sales orders' },
  stock: { de: 'Lagerbestand', en: 'Stock' },
  supplier: { de: 'Lieferanten', en: 'Suppliers' },
  warehouse: { de: 'Lager', en: 'Warehouses' },
  wms: { de: 'Kommissionierung (WMS)', en: 'Picking (WMS)' },
  reference: { de: 'Stammdaten und Einstellungen', en: 'Reference data and settings' },
};

/** Scope prefixes shown in another area than their own. */
const AREA_OF: Record<string, string> = {
  returnreason: 'return',
  returnstate: 'return',
  ...Object.fromEntries(
    [
      'availability',
      'cancellationreason',
      'colorcode',
      'condition',
      'manufacturer',
      'onholdreason',
      'paymentmethod',
      'printers',
      'productgroup',
      'refund',
      'responsibleperson',
      'saleschannel',
      'shippingclass',
      'shippingmethod',
      'taxclass',
      'transactionstatus',
    ].map((prefix) => [prefix, 'reference']),
  ),
};

/** What a scope lets the app do beyond reading one area: delete, write (create, change, send), or read everything. */
export type ScopeRisk = 'delete' | 'write' | 'all' | undefined;

function riskOf(area: string, operations: string[]): ScopeRisk {
  if (operations.some((o) => o.startsWith('DELETE '))) return 'delete';
  if (operations.some((o) => /^(POST|PATCH|PUT) /.test(o))) return 'write';
  if (area === 'all') return 'all';
  return undefined;
}

/** An unknown scope's risk, read from its name: the careful reading, since nothing else is known. */
function guessedRisk(scope: string): ScopeRisk {
  if (/delete|remove/i.test(scope)) return 'delete';
  if (/^all\./i.test(scope)) return 'all';
  if (/create|update|write|add|set|post|patch|trigger|cancel|mail|print/i.test(scope)) return 'write';
  return undefined;
}

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
  const prefix = (name ?? scope).split('.')[0]!.toLowerCase();
  const area = AREA_OF[prefix] ?? (AREAS[prefix] ? prefix : 'other');
  const operations = scopeOperations(scope);
  const words = name ? SCOPE_LABELS[name] : undefined;
  // A scope this API version does not know (the manifest check warns) is shown as it is spelled.
  const label = words ? words[lang === 'de' ? 0 : 1] : scope;
  const areaLabel = AREAS[area]?.[lang] ?? (lang === 'de' ? 'Weitere' : 'Other');
  const risk = name ? riskOf(area, operations) : guessedRisk(scope);
  return { scope, area, areaLabel, label, risk, operations };
}

export interface ScopeGroup {
  area: string;
  areaLabel: string;
  scopes: ScopeDescription[];
  /** The strongest risk in the area, for its heading. */
  risk: ScopeRisk;
}

const RISK_ORDER: ScopeRisk[] = ['all', 'delete', 'write'];

/** Groups scopes by area, keeping the order of first appearance. */
export function groupScopes(scopes: string[], lang: Lang): ScopeGroup[] {
  const groups = new Map<string, ScopeGroup>();
  for (const s of scopes) {
    const d = describeScope(s, lang);
    const g = groups.get(d.area) ?? { area: d.area, areaLabel: d.areaLabel, scopes: [], risk: undefined };
    g.scopes.push(d);
    groups.set(d.area, g);
  }
  for (const g of groups.values()) g.risk = RISK_ORDER.find((r) => g.scopes.some((s) => s.risk === r));
  return [...groups.values()];
}
