// Other wordings of an outcome, chosen by `params.variant`: why an address or a manifest file is not
// usable, a locked keychain, a stale signature, a timed-out removal, a CA-trusted server's new
// certificate. Only the parts that differ.
import type { Lang } from '../lang';
import type { ErrorCode } from './meta';
import { type ErrorText, MENU } from './text-types';

export const VARIANTS: Partial<Record<ErrorCode, Record<string, Record<Lang, Partial<ErrorText>>>>> = {
  'signature-unavailable': {
    // The provider answered, but with a signature JTL-Wawi would refuse: too old or from the future.
    stale: {
      en: {
        detail:
          "This app is certified by JTL and needs a fresh signature for every registration. The signing service at {provider} sent one dated {signedAt}, more than 10 minutes from this computer's clock, which JTL-Wawi would refuse. Nothing was sent to JTL-Wawi.",
        next: "Check that the date and time of this computer are right (Windows: Settings → Time & language → Set time automatically), then try again. If they are, tell the app vendor: their signing service's clock is wrong.",
      },
      de: {
        detail:
          'Diese App ist von JTL zertifiziert und braucht für jede Registrierung eine frische Signatur. Der Signaturdienst unter {provider} hat eine vom {signedAt} geschickt, mehr als 10 Minuten von der Uhr dieses Computers entfernt; JTL-Wawi würde sie ablehnen. An JTL-Wawi wurde nichts gesendet.',
        next: 'Prüfen Sie, ob Datum und Uhrzeit dieses Computers stimmen (Windows: Einstellungen → Zeit und Sprache → Uhrzeit automatisch festlegen), und versuchen Sie es erneut. Stimmen sie, informieren Sie den Anbieter der App: Die Uhr seines Signaturdienstes geht falsch.',
      },
    },
    // A signature written into the manifest when the app was built: stale by the time it is used.
    static: {
      en: {
        detail:
          'The app manifest carries a fixed signature dated {signedAt}. JTL-Wawi accepts a signature only within 10 minutes, so this one would be refused. Nothing was sent to JTL-Wawi.',
        next: 'The app vendor has to sign each registration when it is sent: give the manifest a SignatureProvider instead of a fixed Signature.',
      },
      de: {
        detail:
          'Das App-Manifest enthält eine feste Signatur vom {signedAt}. JTL-Wawi nimmt eine Signatur nur innerhalb von 10 Minuten an; diese würde abgelehnt. An JTL-Wawi wurde nichts gesendet.',
        next: 'Der Anbieter der App muss jede Registrierung beim Senden signieren: Das Manifest braucht statt einer festen Signature einen SignatureProvider.',
      },
    },
  },
  'bad-response': {
    // Every path answered 404: a server answers there, but no API for that Mandant (often a typo).
    'no-api': {
      en: {
        title: 'No JTL-Wawi answers for this Mandant',
        detail:
          'A server answers at {address}, but there is no JTL-Wawi interface for the Mandant "{mandant}".',
        next: 'Check the spelling of the Mandant (the database name, for example eazybusiness) and the address.',
      },
      de: {
        title: 'Für diesen Mandanten antwortet keine JTL-Wawi',
        detail:
          'Unter {address} antwortet ein Server, aber für den Mandanten „{mandant}“ gibt es dort keine JTL-Wawi-Schnittstelle.',
        next: 'Prüfen Sie die Schreibweise des Mandanten (den Datenbanknamen, zum Beispiel eazybusiness) und die Adresse.',
      },
    },
  },
  'already-running': {
    // The running helper runs a registration or key change: the merchant finishes that first.
    busy: {
      en: {
        detail:
          'The Wawi Registration Helper already runs on this computer and is in the middle of a registration or a key change. This launch started nothing; the open window was brought to the front.',
        next: 'Let the merchant finish in the open helper window, then start again.',
      },
      de: {
        detail:
          'Der Wawi Registration Helper läuft auf diesem Computer bereits und ist mitten in einer Registrierung oder einem Schlüsselwechsel. Dieser Aufruf hat nichts gestartet; das geöffnete Fenster wurde in den Vordergrund geholt.',
        next: 'Schließen Sie den Vorgang im geöffneten Fenster des Helfers ab und starten Sie dann erneut.',
      },
    },
    // The running helper did not answer the hand-over, or ended without a result.
    'no-answer': {
      en: {
        detail:
          'The Wawi Registration Helper already runs on this computer, but it did not take this launch over or ended without reporting a result.',
        next: 'Close the helper (also in the Task Manager, if no window shows), then start again.',
      },
      de: {
        detail:
          'Der Wawi Registration Helper läuft auf diesem Computer bereits, hat diesen Aufruf aber nicht übernommen oder wurde ohne Ergebnis beendet.',
        next: 'Schließen Sie den Helfer (falls kein Fenster zu sehen ist, im Task-Manager) und starten Sie dann erneut.',
      },
    },
  },
  cancelled: {
    // The window was closed before the launch's registration or key change ended.
    closed: {
      en: {
        detail: 'The helper was closed before the registration or key change was finished.',
        next: 'Start the helper again to go on. A request that is still waiting in JTL-Wawi is taken up then.',
      },
      de: {
        detail:
          'Der Helfer wurde geschlossen, bevor die Registrierung oder der Schlüsselwechsel abgeschlossen war.',
        next: 'Starten Sie den Helfer erneut, um fortzufahren. Eine Anfrage, die in JTL-Wawi noch wartet, wird dann übernommen.',
      },
    },
    // Cancelled after a request went out and expired in Wawi (its dialog was closed): nothing waits there.
    expired: {
      en: {
        next: 'The request that was sent expired in JTL-Wawi when its dialog was closed; nothing waits there now. You can start again at any time.',
      },
      de: {
        next: 'Die gesendete Anfrage ist in JTL-Wawi verfallen, als der Dialog geschlossen wurde; dort wartet nun nichts mehr. Sie können jederzeit neu beginnen.',
      },
    },
  },
  'certificate-changed': {
    // The registration trusted the server because the OS did (no pin); now it presents a certificate
    // the OS does not trust: not "self-signed, trust it on first use" but a possible impostor.
    ca: {
      en: {
        detail:
          '{address} used to present a certificate this computer trusts. Now it presents one that it does not trust: SHA-256 {fingerprint}, issued to {subject}. The key was not sent.',
      },
      de: {
        detail:
          '{address} hat bisher ein Zertifikat gezeigt, dem dieser Computer vertraut. Jetzt zeigt er eines, dem er nicht vertraut: SHA-256 {fingerprint}, ausgestellt für {subject}. Der Schlüssel wurde nicht gesendet.',
      },
    },
  },
  'instance-not-allowed': {
    // The first registration was rebuilt from the keychain: its request id is not known here.
    'unknown-first': {
      en: {
        detail:
          'A further instance is asked for with the request id of the first registration of {appId}, and this computer no longer knows it (its records were rebuilt from the keychain).',
        next: 'Rotate the key of the first instance once: after that, further instances can be registered here.',
      },
      de: {
        detail:
          'Eine weitere Instanz wird mit der Anfrage-ID der ersten Registrierung von {appId} angefragt, und dieser Computer kennt sie nicht mehr (seine Daten wurden aus dem Schlüsselspeicher wiederhergestellt).',
        next: 'Erneuern Sie einmal den Schlüssel der ersten Instanz: Danach lassen sich hier weitere Instanzen registrieren.',
      },
    },
  },
  'licence-missing': {
    // 402 for a request that carried a signature: JTL did not accept the signature or the licence.
    signed: {
      en: {
        title: 'JTL-Wawi refused the signature or the licence',
        detail:
          'The request was signed by the app vendor, but JTL-Wawi answered that the app is not authorised: the signature was not accepted, or this JTL-Wawi has no licence for the REST API.',
        next: 'Merchant: check the REST API licence in the JTL customer centre. Vendor: check that the app is certified by JTL for this AppId and that the signing service uses the right key.',
      },
      de: {
        title: 'JTL-Wawi hat die Signatur oder die Lizenz abgelehnt',
        detail:
          'Die Anfrage war vom Anbieter der App signiert, aber JTL-Wawi hat geantwortet, dass die App nicht freigegeben ist: Die Signatur wurde nicht angenommen, oder diese JTL-Wawi hat keine Lizenz für die REST-API.',
        next: 'Händler: Prüfen Sie die Lizenz für die REST-API im JTL-Kundencenter. Anbieter: Prüfen Sie, ob die App für diese AppId von JTL zertifiziert ist und der Signaturdienst den richtigen Schlüssel verwendet.',
      },
    },
  },
  'invalid-address': {
    empty: { en: { detail: 'The address is empty.' }, de: { detail: 'Die Adresse ist leer.' } },
    unparsable: {
      en: { detail: '"{address}" is not an address.' },
      de: { detail: '„{address}“ ist keine Adresse.' },
    },
    scheme: {
      en: { detail: 'Only http and https are possible, not {scheme}.' },
      de: { detail: 'Möglich sind nur http und https, nicht {scheme}.' },
    },
    credentials: {
      en: { detail: 'The address must not contain a user name or password.' },
      de: { detail: 'Die Adresse darf keinen Benutzernamen und kein Kennwort enthalten.' },
    },
    query: {
      en: { detail: 'The address must not contain ? or #.' },
      de: { detail: 'Die Adresse darf weder ? noch # enthalten.' },
    },
    'no-host': {
      en: { detail: 'The address has no host.' },
      de: { detail: 'Der Adresse fehlt der Rechnername.' },
    },
    path: {
      en: { detail: 'The path "{path}" is not a Wawi API path; it looks like /api/eazybusiness.' },
      de: { detail: 'Der Pfad „{path}“ ist kein Pfad der Wawi-API; er sieht so aus: /api/eazybusiness.' },
    },
    mandant: {
      en: { detail: '"{database}" is not a possible name of a Mandant.' },
      de: { detail: '„{database}“ ist kein möglicher Name eines Mandanten.' },
    },
  },
  'manifest-invalid': {
    'network-share': {
      en: { detail: 'The app manifest is on a network share. The helper reads it only from this computer.' },
      de: {
        detail:
          'Das App-Manifest liegt auf einer Netzwerkfreigabe. Der Helfer liest es nur von diesem Computer.',
      },
    },
    missing: {
      en: { detail: 'The manifest file {path} does not exist.' },
      de: { detail: 'Die Manifestdatei {path} existiert nicht.' },
    },
    folder: {
      en: { detail: 'The manifest file {path} is a folder, not a file.' },
      de: { detail: 'Die Manifestdatei {path} ist ein Ordner, keine Datei.' },
    },
    'not-a-file': {
      en: { detail: 'The manifest file {path} is not a regular file.' },
      de: { detail: 'Die Manifestdatei {path} ist keine gewöhnliche Datei.' },
    },
    'too-large': {
      en: { detail: 'The manifest file {path} is too large.' },
      de: { detail: 'Die Manifestdatei {path} ist zu groß.' },
    },
    unreadable: {
      en: { detail: 'The manifest file {path} cannot be read.' },
      de: { detail: 'Die Manifestdatei {path} kann nicht gelesen werden.' },
    },
    'not-json': {
      en: { detail: 'The manifest file {path} is not valid JSON (near line {line}, column {column}).' },
      de: { detail: 'Die Manifestdatei {path} ist kein gültiges JSON (bei Zeile {line}, Spalte {column}).' },
    },
    'not-json-anywhere': {
      en: { detail: 'The manifest file {path} is not JSON.' },
      de: { detail: 'Die Manifestdatei {path} ist kein JSON.' },
    },
    'icon-path': {
      en: {
        detail: "AppIconFile must be the name of a file in the manifest's folder ({folder}), not a path.",
      },
      de: {
        detail: 'AppIconFile muss der Name einer Datei im Ordner des Manifests sein ({folder}), kein Pfad.',
      },
    },
    'not-kept': {
      en: { detail: 'The manifest {appId} was registered with is not kept on this computer.' },
      de: { detail: 'Das Manifest, mit dem {appId} registriert wurde, liegt nicht auf diesem Computer.' },
    },
    'no-manifest': {
      en: { detail: 'The helper was started without the manifest of an app.' },
      de: { detail: 'Der Helfer wurde ohne das Manifest einer App gestartet.' },
    },
    'other-app': {
      en: { detail: 'The manifest is for {manifestApp}, not for {appId}.' },
      de: { detail: 'Das Manifest gehört zu {manifestApp}, nicht zu {appId}.' },
    },
  },
  'keychain-unavailable': {
    locked: {
      en: { detail: 'The {keychain} is locked.' },
      de: { detail: 'Der Schlüsselspeicher ({keychain}) ist gesperrt.' },
    },
  },
  'timed-out': {
    // The timeout ran out while the registration request itself was on its way: no complete answer.
    sending: {
      en: {
        detail:
          'JTL-Wawi did not finish answering the registration request within {timeout}. The request may have reached it.',
      },
      de: {
        detail:
          'JTL-Wawi hat die Registrierungsanfrage innerhalb von {timeout} nicht zu Ende beantwortet. Die Anfrage kann dort angekommen sein.',
      },
    },
    removal: {
      en: {
        title: 'The app was not removed in time',
        detail: 'The old key still worked after {timeout}: the app was not removed in JTL-Wawi.',
        next: `Remove the app in JTL-Wawi (${MENU}) and start again. Nothing was changed on this computer.`,
      },
      de: {
        title: 'Die App wurde nicht rechtzeitig entfernt',
        detail:
          'Der alte Schlüssel funktionierte nach {timeout} noch: Die App wurde in JTL-Wawi nicht entfernt.',
        next: `Entfernen Sie die App in JTL-Wawi (${MENU}) und beginnen Sie erneut. Auf diesem Computer wurde nichts geändert.`,
      },
    },
    'removal-unanswered': {
      en: {
        title: 'JTL-Wawi did not answer',
        detail:
          'The Wawi REST server did not answer within {timeout}, so it is not known whether the app was removed there.',
        next: 'Check that the Wawi REST server is running and reachable, then start again. Nothing was changed on this computer.',
      },
      de: {
        title: 'JTL-Wawi hat nicht geantwortet',
        detail:
          'Der Wawi-REST-Server hat innerhalb von {timeout} nicht geantwortet. Ob die App dort entfernt wurde, ist daher nicht bekannt.',
        next: 'Prüfen Sie, ob der Wawi-REST-Server läuft und erreichbar ist, und beginnen Sie erneut. Auf diesem Computer wurde nichts geändert.',
      },
    },
  },
};
