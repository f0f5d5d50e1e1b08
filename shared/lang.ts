// The languages the helper speaks, German first. Plain data: the preload and the renderer use it too.

export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}

/** The helper's language for a locale such as `de_DE.UTF-8` or `de-AT`: German for German, else English. */
export function langOfLocale(locale: string): Lang {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}
