// The wizard's language: the words of each language (./texts-en.ts, ./texts-de.ts) and the context
// that hands the current one to every screen.
import { createContext, useContext } from 'react';
import type { Lang } from '../../shared/lang';
import { de } from './texts-de';
import { en, type Texts } from './texts-en';

export type { Texts } from './texts-en';

export const TEXTS: Record<Lang, Texts> = { en, de };

export const I18n = createContext<{ lang: Lang; t: Texts }>({ lang: 'en', t: en });
export const useI18n = () => useContext(I18n);
