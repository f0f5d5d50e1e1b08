// How the screens show an app's permissions, without the catalogue itself: the areas (Wawi's headings),
// the words for one permission as main describes it (./scopes.ts has the catalogue), grouping by area
// with the riskiest areas first, and the one-line summary. Small enough for the renderer.
import type { Lang } from './lang';

/** The areas the screens group scopes by; small lists of reference data share one area. */
export const AREAS: Record<string, Record<Lang, string>> = {
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
export const AREA_OF: Record<string, string> = {
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

export function riskOf(area: string, operations: string[]): ScopeRisk {
  if (operations.some((o) => o.startsWith('DELETE '))) return 'delete';
  if (operations.some((o) => /^(POST|PATCH|PUT) /.test(o))) return 'write';
  if (area === 'all') return 'all';
  return undefined;
}

/** An unknown scope's risk, read from its name: the careful reading, since nothing else is known. */
export function guessedRisk(scope: string): ScopeRisk {
  if (/delete|remove/i.test(scope)) return 'delete';
  if (/^all\./i.test(scope)) return 'all';
  if (/create|update|write|add|set|post|patch|trigger|cancel|mail|print/i.test(scope)) return 'write';
  return undefined;
}

/** What main tells the screens about one known permission: its area, its words, its risk. */
export interface ScopeWords {
  area: string;
  label: Record<Lang, string>;
  risk?: NonNullable<ScopeRisk>;
}

/** The area a scope is shown in, from its prefix. */
export function areaOf(scope: string): string {
  const prefix = scope.split('.')[0]!.toLowerCase();
  return AREA_OF[prefix] ?? (AREAS[prefix] ? prefix : 'other');
}

export interface ShownScope {
  scope: string;
  area: string;
  areaLabel: string;
  /** What the app may do, in words, e.g. "Artikel lesen". */
  label: string;
  risk: ScopeRisk;
}

/** A permission in words: as main described it, or (unknown to this API version) as it is spelled. */
export function showScope(scope: string, lang: Lang, words?: ScopeWords): ShownScope {
  const area = words?.area ?? areaOf(scope);
  const areaLabel = AREAS[area]?.[lang] ?? (lang === 'de' ? 'Weitere' : 'Other');
  return {
    scope,
    area,
    areaLabel,
    label: words?.label[lang] ?? scope,
    risk: words ? words.risk : guessedRisk(scope),
  };
}

export interface ScopeGroup {
  area: string;
  areaLabel: string;
  scopes: ShownScope[];
  /** The strongest risk in the area, for its heading. */
  risk: ScopeRisk;
}

const RISK_ORDER: ScopeRisk[] = ['all', 'delete', 'write'];
const rank = (r: ScopeRisk) => (r ? RISK_ORDER.indexOf(r) : RISK_ORDER.length);

/**
 * Groups scopes by area: the riskiest areas first (all data, then deleting, then writing), within a
 * risk in the order of first appearance; in each area its riskiest permissions first.
 */
export function groupScopes(scopes: string[], lang: Lang, words: Record<string, ScopeWords>): ScopeGroup[] {
  const groups = new Map<string, ScopeGroup>();
  for (const s of scopes) {
    const d = showScope(s, lang, words[s] ?? words[s.toLowerCase()]);
    const g = groups.get(d.area) ?? { area: d.area, areaLabel: d.areaLabel, scopes: [], risk: undefined };
    g.scopes.push(d);
    groups.set(d.area, g);
  }
  for (const g of groups.values()) {
    g.risk = RISK_ORDER.find((r) => g.scopes.some((s) => s.risk === r));
    g.scopes = g.scopes
      .map((s, i) => [s, i] as const)
      .sort((a, b) => rank(a[0].risk) - rank(b[0].risk) || a[1] - b[1])
      .map(([s]) => s);
  }
  return [...groups.values()]
    .map((g, i) => [g, i] as const)
    .sort((a, b) => rank(a[0].risk) - rank(b[0].risk) || a[1] - b[1])
    .map(([g]) => g);
}

/** The permissions at a glance: reads everything; in how many areas it deletes, and changes. */
export interface ScopeSummary {
  readsAll: boolean;
  deletes: number;
  writes: number;
  areas: number;
}

export function summarize(groups: ScopeGroup[]): ScopeSummary {
  return {
    readsAll: groups.some((g) => g.scopes.some((s) => s.risk === 'all')),
    deletes: groups.filter((g) => g.scopes.some((s) => s.risk === 'delete')).length,
    writes: groups.filter((g) => g.scopes.some((s) => s.risk === 'write')).length,
    areas: groups.length,
  };
}
