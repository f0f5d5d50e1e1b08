// Each error code's outcome in a few words, in German and English: the CLI's help lists them by exit
// code, and the README's table of exit codes is checked against them. Words only, beside ERROR_META
// (./meta.ts), so that the app's renderer does not carry them.
import type { Lang } from '../lang';
import { ERROR_CODES, type ErrorCode, EXIT_CODES } from './meta';

const OUTCOMES: Record<ErrorCode, Record<Lang, string>> = {
  unreachable: { en: 'server unreachable', de: 'Wawi-REST-Server nicht erreichbar' },
  'tls-untrusted': { en: 'certificate not trusted', de: 'Zertifikat nicht vertrauenswürdig' },
  'certificate-changed': {
    en: 'certificate changed (nothing sent)',
    de: 'Zertifikat geändert (nichts gesendet)',
  },
  'insecure-http': {
    en: 'plain http to another computer not allowed',
    de: 'unverschlüsseltes http zu einem anderen Computer nicht erlaubt',
  },
  'signature-unavailable': {
    en: "the app's signature could not be had",
    de: 'keine Signatur für die App erhalten',
  },
  'no-registration-window': {
    en: 'no registration window open in Wawi',
    de: 'kein Registrierungsdialog in JTL-Wawi offen',
  },
  'licence-missing': { en: 'licence missing', de: 'Lizenz fehlt' },
  'already-registered': { en: 'already registered', de: 'bereits registriert' },
  'instance-not-allowed': { en: 'no further instance allowed', de: 'keine weitere Instanz erlaubt' },
  'request-not-found': { en: 'request not found', de: 'Anfrage nicht gefunden' },
  'already-handed-out': { en: 'key already handed out', de: 'Schlüssel bereits ausgegeben' },
  'request-unconfirmed': {
    en: 'an earlier request may be waiting in Wawi',
    de: 'eine frühere Anfrage wartet eventuell in JTL-Wawi',
  },
  rejected: { en: 'rejected in Wawi', de: 'in JTL-Wawi abgelehnt' },
  'timed-out': { en: 'timed out', de: 'Wartezeit abgelaufen' },
  cancelled: { en: 'cancelled', de: 'abgebrochen' },
  unauthorized: { en: 'key rejected (401)', de: 'Schlüssel abgelehnt (401)' },
  'missing-scope': { en: 'scope missing', de: 'Berechtigung fehlt' },
  'version-problem': { en: 'API version problem', de: 'Problem mit der API-Version' },
  validation: { en: 'validation error', de: 'Angaben von JTL-Wawi abgelehnt' },
  'server-error': { en: 'server error', de: 'Serverfehler' },
  'bad-response': { en: 'unexpected answer', de: 'unerwartete Antwort' },
  'manifest-invalid': { en: 'manifest invalid', de: 'Manifest ungültig' },
  'keychain-unavailable': { en: 'keychain unavailable', de: 'Schlüsselspeicher nicht verfügbar' },
  'key-not-stored': {
    en: 'key accepted but not stored (lost)',
    de: 'Schlüssel angenommen, aber nicht gespeichert (verloren)',
  },
  'storage-failed': { en: 'storage failed', de: 'Speichern fehlgeschlagen' },
  'not-registered': { en: 'not registered on this computer', de: 'auf diesem Computer nicht registriert' },
  'no-server-found': { en: 'no server found', de: 'kein Wawi-REST-Server gefunden' },
  'several-servers': { en: 'several servers', de: 'mehrere Wawi-REST-Server' },
  'invalid-address': { en: 'invalid address', de: 'ungültige Adresse' },
  'invalid-input': { en: 'usage', de: 'Aufruf fehlerhaft' },
  'already-running': {
    en: 'the helper already runs: nothing started',
    de: 'der Helfer läuft bereits: nichts gestartet',
  },
  internal: { en: 'unexpected', de: 'unerwarteter Fehler' },
};

/** Each exit code with its outcomes, in order: the CLI's help lists these (README's table is tested against them). */
export function exitOutcomes(lang: Lang = 'en'): [number, string][] {
  const byExit = new Map<number, string[]>([[0, ['ok']]]);
  for (const code of ERROR_CODES) {
    const exit = EXIT_CODES[code];
    const outcome = OUTCOMES[code][lang];
    const list = byExit.get(exit) ?? [];
    if (!list.includes(outcome)) list.push(outcome);
    byExit.set(exit, list);
  }
  return [...byExit].sort(([a], [b]) => a - b).map(([exit, list]) => [exit, list.join(' / ')]);
}
