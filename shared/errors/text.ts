// An error as the merchant or admin reads it: its text in their language, for where it is shown, with
// the error's params filled in.
import type { Lang } from '../lang';
import { formatDateTime } from '../time';
import { KEYCHAINS, PENDING_KEPT, SURFACE_NEXT } from './advice';
import { type ErrorCode, sentNothing } from './meta';
import type { ErrorText, Surface } from './text-types';
import { TEXTS_DE } from './texts-de';
import { TEXTS_EN } from './texts-en';
import { VARIANTS } from './variants';

export type { ErrorText, Surface } from './text-types';

const TEXTS: Record<Lang, Record<ErrorCode, ErrorText>> = { de: TEXTS_DE, en: TEXTS_EN };

/**
 * Params that change a text, set by the core:
 * - `pendingKept: 'true'`: the flow stopped, but its request is still waiting in Wawi and kept here;
 *   the advice then says how to collect the key later (per surface).
 * - `variant`: another wording of the same outcome (e.g. `removal` for a timed-out removal wait).
 * - `platform`: the OS whose keychain failed (`win32`, `darwin`, `linux`), for keychain texts.
 * - `nothingSent: 'true'`: a registration stopped before its request went out; the detail says so.
 */
export const TEXT_PARAMS = ['pendingKept', 'variant', 'platform', 'nothingSent'] as const;

/** Said after the detail of an error that stopped a registration before its request went out. */
const NOTHING_SENT: Record<Lang, string> = {
  en: 'Nothing was sent to JTL-Wawi.',
  de: 'An JTL-Wawi wurde nichts gesendet.',
};

type Params = Record<string, string | undefined>;
const fill = (s: string, p: Params) => s.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '…');

function keychainParams(platform: string | undefined, lang: Lang) {
  const p = platform === 'win32' || platform === 'darwin' ? platform : 'linux';
  return KEYCHAINS[p][lang];
}

/** The name of the platform's keychain, as the merchant knows it. */
export function keychainName(platform: string, lang: Lang): string {
  return keychainParams(platform, lang).keychain;
}

export interface TextableError {
  code: ErrorCode;
  params?: Record<string, string>;
  fields?: Record<string, string[]>;
  status?: number;
}

export function errorText(err: TextableError, lang: Lang, surface: Surface = 'cli'): ErrorText {
  const variant = err.params?.variant;
  const t = { ...TEXTS[lang][err.code], ...(variant ? VARIANTS[err.code]?.[variant]?.[lang] : {}) };
  const surfaceNext = (SURFACE_NEXT[`${err.code}/${variant}`] ?? SURFACE_NEXT[err.code])?.[surface][lang];
  if (surfaceNext) t.next = surfaceNext;
  if (err.params?.pendingKept === 'true') t.next = PENDING_KEPT[surface][lang];
  if (err.params?.pendingKept === 'unconfirmed') t.next = TEXTS[lang]['request-unconfirmed'].next;
  // Said once: not where the text itself says so (an outcome that never sends anything).
  if (
    err.params?.nothingSent === 'true' &&
    !sentNothing(err.code) &&
    !`${t.detail}${t.next}`.includes(NOTHING_SENT[lang])
  )
    t.detail = `${t.detail} ${NOTHING_SENT[lang]}`;
  const params: Params = {
    status: err.status !== undefined ? String(err.status) : undefined,
    fields: err.fields ? Object.keys(err.fields).join(', ') : undefined,
    ...keychainParams(err.params?.platform, lang),
    ...err.params,
    ...(err.params?.startedAt ? { startedAt: formatDateTime(err.params.startedAt, lang) } : {}),
    ...(err.params?.signedAt ? { signedAt: formatDateTime(err.params.signedAt, lang) } : {}),
    ...(err.params?.appId ? {} : { appId: '<AppId>' }),
  };
  const used = `${t.title}${t.detail}${t.next}`;
  const technical = TECHNICAL_PARAMS.flatMap((k) =>
    err.params?.[k] && !used.includes(`{${k}}`) ? [err.params[k]!] : [],
  ).join('; ');
  return {
    title: fill(t.title, params),
    detail: fill(t.detail, params),
    next: fill(t.next, params),
    ...(technical ? { technical } : {}),
  };
}

/** Params in the program's own words: never part of a translated sentence unless a text asks for them. */
const TECHNICAL_PARAMS = ['reason', 'problems'] as const;
