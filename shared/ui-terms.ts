// Words that texts in several places name: Wawi's menu path (as Wawi spells it, German in both
// languages) and the labels of the app's buttons that the error advice tells the merchant to choose.
// The buttons take their labels from here and the advice quotes them from here, so they cannot drift.
import type { Lang } from './lang';

/** Wawi's menu path to the registration dialog. */
export const MENU = 'Admin → App-Registrierung';

/** Buttons of the app that the advice names. */
export const BUTTONS = {
  trustCertificate: {
    en: 'The fingerprints match: trust this certificate',
    de: 'Die Fingerabdrücke stimmen überein: diesem Zertifikat vertrauen',
  },
  trustNewCertificate: { en: 'Trust the new certificate', de: 'Dem neuen Zertifikat vertrauen' },
  connectUnencrypted: { en: 'Connect unencrypted', de: 'Unverschlüsselt verbinden' },
} satisfies Record<string, Record<Lang, string>>;

/** A button's label quoted as each language quotes: "…" in English, „…“ in German. */
export function quoteButton(label: keyof typeof BUTTONS, lang: Lang): string {
  const text = BUTTONS[label][lang];
  return lang === 'de' ? `„${text}“` : `"${text}"`;
}

/** Wawi's own buttons on the way to and in the registration dialog, as Wawi labels them. */
export const WAWI_BUTTONS = [
  'Hinzufügen',
  'Weiter',
  'Registrierung beginnen',
  'Annehmen',
  'Ablehnen',
  'Entfernen',
];
