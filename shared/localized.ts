// An app's name and description in the merchant's language, from the manifest's localized lists. Plain
// data (no zod): the renderer uses it without the manifest schema.
import type { AppManifest } from './manifest';

/** The display name and description in a language, falling back to the default fields. */
export function localizedText(
  m: Pick<AppManifest, 'DisplayName' | 'Description' | 'LocalizedDisplayNames' | 'LocalizedDescriptions'>,
  lang: string,
) {
  const iso = lang.toUpperCase();
  return {
    name: m.LocalizedDisplayNames?.find((l) => l.LanguageIso.toUpperCase() === iso)?.Name ?? m.DisplayName,
    description:
      m.LocalizedDescriptions?.find((l) => l.LanguageIso.toUpperCase() === iso)?.Name ?? m.Description,
  };
}
