// Advice that depends on more than the code: what to click or type per surface, a request kept after a
// stop, and each platform's keychain. Other wordings of an outcome are in ./variants.ts.
import type { Lang } from '../lang';
import { quoteButton } from '../ui-terms';
import type { ErrorCode } from './meta';
import type { Surface } from './text-types';

/** No manifest to go on with: how to give one, per surface. */
const GIVE_THE_MANIFEST: Record<Surface, Record<Lang, string>> = {
  cli: {
    en: 'Give the app manifest with --manifest <file>.',
    de: 'Geben Sie das App-Manifest mit --manifest <Datei> an.',
  },
  app: {
    en: "Open this helper from the app's own setup or settings: it brings the manifest along.",
    de: 'Öffnen Sie diesen Helfer aus der Einrichtung oder den Einstellungen der App: Sie bringt das Manifest mit.',
  },
};

/** Advice that names what to click or type, per surface; `<code>/<variant>` for one variant. */
export const SURFACE_NEXT: Partial<
  Record<ErrorCode | `${ErrorCode}/${string}`, Record<Surface, Record<Lang, string>>>
> = {
  'manifest-invalid/not-kept': GIVE_THE_MANIFEST,
  'manifest-invalid/no-manifest': GIVE_THE_MANIFEST,
  'not-registered': {
    cli: {
      en: 'Run "wawi-register list" to see the registrations here, or register the app first.',
      de: 'Mit „wawi-register list“ sehen Sie die Registrierungen hier, oder registrieren Sie die App zuerst.',
    },
    app: {
      en: 'Open "Manage registrations" to see the registrations on this computer, or register the app first.',
      de: 'Unter „Registrierungen verwalten“ sehen Sie die Registrierungen auf diesem Computer, oder registrieren Sie die App zuerst.',
    },
  },
  'several-servers': {
    cli: {
      en: 'Choose one with --wawi <address>.',
      de: 'Wählen Sie einen mit --wawi <Adresse>.',
    },
    app: {
      en: 'Choose the one this app should use from the list.',
      de: 'Wählen Sie in der Liste den Server, den diese App nutzen soll.',
    },
  },
  'tls-untrusted': {
    cli: {
      en: 'Compare the fingerprint with the certificate on the Wawi REST server. If they match, register with --allow-self-signed (pins it on first use) or --certificate-fingerprint <SHA-256>; for a registration made earlier, run "wawi-register trust --app {appId}".',
      de: 'Vergleichen Sie den Fingerabdruck mit dem Zertifikat auf dem Wawi-REST-Server. Stimmen sie überein, registrieren Sie mit --allow-self-signed (legt es bei der ersten Verbindung fest) oder --certificate-fingerprint <SHA-256>; für eine frühere Registrierung führen Sie „wawi-register trust --app {appId}“ aus.',
    },
    app: {
      en: `Compare the fingerprint with the certificate on the Wawi REST server. If they match, choose ${quoteButton('trustCertificate', 'en')}.`,
      de: `Vergleichen Sie den Fingerabdruck mit dem Zertifikat auf dem Wawi-REST-Server. Stimmen sie überein, wählen Sie ${quoteButton('trustCertificate', 'de')}.`,
    },
  },
  'certificate-changed': {
    cli: {
      en: 'If the certificate of the Wawi REST server was renewed, compare the new fingerprint on the server and run "wawi-register trust --app {appId}". If nobody renewed it, another computer may be posing as your Wawi: do not go on, and tell your IT.',
      de: 'Wenn das Zertifikat des Wawi-REST-Servers erneuert wurde, vergleichen Sie den neuen Fingerabdruck auf dem Server und führen Sie „wawi-register trust --app {appId}“ aus. Wenn niemand es erneuert hat, gibt sich womöglich ein anderer Computer als Ihre Wawi aus: Fahren Sie nicht fort und informieren Sie Ihre IT.',
    },
    app: {
      en: `If the certificate of the Wawi REST server was renewed, compare the new fingerprint on the server and choose ${quoteButton('trustNewCertificate', 'en')}. If nobody renewed it, another computer may be posing as your Wawi: do not go on, and tell your IT.`,
      de: `Wenn das Zertifikat des Wawi-REST-Servers erneuert wurde, vergleichen Sie den neuen Fingerabdruck auf dem Server und wählen Sie ${quoteButton('trustNewCertificate', 'de')}. Wenn niemand es erneuert hat, gibt sich womöglich ein anderer Computer als Ihre Wawi aus: Fahren Sie nicht fort und informieren Sie Ihre IT.`,
    },
  },
  'insecure-http': {
    cli: {
      en: 'Use the server\'s https address. Only if that is not possible, add --allow-insecure-http when registering, or run "wawi-register trust --app {appId} --allow-insecure-http" for a registration made earlier.',
      de: 'Verwenden Sie die https-Adresse des Servers. Nur wenn das nicht möglich ist, geben Sie beim Registrieren --allow-insecure-http an, oder führen Sie für eine frühere Registrierung „wawi-register trust --app {appId} --allow-insecure-http“ aus.',
    },
    app: {
      en: `Use the server's https address. Only if that is not possible, choose ${quoteButton('connectUnencrypted', 'en')} after reading the warning.`,
      de: `Verwenden Sie die https-Adresse des Servers. Nur wenn das nicht möglich ist, wählen Sie nach dem Lesen des Hinweises ${quoteButton('connectUnencrypted', 'de')}.`,
    },
  },
};

/** What to do when a flow stopped but its request is still waiting in Wawi and kept here. */
export const PENDING_KEPT: Record<Surface, Record<Lang, string>> = {
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
export const KEYCHAINS: Record<
  'win32' | 'darwin' | 'linux',
  Record<Lang, { keychain: string; unlock: string }>
> = {
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
