// The merchant's words (docs/glossary.md): every text of the app and every error text uses one word per
// thing. The table is read from the glossary itself; each term must be used, no listed synonym may
// appear. English texts quote Wawi's German button labels with "double quotes", not „…“.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../renderer/src/i18n';
import { TRUST_TEXTS } from '../../renderer/src/i18n-trust';
import { ERROR_CODES } from '../../shared/errors/meta';
import { errorText } from '../../shared/errors/text';
import { VARIANTS } from '../../shared/errors/variants';
import type { Lang } from '../../shared/lang';
import { ROOT } from '../helpers/proc';

/** Every string a text table holds; its functions called with sample arguments. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const sample = ['Lagerbestand Sync', 'win32', 'eazybusiness', 'x'];
    try {
      return strings(
        (value as (...a: unknown[]) => unknown)(
          ...sample
            .slice(0, Math.max(value.length, 1))
            .map((s, i) => (i === 0 && value.length === 1 ? s : s)),
        ),
      );
    } catch {
      return [];
    }
  }
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** What the merchant can read in one language: the app's texts and every error text with its variants. */
function merchantTexts(lang: Lang): string[] {
  const errors = ERROR_CODES.flatMap((code) =>
    [undefined, ...Object.keys(VARIANTS[code] ?? {})].flatMap((variant) => {
      const t = errorText({ code, ...(variant ? { params: { variant } } : {}) }, lang, 'app');
      return [t.title, t.detail, t.next];
    }),
  );
  return [...strings(TEXTS[lang]), ...strings(TRUST_TEXTS[lang]), ...errors];
}

interface Row {
  thing: string;
  terms: Record<Lang, string[]>;
  not: Record<Lang, string[]>;
}

function glossary(): Row[] {
  const md = readFileSync(join(ROOT, 'docs', 'glossary.md'), 'utf8');
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const list = (c: string) =>
    c
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return md
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Thing'))
    .map(cells)
    .map(([thing, de, en, notDe, notEn]) => ({
      thing: thing!,
      terms: { de: list(de!), en: list(en!) },
      not: { de: list(notDe!), en: list(notEn!) },
    }));
}

/** The word on its own (not inside another word); `anyCase` also at the start of a sentence. */
const word = (w: string, anyCase = false) =>
  new RegExp(`(?<![\\p{L}/-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, anyCase ? 'iu' : 'u');

describe('the glossary', () => {
  const rows = glossary();
  it('is read from docs/glossary.md', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });
  for (const lang of ['de', 'en'] as const) {
    it(`every thing has one name in the ${lang === 'de' ? 'German' : 'English'} texts`, () => {
      const texts = merchantTexts(lang);
      for (const row of rows) {
        for (const term of row.terms[lang])
          expect(
            texts.some((t) => word(term, true).test(t)),
            `"${term}" (${row.thing}) is used`,
          ).toBe(true);
        for (const synonym of row.not[lang])
          expect(
            texts.filter((t) => word(synonym).test(t)),
            `"${synonym}" is not used for ${row.thing}`,
          ).toEqual([]);
      }
    });
  }
  it('English texts quote with "double quotes", not German „…“', () => {
    expect(merchantTexts('en').filter((t) => /[„“]/.test(t))).toEqual([]);
  });
});
