// Times and dates as the merchant reads them, in the UI language. Plain JS (Intl), no Node or DOM API.
import type { Lang } from './lang';

/** An ISO date-time as a local date and time ("22.11.2026, 11:17"); the input itself if unreadable. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Elapsed time as a clock shows it: "m:ss" ("0:07", "12:30"). */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
