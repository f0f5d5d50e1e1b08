// The language switch: a button naming the other language in itself. A button, not a select: arrow keys
// must not switch the language on the way through.
import type { Lang } from '../../../shared/lang';
import { TEXTS } from '../i18n';
import { GlobeIcon } from './icons';

/** Each language's name in itself. */
const LANG_NAMES: Record<Lang, string> = { de: 'Deutsch', en: 'English' };

export function LanguageSwitch({ lang, onSwitch }: { lang: Lang; onSwitch(to: Lang): void }) {
  const other: Lang = lang === 'de' ? 'en' : 'de';
  return (
    <button
      type="button"
      className="lang"
      lang={other}
      aria-label={`${TEXTS[other].switchLanguage}: ${LANG_NAMES[other]}`}
      onClick={() => onSwitch(other)}
    >
      <GlobeIcon />
      {LANG_NAMES[other]}
    </button>
  );
}
