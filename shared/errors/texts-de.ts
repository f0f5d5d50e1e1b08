// The error texts in German: per code what happened and what to do next. {name} is filled in from the
// error's params; other wordings are in ./variants.ts, the advice per surface in ./advice.ts.

import { DEFAULT_DATABASE, DEFAULT_PORT, WAWI_PORTS } from '../wawi-address';
import type { ErrorCode } from './meta';
import { type ErrorText, MENU } from './text-types';

export const TEXTS_DE: Record<ErrorCode, ErrorText> = {
  unreachable: {
    title: 'Der Wawi-REST-Server antwortet nicht',
    detail: 'Keine Antwort von {address}.',
    next: 'Prüfen Sie, ob der Wawi-REST-Server (JTL.Wawi.Rest.exe) läuft und Adresse und Port stimmen, und versuchen Sie es erneut.',
  },
  'tls-untrusted': {
    title: 'Dem Serverzertifikat wird nicht vertraut',
    detail:
      '{address} zeigt ein Zertifikat, dem dieser Computer nicht vertraut (zum Beispiel ein selbst signiertes). SHA-256-Fingerabdruck: {fingerprint}; ausgestellt für: {subject}. Es wurde nichts gesendet.',
    next: 'Vertrauen Sie ihm erst, nachdem Sie den Fingerabdruck mit dem Zertifikat auf dem Wawi-REST-Server verglichen haben, oder geben Sie dem Server ein Zertifikat, dem dieser Computer vertraut.',
  },
  'certificate-changed': {
    title: 'Das Serverzertifikat hat sich geändert',
    detail:
      '{address} zeigt ein anderes Zertifikat als das, dem für diese Registrierung vertraut wurde. Vertraut: {expected}. Jetzt: {fingerprint}. Der Schlüssel wurde nicht gesendet.',
    next: 'Wenn das Zertifikat des Wawi-REST-Servers erneuert wurde, vergleichen Sie den neuen Fingerabdruck auf dem Server und vertrauen Sie ihm ausdrücklich. Wenn niemand es erneuert hat, gibt sich womöglich ein anderer Computer als Ihre Wawi aus: Fahren Sie nicht fort und informieren Sie Ihre IT.',
  },
  'insecure-http': {
    title: 'Unverschlüsselte Verbindung nicht bestätigt',
    detail:
      '{address} wird über unverschlüsseltes http im Netzwerk erreicht. Die Registrierung und später der API-Schlüssel würden unverschlüsselt übertragen, für jeden im Netzwerk lesbar. Es wurde nichts gesendet.',
    next: 'Richten Sie den Wawi-REST-Server für https ein und verwenden Sie seine https-Adresse. Nur wenn das nicht möglich ist, bestätigen Sie die unverschlüsselte Verbindung ausdrücklich.',
  },
  'signature-unavailable': {
    title: 'Die App konnte nicht signiert werden',
    detail:
      'Diese App ist von JTL zertifiziert und braucht für jede Registrierung eine frische Signatur ihres Anbieters. Der Signaturdienst unter {provider} hat keine geliefert. An JTL-Wawi wurde nichts gesendet.',
    next: 'Prüfen Sie die Internetverbindung dieses Computers und versuchen Sie es gleich noch einmal. Wenn es weiter fehlschlägt, informieren Sie den Anbieter der App: Sein Signaturdienst funktioniert nicht.',
  },
  'no-registration-window': {
    title: 'Der Registrierungsdialog in JTL-Wawi ist nicht geöffnet',
    detail:
      'JTL-Wawi nimmt eine Registrierung nur an, während der Dialog „Registrierung beginnen“ auf sie wartet.',
    next: `Öffnen Sie in JTL-Wawi ${MENU}, klicken Sie auf „Hinzufügen“ und dann auf „Weiter“ und versuchen Sie es erneut.`,
  },
  'licence-missing': {
    title: 'Keine Lizenz für die REST-API',
    detail: 'Diese JTL-Wawi hat keine Lizenz für die REST-API, oder die App ist von JTL nicht freigegeben.',
    next: 'Prüfen Sie die Lizenz für die REST-API im JTL-Kundencenter, oder fragen Sie den Anbieter der App.',
  },
  'already-registered': {
    title: 'Die App ist bereits registriert',
    detail: 'JTL-Wawi kennt bereits eine App mit der ID {appId}. Sie vergibt einen Schlüssel pro App.',
    next: `Entfernen Sie die App in JTL-Wawi (${MENU}) und registrieren Sie sie dann erneut: Der neue Schlüssel ersetzt den alten, der dann nicht mehr funktioniert.`,
  },
  'instance-not-allowed': {
    title: 'Keine weitere Instanz dieser App',
    detail:
      'JTL-Wawi registriert {appId} nur einmal (keine MultiInstance-App) und nimmt deshalb keine weitere Instanz an.',
    next: 'Verwenden Sie die Registrierung, die dieser Computer bereits hat. Wenn die App wirklich mehrere Instanzen braucht, muss der Anbieter sie als MultiInstance registrieren.',
  },
  'request-not-found': {
    title: 'Die Registrierungsanfrage ist nicht mehr vorhanden',
    detail:
      'JTL-Wawi kennt diese Anfrage nicht mehr; wahrscheinlich wurde der Registrierungsdialog geschlossen.',
    next: `Öffnen Sie in JTL-Wawi erneut ${MENU} („Hinzufügen“, „Weiter“) und starten Sie die Registrierung neu.`,
  },
  'already-handed-out': {
    title: 'Der Schlüssel wurde bereits ausgegeben',
    detail:
      'JTL-Wawi gibt einen Schlüssel nur einmal aus, und er wurde abgeholt, bevor er hier gespeichert werden konnte. Er lässt sich nicht erneut abrufen.',
    next: `Entfernen Sie die App in JTL-Wawi (${MENU}) und registrieren Sie sie erneut.`,
  },
  rejected: {
    title: 'Die Registrierung wurde abgelehnt',
    detail: 'Die Anfrage wurde in JTL-Wawi abgelehnt.',
    next: 'Falls das ein Versehen war, starten Sie die Registrierung erneut und nehmen Sie sie in JTL-Wawi an.',
  },
  'timed-out': {
    title: 'Keine rechtzeitige Antwort von JTL-Wawi',
    detail: 'Die Anfrage wurde innerhalb von {timeout} weder angenommen noch abgelehnt.',
    next: `Ist der Registrierungsdialog (${MENU}) noch geöffnet? Starten Sie die Registrierung erneut und nehmen Sie sie dort an.`,
  },
  cancelled: {
    title: 'Abgebrochen',
    detail: 'Der Vorgang wurde abgebrochen.',
    next: 'Es wurde nichts geändert. Sie können jederzeit neu beginnen.',
  },
  'request-unconfirmed': {
    title: 'Eine frühere Anfrage wartet eventuell noch in JTL-Wawi',
    detail:
      'Eine Registrierung von {appId} bei {address} wurde am {startedAt} unterbrochen, bevor JTL-Wawi sie bestätigt hat. JTL-Wawi zeigt diese Anfrage womöglich an; ihren Schlüssel kann dieser Computer nicht abholen.',
    next: `Lehnen Sie in JTL-Wawi (${MENU}) eine wartende Anfrage dieser App ab, falls vorhanden. Verwerfen Sie dann die unterbrochene Registrierung hier und beginnen Sie neu.`,
  },
  unauthorized: {
    title: 'Der Schlüssel wird nicht akzeptiert',
    detail:
      'JTL-Wawi lehnt den gespeicherten Schlüssel ab: Die App wurde in Wawi entfernt, oder der Schlüssel gehört zu einer anderen Wawi.',
    next: 'Registrieren Sie die App erneut, um einen neuen Schlüssel zu erhalten.',
  },
  'missing-scope': {
    title: 'Der Schlüssel funktioniert, aber eine Berechtigung fehlt',
    detail:
      'JTL-Wawi akzeptiert den Schlüssel, aber der App wurde die für diese Prüfung nötige Berechtigung nicht erteilt.',
    next: 'Falls die App sie braucht, erneuern Sie den Schlüssel und erteilen Sie die Berechtigung in JTL-Wawi.',
  },
  'version-problem': {
    title: 'API-Version nicht unterstützt',
    detail: 'Der Wawi-REST-Server unterstützt die API-Version dieses Helfers nicht.',
    next: 'Aktualisieren Sie den Wawi-REST-Server, oder wenden Sie sich an den Anbieter der App.',
  },
  validation: {
    title: 'JTL-Wawi hat die Anfragedaten abgelehnt',
    detail: 'Der Server hat Probleme gefunden in: {fields}.',
    next: 'Das liegt am App-Manifest: Bitte senden Sie diese Meldung an den Anbieter der App.',
  },
  'server-error': {
    title: 'Der Wawi-REST-Server hat einen Fehler gemeldet',
    detail: 'Der Server hat mit Fehler {status} geantwortet.',
    next: 'Warten Sie einen Moment und versuchen Sie es erneut. Wenn es wieder passiert, starten Sie den Wawi-REST-Server neu.',
  },
  'bad-response': {
    title: 'Unerwartete Antwort',
    detail: 'Die Antwort von {address} ist nicht die eines Wawi-REST-Servers.',
    next: 'Prüfen Sie, ob die Adresse auf den Wawi-REST-Server zeigt und nicht auf ein anderes Programm oder einen Proxy.',
  },
  'manifest-invalid': {
    title: 'Das App-Manifest ist ungültig',
    detail: 'Das App-Manifest erfüllt nicht, was JTL-Wawi verlangt.',
    next: 'Der Anbieter der App muss das Manifest korrigieren. Es wurde nichts an JTL-Wawi gesendet.',
  },
  'keychain-unavailable': {
    title: 'Der Schlüsselspeicher ist nicht nutzbar',
    detail: 'Der Schlüsselspeicher ({keychain}) ist nicht verfügbar oder gesperrt.',
    next: '{unlock} Der Helfer bewahrt Schlüssel nur im Schlüsselspeicher auf, nie in einer Datei.',
  },
  'key-not-stored': {
    title: 'Der Schlüssel konnte nicht gespeichert werden und ist verloren',
    detail:
      'JTL-Wawi hat die Registrierung angenommen und den Schlüssel ausgegeben, aber der Schlüsselspeicher ({keychain}) blieb nicht verfügbar. JTL-Wawi gibt einen Schlüssel nur einmal aus.',
    next: `Entsperren oder reparieren Sie den Schlüsselspeicher. Entfernen Sie dann die App in JTL-Wawi (${MENU}) und registrieren Sie sie erneut.`,
  },
  'storage-failed': {
    title: 'Speichern auf diesem Computer fehlgeschlagen',
    detail: 'Schreiben von {path} ist fehlgeschlagen.',
    next: 'Geben Sie Speicherplatz frei oder prüfen Sie die Ordnerrechte und versuchen Sie es erneut. Bereits Gespeichertes ging nicht verloren.',
  },
  'not-registered': {
    title: 'Keine solche Registrierung auf diesem Computer',
    detail: 'Für {appId} bei {address} ist auf diesem Computer kein Schlüssel gespeichert.',
    next: 'Sehen Sie sich die Registrierungen auf diesem Computer an, oder registrieren Sie die App zuerst.',
  },
  'no-server-found': {
    title: 'Kein Wawi-REST-Server gefunden',
    detail: `Auf diesem Computer hat kein Wawi-REST-Server geantwortet (Ports ${WAWI_PORTS.join(' und ')}).`,
    next: `Starten Sie den Wawi-REST-Server, oder geben Sie seine Adresse ein (zum Beispiel http://wawi-server:${DEFAULT_PORT}).`,
  },
  'several-servers': {
    title: 'Mehrere Wawi-REST-Server gefunden',
    detail: 'Gefunden: {servers}.',
    next: 'Wählen Sie den Server, den diese App nutzen soll.',
  },
  'invalid-address': {
    title: 'Diese Adresse ist nicht verwendbar',
    detail: 'Das ist keine Adresse eines Wawi-REST-Servers.',
    next: `Geben Sie sie so ein: 127.0.0.1:${DEFAULT_PORT} oder http://wawi-server:${DEFAULT_PORT}/api/${DEFAULT_DATABASE}.`,
  },
  'already-running': {
    title: 'Der Helfer ist bereits geöffnet',
    detail:
      'Der Wawi Registration Helper läuft auf diesem Computer bereits und wurde in den Vordergrund geholt. Dieser Aufruf hat nichts gestartet.',
    next: 'Beenden oder schließen Sie das geöffnete Fenster des Helfers und starten Sie dann erneut.',
  },
  'invalid-input': {
    title: 'Ungültige Eingabe',
    detail: '{reason}',
    next: 'Korrigieren Sie die Eingabe und versuchen Sie es erneut.',
  },
  internal: {
    title: 'Etwas ist schiefgelaufen',
    detail: 'Ein unerwarteter Fehler ist aufgetreten.',
    next: 'Versuchen Sie es erneut. Wenn es wieder passiert, senden Sie die Protokolldatei an den Anbieter der App (sie enthält keine Schlüssel).',
  },
};
