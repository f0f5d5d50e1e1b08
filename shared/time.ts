// Dates as the merchant reads them, in the UI language. Plain JS (Intl), no Node or DOM API.
import type { Lang } from './errors';

/** An ISO date-time as a local date and time ("22.11.2026, 11:17"); the input itself if unreadable. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
