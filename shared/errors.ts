// Every error a user can meet: a code, a process exit code (CLI and desktop app alike) and a text in
// German and English that says what happened and what to do next.
import { z } from 'zod';
import { formatDateTime } from './time';

export const ERROR_CODES = [
  'unreachable',
  'tls-untrusted',
  'certificate-changed',
  'insecure-http',
  'no-registration-window',
  'licence-missing',
  'already-registered',
  'request-not-found',
  'already-handed-out',
  'request-unconfirmed',
  'rejected',
  'timed-out',
  'cancelled',
  'unauthorized',
  'missing-scope',
  'version-problem',
  'validation',
  'server-error',
  'bad-response',
  'manifest-invalid',
  'keychain-unavailable',
  'key-not-stored',
  'storage-failed',
  'not-registered',
  'no-server-found',
  'several-servers',
  'invalid-address',
  'invalid-input',
  'internal',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Process exit codes: one per outcome, shared by the CLI and the desktop app. */
export const EXIT_CODES: Record<ErrorCode | 'ok' | 'usage', number> = {
  ok: 0,
  internal: 1,
  usage: 2,
  'invalid-input': 2,
  'manifest-invalid': 3,
  unreachable: 10,
  'tls-untrusted': 10,
  'certificate-changed': 13,
  'insecure-http': 14,
  'no-server-found': 10,
  'several-servers': 11,
  'invalid-address': 12,
  'no-registration-window': 20,
  'licence-missing': 21,
  'already-registered': 22,
  rejected: 23,
  'timed-out': 24,
  cancelled: 25,
  'request-not-found': 26,
  'already-handed-out': 27,
  'request-unconfirmed': 28,
  unauthorized: 30,
  'missing-scope': 31,
  'version-problem': 40,
  validation: 41,
  'server-error': 42,
  'bad-response': 43,
  'keychain-unavailable': 50,
  'storage-failed': 51,
  'not-registered': 52,
  'key-not-stored': 53,
};

export const serializedErrorSchema = z.object({
  code: errorCodeSchema,
  /** Plain words for logs and --json; never contains a key or challenge code. */
  message: z.string(),
  status: z.number().int().optional(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
  /** Non-secret details for the texts, e.g. the address tried. */
  params: z.record(z.string(), z.string()).optional(),
});
export type SerializedError = z.infer<typeof serializedErrorSchema>;

export type Lang = 'de' | 'en';

/** Where a text is shown: advice differs (a CLI command in a terminal, a button in the app). */
export type Surface = 'cli' | 'app';

export interface ErrorText {
  title: string;
  /** What happened. */
  detail: string;
  /** What to do next. */
  next: string;
}

/**
 * Params that change a text, set by the core:
 * - `pendingKept: 'true'`: the flow stopped, but its request is still waiting in Wawi and kept here;
 *   the advice then says how to collect the key later (per surface).
 * - `variant`: another wording of the same outcome (e.g. `removal` for a timed-out removal wait).
 * - `platform`: the OS whose keychain failed (`win32`, `darwin`, `linux`), for keychain texts.
 */
export const TEXT_PARAMS = ['pendingKept', 'variant', 'platform'] as const;

type Params = Record<string, string | undefined>;
const fill = (s: string, p: Params) => s.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '…');

const MENU_DE = 'Admin → App-Registrierung';

const TEXTS: Record<ErrorCode, Record<Lang, ErrorText>> = {
  unreachable: {
    en: {
      title: 'The Wawi server does not answer',
      detail: 'No answer from {address}.',
      next: 'Check that the JTL-Wawi REST server (JTL.Wawi.Rest.exe) is running and the address and port are right, then try again.',
    },
    de: {
      title: 'Der Wawi-Server antwortet nicht',
      detail: 'Keine Antwort von {address}.',
      next: 'Prüfen Sie, ob der JTL-Wawi REST-Server (JTL.Wawi.Rest.exe) läuft und Adresse und Port stimmen, und versuchen Sie es erneut.',
    },
  },
  'tls-untrusted': {
    en: {
      title: 'The server certificate is not trusted',
      detail:
        '{address} presents a certificate this computer does not trust (for example a self-signed one). SHA-256 fingerprint: {fingerprint}; issued to: {subject}. Nothing was sent.',
      next: 'Trust it only after comparing the fingerprint with the certificate on the Wawi server, or give the server a certificate this computer trusts.',
    },
    de: {
      title: 'Dem Serverzertifikat wird nicht vertraut',
      detail:
        '{address} zeigt ein Zertifikat, dem dieser Computer nicht vertraut (zum Beispiel ein selbst signiertes). SHA-256-Fingerabdruck: {fingerprint}; ausgestellt für: {subject}. Es wurde nichts gesendet.',
      next: 'Vertrauen Sie ihm erst, nachdem Sie den Fingerabdruck mit dem Zertifikat auf dem Wawi-Server verglichen haben, oder geben Sie dem Server ein Zertifikat, dem dieser Computer vertraut.',
    },
  },
  'certificate-changed': {
    en: {
      title: 'The server certificate has changed',
      detail:
        '{address} presents another certificate than the one trusted for this registration. Trusted: {expected}. Now: {fingerprint}. The key was not sent.',
      next: 'If the certificate of the Wawi REST server was renewed, compare the new fingerprint on the server and trust it explicitly. If nobody renewed it, another computer may be posing as your Wawi: do not go on, and tell your IT.',
    },
    de: {
      title: 'Das Serverzertifikat hat sich geändert',
      detail:
        '{address} zeigt ein anderes Zertifikat als das, dem für diese Registrierung vertraut wurde. Vertraut: {expected}. Jetzt: {fingerprint}. Der Schlüssel wurde nicht gesendet.',
      next: 'Wenn das Zertifikat des Wawi REST-Servers erneuert wurde, vergleichen Sie den neuen Fingerabdruck auf dem Server und vertrauen Sie ihm ausdrücklich. Wenn niemand es erneuert hat, gibt sich womöglich ein anderer Computer als Ihre Wawi aus: Fahren Sie nicht fort und informieren Sie Ihre IT.',
    },
  },
  'insecure-http': {
    en: {
      title: 'Unencrypted connection not confirmed',
      detail:
        '{address} is reached over plain http on the network. The registration and later the API key would travel unencrypted, readable by anyone on the network. Nothing was sent.',
      next: 'Set the Wawi REST server up for https and use its https address. Only if that is not possible, confirm the unencrypted connection explicitly.',
    },
    de: {
      title: 'Unverschlüsselte Verbindung nicht bestätigt',
      detail:
        '{address} wird über unverschlüsseltes http im Netzwerk erreicht. Die Registrierung und später der API-Schlüssel würden unverschlüsselt übertragen, für jeden im Netzwerk lesbar. Es wurde nichts gesendet.',
      next: 'Richten Sie den Wawi REST-Server für https ein und verwenden Sie seine https-Adresse. Nur wenn das nicht möglich ist, bestätigen Sie die unverschlüsselte Verbindung ausdrücklich.',
    },
  },
  'no-registration-window': {
    en: {
      title: 'Wawi is not waiting for a registration',
      detail: 'The registration dialog is not open in JTL-Wawi.',
      next: `In JTL-Wawi open ${MENU_DE}, click "Hinzufügen", then "Weiter", and try again.`,
    },
    de: {
      title: 'Wawi wartet auf keine Registrierung',
      detail: 'Der Registrierungsdialog ist in JTL-Wawi nicht geöffnet.',
      next: `Öffnen Sie in JTL-Wawi ${MENU_DE}, klicken Sie auf „Hinzufügen“ und dann auf „Weiter“ und versuchen Sie es erneut.`,
    },
  },
  'licence-missing': {
    en: {
      title: 'No licence for the REST API',
      detail: 'This JTL-Wawi has no licence for the REST API, or the app is not authorised by JTL.',
      next: 'Check the JTL-Wawi licence for the REST API in the JTL customer centre, or ask the app vendor.',
    },
    de: {
      title: 'Keine Lizenz für die REST-API',
      detail: 'Diese JTL-Wawi hat keine Lizenz für die REST-API, oder die App ist von JTL nicht freigegeben.',
      next: 'Prüfen Sie die Lizenz für die REST-API im JTL-Kundencenter, oder fragen Sie den Anbieter der App.',
    },
  },
  'already-registered': {
    en: {
      title: 'The app is already registered',
      detail: 'JTL-Wawi already has an app with the ID {appId}. It keeps one key per app.',
      next: `To get a new key, rotate it: remove the app in JTL-Wawi (${MENU_DE}) and register again.`,
    },
    de: {
      title: 'Die App ist bereits registriert',
      detail: 'JTL-Wawi kennt bereits eine App mit der ID {appId}. Sie vergibt einen Schlüssel pro App.',
      next: `Für einen neuen Schlüssel erneuern Sie ihn: Entfernen Sie die App in JTL-Wawi (${MENU_DE}) und registrieren Sie sie erneut.`,
    },
  },
  'request-not-found': {
    en: {
      title: 'The registration request is gone',
      detail: 'JTL-Wawi no longer knows this request; the registration dialog was probably closed.',
      next: `Open ${MENU_DE} in JTL-Wawi again ("Hinzufügen", "Weiter") and start the registration again.`,
    },
    de: {
      title: 'Die Registrierungsanfrage ist nicht mehr da',
      detail:
        'JTL-Wawi kennt diese Anfrage nicht mehr; wahrscheinlich wurde der Registrierungsdialog geschlossen.',
      next: `Öffnen Sie in JTL-Wawi erneut ${MENU_DE} („Hinzufügen“, „Weiter“) und starten Sie die Registrierung neu.`,
    },
  },
  'already-handed-out': {
    en: {
      title: 'The key was already handed out',
      detail:
        'JTL-Wawi hands out a key only once, and it was collected before it could be stored here. It cannot be fetched again.',
      next: `Remove the app in JTL-Wawi (${MENU_DE}) and register it again.`,
    },
    de: {
      title: 'Der Schlüssel wurde bereits ausgegeben',
      detail:
        'JTL-Wawi gibt einen Schlüssel nur einmal aus, und er wurde abgeholt, bevor er hier gespeichert werden konnte. Er lässt sich nicht erneut abrufen.',
      next: `Entfernen Sie die App in JTL-Wawi (${MENU_DE}) und registrieren Sie sie erneut.`,
    },
  },
  rejected: {
    en: {
      title: 'The registration was rejected',
      detail: 'The request was rejected in JTL-Wawi.',
      next: 'If that was a mistake, start the registration again and accept it in JTL-Wawi.',
    },
    de: {
      title: 'Die Registrierung wurde abgelehnt',
      detail: 'Die Anfrage wurde in JTL-Wawi abgelehnt.',
      next: 'Falls das ein Versehen war, starten Sie die Registrierung erneut und nehmen Sie sie in JTL-Wawi an.',
    },
  },
  'timed-out': {
    en: {
      title: 'No answer from JTL-Wawi in time',
      detail: 'The request was neither accepted nor rejected within {timeout}.',
      next: `Is the Wawi dialog (${MENU_DE}) still open? Start the registration again and accept it there.`,
    },
    de: {
      title: 'Keine rechtzeitige Antwort von JTL-Wawi',
      detail: 'Die Anfrage wurde innerhalb von {timeout} weder angenommen noch abgelehnt.',
      next: `Ist der Wawi-Dialog (${MENU_DE}) noch geöffnet? Starten Sie die Registrierung erneut und nehmen Sie sie dort an.`,
    },
  },
  cancelled: {
    en: {
      title: 'Cancelled',
      detail: 'The operation was cancelled.',
      next: 'Nothing was changed. You can start again at any time.',
    },
    de: {
      title: 'Abgebrochen',
      detail: 'Der Vorgang wurde abgebrochen.',
      next: 'Es wurde nichts geändert. Sie können jederzeit neu beginnen.',
    },
  },
  'request-unconfirmed': {
    en: {
      title: 'An earlier request may still be waiting in JTL-Wawi',
      detail:
        'A registration of {appId} to {address} was interrupted on {startedAt} before JTL-Wawi confirmed it. JTL-Wawi may show that request; this computer cannot collect its key.',
      next: `In JTL-Wawi (${MENU_DE}) reject a waiting request for this app if there is one. Then discard the interrupted registration here and start again.`,
    },
    de: {
      title: 'Eine frühere Anfrage wartet eventuell noch in JTL-Wawi',
      detail:
        'Eine Registrierung von {appId} bei {address} wurde am {startedAt} unterbrochen, bevor JTL-Wawi sie bestätigt hat. JTL-Wawi zeigt diese Anfrage womöglich an; ihren Schlüssel kann dieser Computer nicht abholen.',
      next: `Lehnen Sie in JTL-Wawi (${MENU_DE}) eine wartende Anfrage dieser App ab, falls vorhanden. Verwerfen Sie dann die unterbrochene Registrierung hier und beginnen Sie neu.`,
    },
  },
  unauthorized: {
    en: {
      title: 'The key is not accepted',
      detail:
        'JTL-Wawi rejects the stored key (401): the app was removed in Wawi, or the key belongs to another Wawi.',
      next: 'Register the app again to get a new key.',
    },
    de: {
      title: 'Der Schlüssel wird nicht akzeptiert',
      detail:
        'JTL-Wawi lehnt den gespeicherten Schlüssel ab (401): Die App wurde in Wawi entfernt, oder der Schlüssel gehört zu einer anderen Wawi.',
      next: 'Registrieren Sie die App erneut, um einen neuen Schlüssel zu erhalten.',
    },
  },
  'missing-scope': {
    en: {
      title: 'The key works, but lacks a permission',
      detail:
        'JTL-Wawi accepts the key but the app was not granted the permission needed for this check (403).',
      next: 'If the app needs it, rotate the key and grant the permission in JTL-Wawi.',
    },
    de: {
      title: 'Der Schlüssel funktioniert, aber eine Berechtigung fehlt',
      detail:
        'JTL-Wawi akzeptiert den Schlüssel, aber der App wurde die für diese Prüfung nötige Berechtigung nicht erteilt (403).',
      next: 'Falls die App sie braucht, erneuern Sie den Schlüssel und erteilen Sie die Berechtigung in JTL-Wawi.',
    },
  },
  'version-problem': {
    en: {
      title: 'API version not supported',
      detail: 'The Wawi server does not support the API version this helper uses.',
      next: 'Update the JTL-Wawi REST server, or contact the app vendor.',
    },
    de: {
      title: 'API-Version nicht unterstützt',
      detail: 'Der Wawi-Server unterstützt die API-Version dieses Programms nicht.',
      next: 'Aktualisieren Sie den JTL-Wawi REST-Server, oder wenden Sie sich an den Anbieter der App.',
    },
  },
  validation: {
    en: {
      title: 'JTL-Wawi rejected the request data',
      detail: 'The server found problems in: {fields}.',
      next: 'This is a problem of the app manifest: please send this message to the app vendor.',
    },
    de: {
      title: 'JTL-Wawi hat die Anfragedaten abgelehnt',
      detail: 'Der Server hat Probleme gefunden in: {fields}.',
      next: 'Das liegt am App-Manifest: Bitte senden Sie diese Meldung an den Anbieter der App.',
    },
  },
  'server-error': {
    en: {
      title: 'The Wawi server reported an error',
      detail: 'The server answered with error {status}.',
      next: 'Wait a moment and try again. If it keeps happening, restart the JTL-Wawi REST server.',
    },
    de: {
      title: 'Der Wawi-Server hat einen Fehler gemeldet',
      detail: 'Der Server hat mit Fehler {status} geantwortet.',
      next: 'Warten Sie einen Moment und versuchen Sie es erneut. Wenn es wieder passiert, starten Sie den JTL-Wawi REST-Server neu.',
    },
  },
  'bad-response': {
    en: {
      title: 'Unexpected answer',
      detail: 'The answer from {address} is not what a JTL-Wawi REST server sends: {reason}.',
      next: 'Check that the address points to the JTL-Wawi REST server and not to another program or a proxy.',
    },
    de: {
      title: 'Unerwartete Antwort',
      detail: 'Die Antwort von {address} ist nicht die eines JTL-Wawi REST-Servers: {reason}.',
      next: 'Prüfen Sie, ob die Adresse auf den JTL-Wawi REST-Server zeigt und nicht auf ein anderes Programm oder einen Proxy.',
    },
  },
  'manifest-invalid': {
    en: {
      title: 'The app manifest is not valid',
      detail: '{problems}',
      next: 'The app vendor has to correct the manifest. Nothing was sent to JTL-Wawi.',
    },
    de: {
      title: 'Das App-Manifest ist ungültig',
      detail: '{problems}',
      next: 'Der Anbieter der App muss das Manifest korrigieren. Es wurde nichts an JTL-Wawi gesendet.',
    },
  },
  'keychain-unavailable': {
    en: {
      title: 'The keychain cannot be used',
      detail: 'The {keychain} is not available or locked ({reason}).',
      next: '{unlock} The key is never stored anywhere else.',
    },
    de: {
      title: 'Der Schlüsselspeicher ist nicht nutzbar',
      detail: 'Der Schlüsselspeicher ({keychain}) ist nicht verfügbar oder gesperrt ({reason}).',
      next: '{unlock} Der Schlüssel wird nirgendwo anders gespeichert.',
    },
  },
  'key-not-stored': {
    en: {
      title: 'The key could not be stored and is lost',
      detail:
        'JTL-Wawi accepted the registration and handed out the key, but the {keychain} stayed unavailable ({reason}). JTL-Wawi hands out a key only once.',
      next: `Unlock or repair the keychain. Then remove the app in JTL-Wawi (${MENU_DE}) and register it again.`,
    },
    de: {
      title: 'Der Schlüssel konnte nicht gespeichert werden und ist verloren',
      detail:
        'JTL-Wawi hat die Registrierung angenommen und den Schlüssel ausgegeben, aber der Schlüsselspeicher ({keychain}) blieb nicht verfügbar ({reason}). JTL-Wawi gibt einen Schlüssel nur einmal aus.',
      next: `Entsperren oder reparieren Sie den Schlüsselspeicher. Entfernen Sie dann die App in JTL-Wawi (${MENU_DE}) und registrieren Sie sie erneut.`,
    },
  },
  'storage-failed': {
    en: {
      title: 'Could not save on this computer',
      detail: 'Writing {path} failed ({reason}).',
      next: 'Free some disk space or check the folder permissions, then try again. Nothing already saved was lost.',
    },
    de: {
      title: 'Speichern auf diesem Computer fehlgeschlagen',
      detail: 'Schreiben von {path} ist fehlgeschlagen ({reason}).',
      next: 'Geben Sie Speicherplatz frei oder prüfen Sie die Ordnerrechte und versuchen Sie es erneut. Bereits Gespeichertes ging nicht verloren.',
    },
  },
  'not-registered': {
    en: {
      title: 'No such registration on this computer',
      detail: 'There is no key for {appId} at {address} on this computer.',
      next: 'Run "wawi-register list" to see the registrations here, or register the app first.',
    },
    de: {
      title: 'Keine solche Registrierung auf diesem Computer',
      detail: 'Für {appId} bei {address} ist auf diesem Computer kein Schlüssel gespeichert.',
      next: 'Mit „wawi-register list“ sehen Sie die Registrierungen hier, oder registrieren Sie die App zuerst.',
    },
  },
  'no-server-found': {
    en: {
      title: 'No Wawi server found',
      detail: 'No JTL-Wawi REST server answered on this computer (ports 5883 and 64110).',
      next: 'Start the JTL-Wawi REST server, or enter its address (for example http://wawi-server:5883).',
    },
    de: {
      title: 'Kein Wawi-Server gefunden',
      detail: 'Auf diesem Computer hat kein JTL-Wawi REST-Server geantwortet (Ports 5883 und 64110).',
      next: 'Starten Sie den JTL-Wawi REST-Server, oder geben Sie seine Adresse ein (zum Beispiel http://wawi-server:5883).',
    },
  },
  'several-servers': {
    en: {
      title: 'Several Wawi servers found',
      detail: 'Found: {servers}.',
      next: 'Choose one with --wawi <address>.',
    },
    de: {
      title: 'Mehrere Wawi-Server gefunden',
      detail: 'Gefunden: {servers}.',
      next: 'Wählen Sie einen mit --wawi <Adresse>.',
    },
  },
  'invalid-address': {
    en: {
      title: 'This address is not usable',
      detail: '{reason}',
      next: 'Enter it like 127.0.0.1:5883 or http://wawi-server:5883/api/eazybusiness.',
    },
    de: {
      title: 'Diese Adresse ist nicht verwendbar',
      detail: '{reason}',
      next: 'Geben Sie sie so ein: 127.0.0.1:5883 oder http://wawi-server:5883/api/eazybusiness.',
    },
  },
  'invalid-input': {
    en: { title: 'Invalid input', detail: '{reason}', next: 'Correct the input and try again.' },
    de: {
      title: 'Ungültige Eingabe',
      detail: '{reason}',
      next: 'Korrigieren Sie die Eingabe und versuchen Sie es erneut.',
    },
  },
  internal: {
    en: {
      title: 'Something went wrong',
      detail: 'An unexpected error occurred: {reason}',
      next: 'Try again. If it happens again, send the log file to the app vendor (it contains no keys).',
    },
    de: {
      title: 'Etwas ist schiefgelaufen',
      detail: 'Ein unerwarteter Fehler ist aufgetreten: {reason}',
      next: 'Versuchen Sie es erneut. Wenn es wieder passiert, senden Sie die Protokolldatei an den Anbieter der App (sie enthält keine Schlüssel).',
    },
  },
};

/** Other wordings of an outcome, chosen by `params.variant`. Only the parts that differ. */
const VARIANTS: Partial<Record<ErrorCode, Record<string, Record<Lang, Partial<ErrorText>>>>> = {
  'timed-out': {
    removal: {
      en: {
        title: 'The app was not removed in time',
        detail: 'The old key still worked after {timeout}: the app was not removed in JTL-Wawi.',
        next: `Remove the app in JTL-Wawi (${MENU_DE}) and start again. Nothing was changed on this computer.`,
      },
      de: {
        title: 'Die App wurde nicht rechtzeitig entfernt',
        detail:
          'Der alte Schlüssel funktionierte nach {timeout} noch: Die App wurde in JTL-Wawi nicht entfernt.',
        next: `Entfernen Sie die App in JTL-Wawi (${MENU_DE}) und beginnen Sie erneut. Auf diesem Computer wurde nichts geändert.`,
      },
    },
  },
};

/** Advice that names what to click or type, per surface. */
const SURFACE_NEXT: Partial<Record<ErrorCode, Record<Surface, Record<Lang, string>>>> = {
  'tls-untrusted': {
    cli: {
      en: 'Compare the fingerprint with the certificate on the Wawi server. If they match, register with --allow-self-signed (pins it on first use) or --certificate-fingerprint <SHA-256>; for a registration made earlier, run "wawi-register trust --app {appId}".',
      de: 'Vergleichen Sie den Fingerabdruck mit dem Zertifikat auf dem Wawi-Server. Stimmen sie überein, registrieren Sie mit --allow-self-signed (legt es bei der ersten Verbindung fest) oder --certificate-fingerprint <SHA-256>; für eine frühere Registrierung führen Sie „wawi-register trust --app {appId}“ aus.',
    },
    app: {
      en: 'Compare the fingerprint with the certificate on the Wawi server. If they match, choose "Trust this certificate".',
      de: 'Vergleichen Sie den Fingerabdruck mit dem Zertifikat auf dem Wawi-Server. Stimmen sie überein, wählen Sie „Diesem Zertifikat vertrauen“.',
    },
  },
  'certificate-changed': {
    cli: {
      en: 'If the certificate of the Wawi REST server was renewed, compare the new fingerprint on the server and run "wawi-register trust --app {appId}". If nobody renewed it, another computer may be posing as your Wawi: do not go on, and tell your IT.',
      de: 'Wenn das Zertifikat des Wawi REST-Servers erneuert wurde, vergleichen Sie den neuen Fingerabdruck auf dem Server und führen Sie „wawi-register trust --app {appId}“ aus. Wenn niemand es erneuert hat, gibt sich womöglich ein anderer Computer als Ihre Wawi aus: Fahren Sie nicht fort und informieren Sie Ihre IT.',
    },
    app: {
      en: 'If the certificate of the Wawi REST server was renewed, compare the new fingerprint on the server and choose "Trust the new certificate". If nobody renewed it, another computer may be posing as your Wawi: do not go on, and tell your IT.',
      de: 'Wenn das Zertifikat des Wawi REST-Servers erneuert wurde, vergleichen Sie den neuen Fingerabdruck auf dem Server und wählen Sie „Dem neuen Zertifikat vertrauen“. Wenn niemand es erneuert hat, gibt sich womöglich ein anderer Computer als Ihre Wawi aus: Fahren Sie nicht fort und informieren Sie Ihre IT.',
    },
  },
  'insecure-http': {
    cli: {
      en: 'Use the server\'s https address. Only if that is not possible, add --allow-insecure-http when registering, or run "wawi-register trust --app {appId} --allow-insecure-http" for a registration made earlier.',
      de: 'Verwenden Sie die https-Adresse des Servers. Nur wenn das nicht möglich ist, geben Sie beim Registrieren --allow-insecure-http an, oder führen Sie für eine frühere Registrierung „wawi-register trust --app {appId} --allow-insecure-http“ aus.',
    },
    app: {
      en: 'Use the server\'s https address. Only if that is not possible, choose "Connect unencrypted" after reading the warning.',
      de: 'Verwenden Sie die https-Adresse des Servers. Nur wenn das nicht möglich ist, wählen Sie nach dem Lesen des Hinweises „Unverschlüsselt verbinden“.',
    },
  },
};

/** What to do when a flow stopped but its request is still waiting in Wawi and kept here. */
const PENDING_KEPT: Record<Surface, Record<Lang, string>> = {
  cli: {
    en: 'The request is still waiting in JTL-Wawi and is kept on this computer. Once it is accepted there, run "wawi-register resume" to collect the key.',
    de: 'Die Anfrage wartet weiter in JTL-Wawi und bleibt auf diesem Computer gespeichert. Sobald sie dort angenommen ist, holt „wawi-register resume“ den Schlüssel ab.',
  },
  app: {
    en: 'The request is still waiting in JTL-Wawi and is kept on this computer. Once it is accepted there, open this helper again: it collects the key.',
    de: 'Die Anfrage wartet weiter in JTL-Wawi und bleibt auf diesem Computer gespeichert. Sobald sie dort angenommen ist, öffnen Sie diesen Helfer erneut: Er holt den Schlüssel ab.',
  },
};

/** The keychain's own name per platform, and how to make it usable. */
const KEYCHAINS: Record<'win32' | 'darwin' | 'linux', Record<Lang, { keychain: string; unlock: string }>> = {
  win32: {
    en: {
      keychain: 'Windows Credential Manager',
      unlock: 'Log in to Windows with your own account (not as a service), then try again.',
    },
    de: {
      keychain: 'Windows-Anmeldeinformationsverwaltung',
      unlock:
        'Melden Sie sich mit Ihrem eigenen Konto an Windows an (nicht als Dienst) und versuchen Sie es erneut.',
    },
  },
  darwin: {
    en: {
      keychain: 'macOS Keychain',
      unlock: 'Unlock the login keychain (Keychain Access), then try again.',
    },
    de: {
      keychain: 'macOS-Schlüsselbund',
      unlock:
        'Entsperren Sie den Anmeldeschlüsselbund (Schlüsselbundverwaltung) und versuchen Sie es erneut.',
    },
  },
  linux: {
    en: {
      keychain: 'Secret Service / GNOME Keyring',
      unlock:
        'Unlock the login keyring (for example in "Passwords and Keys", or by logging in to the desktop), then try again.',
    },
    de: {
      keychain: 'Secret Service / GNOME-Schlüsselbund',
      unlock:
        'Entsperren Sie den Anmelde-Schlüsselbund (zum Beispiel unter „Passwörter und Verschlüsselung“ oder durch Anmelden am Desktop) und versuchen Sie es erneut.',
    },
  },
};

function keychainParams(platform: string | undefined, lang: Lang) {
  const p = platform === 'win32' || platform === 'darwin' ? platform : 'linux';
  return KEYCHAINS[p][lang];
}

/** The name of the platform's keychain, as the merchant knows it. */
export function keychainName(platform: string, lang: Lang): string {
  return keychainParams(platform, lang).keychain;
}

export function errorText(
  err: Pick<SerializedError, 'code' | 'params' | 'fields' | 'status'>,
  lang: Lang,
  surface: Surface = 'cli',
): ErrorText {
  const variant = err.params?.variant;
  const t = { ...TEXTS[err.code][lang], ...(variant ? VARIANTS[err.code]?.[variant]?.[lang] : {}) };
  const surfaceNext = SURFACE_NEXT[err.code]?.[surface][lang];
  if (surfaceNext) t.next = surfaceNext;
  if (err.params?.pendingKept === 'true') t.next = PENDING_KEPT[surface][lang];
  if (err.params?.pendingKept === 'unconfirmed') t.next = TEXTS['request-unconfirmed'][lang].next;
  const params: Params = {
    status: err.status !== undefined ? String(err.status) : undefined,
    fields: err.fields ? Object.keys(err.fields).join(', ') : undefined,
    ...keychainParams(err.params?.platform, lang),
    ...err.params,
    ...(err.params?.startedAt ? { startedAt: formatDateTime(err.params.startedAt, lang) } : {}),
    ...(err.params?.appId ? {} : { appId: '<AppId>' }),
  };
  return { title: fill(t.title, params), detail: fill(t.detail, params), next: fill(t.next, params) };
}
