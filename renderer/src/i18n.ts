// The wizard's words in German and English. Error texts come from shared/errors.ts.
import { createContext, useContext } from 'react';
import type { Lang } from '../../shared/lang';

const en = {
  appTitle: 'Wawi Registration Helper',
  language: 'Language',
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  loading: 'Loading…',
  back: 'Back',
  continue: 'Continue',
  cancel: 'Cancel',
  close: 'Close',
  tryAgain: 'Try again',
  startOver: 'Start again',
  manage: 'Manage registrations',

  connectTitle: 'Connect to your JTL-Wawi',
  connectIntro: 'Choose the JTL-Wawi REST server this app should use.',
  searching: 'Searching this computer for Wawi servers…',
  found: (n: number) => (n === 1 ? 'One Wawi server found.' : `${n} Wawi servers found.`),
  noneFound: 'No Wawi server was found on this computer (ports 5883 and 64110). Enter its address below.',
  serversLegend: 'Wawi server',
  serverLine: (db: string, version?: string) => `Database ${db}${version ? ` · JTL-Wawi ${version}` : ''}`,
  otherAddress: 'Another address',
  addressLabel: 'Address of the Wawi REST server',
  addressHint: 'For example 127.0.0.1:5883 or http://wawi-server:5883/api/eazybusiness',
  searchAgain: 'Search again',
  checking: 'Checking the server…',
  checkAndContinue: 'Check and continue',

  reviewTitle: 'Review the app',
  reviewIntro: 'This app asks for access to your JTL-Wawi. Check who it is from and what it may do.',
  provider: 'Provider',
  website: 'Website',
  openWebsite: 'Open website',
  version: 'Version',
  mandatoryScopes: 'Always needs',
  optionalScopes: 'May ask for (you decide in Wawi)',
  noScopes: 'None',

  prepareTitle: 'Prepare JTL-Wawi',
  prepareIntro: 'Open the registration dialog in JTL-Wawi first. It waits for the request.',
  prepareSteps: [
    'Open JTL-Wawi.',
    'Choose Admin → App-Registrierung.',
    'Click "Hinzufügen".',
    'Click "Weiter". The dialog "Registrierung beginnen" now waits.',
  ],
  prepareReady: 'When the dialog waits, send the request.',
  send: 'Send request',
  sending: 'Sending…',

  waitingTitle: 'Accept the request in JTL-Wawi',
  dialogTitle: 'Open the registration dialog in JTL-Wawi',
  dialogSteps: ['In JTL-Wawi open Admin → App-Registrierung.', 'Click „Hinzufügen“, then „Weiter“.'],
  waitingForDialog: 'The request is sent as soon as the dialog waits.',
  lookFor: 'In the Wawi dialog, look for this request. Wawi shows it like this:',
  factVersion: 'Version',
  factAppId: 'App ID',
  factServer: 'Sent to',
  factMandant: 'Mandant',
  factSentAt: 'Sent',
  twoRequests:
    'Does JTL-Wawi show this app twice? Then a request from an earlier attempt is waiting too: accept one and reject the other. The helper collects the key of the request it sent.',
  by: 'by',
  acceptSteps: ['Check the permissions.', 'Accept the request.'],
  stillWaiting: 'Waiting for your decision in JTL-Wawi',
  retrying: (why: string, s: number) => `${why}. Trying again in ${s} s.`,
  storing: 'Accepted. Storing the key safely…',
  keyWaitingTitle: 'Accepted, but the key is not stored yet',
  keyWaitingText:
    'JTL-Wawi accepted the registration and handed out the key. Your keychain refuses it right now, so it is kept in memory only and stored as soon as the keychain allows.',
  retryNow: 'Retry',
  keepTrying: 'Keep trying',
  giveUpKey: 'Give up the key',
  giveUpWarning:
    'If you give up now, the key is lost: JTL-Wawi hands it out only once. The app then has to be removed in JTL-Wawi and registered again.',
  discardAndStartOver: 'Discard and start again',
  discardRequest: 'Discard the request',
  keepRequest: 'Keep it',
  discardWarning:
    'If the request is accepted in JTL-Wawi after you discard it here, its key can no longer be collected: reject it in JTL-Wawi instead, or keep it.',
  verifying: 'Checking the new key…',

  doneTitle: 'The app is connected',
  advanced: 'Advanced',
  copyWarning:
    'The key gives full access to the Wawi API as this app, with all the permissions above. Never paste it into an e-mail, a ticket or a chat.',
  doneIntro: (name: string) => `${name} can now use your JTL-Wawi.`,
  keyStored: 'The key is stored in',
  keychain: (platform: string): string =>
    platform === 'win32'
      ? 'the Windows Credential Manager'
      : platform === 'darwin'
        ? 'the macOS Keychain'
        : 'the system keyring',
  entryName: 'Entry',
  verifiedWorks: 'The key was checked and works.',
  verifiedScope: 'The key works; it may not read companies (that permission was not granted).',
  verifiedRejected: 'Warning: JTL-Wawi does not accept the key.',
  verifiedUnknown: 'The key could not be checked right now; it is stored.',
  granted: 'Granted permissions',
  copyKey: 'Copy key',
  copyHint: 'Only if the app vendor asks you to paste it somewhere.',

  failureTitle: 'That did not work',
  addressTried: 'Address tried',

  manageTitle: 'Registrations on this computer',
  manageIntro:
    'Apps connected to a JTL-Wawi from this computer. Keys stay in the keychain; this list never shows them.',
  none: 'No registrations on this computer yet.',
  registerApp: 'Register this app',
  checkAll: 'Check all',
  colApp: 'App',
  colServer: 'Wawi server',
  colKey: 'Key',
  status: {
    works: 'Works',
    rejected: 'Rejected (401)',
    'missing-scope': 'Works, permission missing',
    unreachable: 'Server unreachable',
    unknown: 'Not checked',
  } as Record<string, string>,
  verify: 'Check',
  rotate: 'Rotate key',
  addInstance: 'Register another instance',
  instance: (n: number) => `Instance ${n}`,
  revoke: 'Revoke',
  forget: 'Remove from this computer',
  forgetTitle: 'Forget on this computer only?',
  forgetText: (name: string) =>
    `The key of ${name} is deleted from this computer. The app stays registered in JTL-Wawi; remove it there (Admin → App-Registrierung) if it should lose access.`,
  forgetConfirm: 'Forget on this computer',
  forgotten: 'Forgotten on this computer.',

  rotateTitle: 'Rotate the key',
  revokeTitle: 'Revoke access',
  removeSteps: (name: string) => [
    'Open JTL-Wawi: Admin → App-Registrierung.',
    `Select "${name}" and click "Entfernen".`,
  ],
  rotateMore: ['Then click "Hinzufügen" and "Weiter", so Wawi waits for the new registration.'],
  rotateWhy:
    'JTL-Wawi keeps one key per app: the old registration has to be removed before a new key can be issued. The old key stays here until the new one is stored.',
  revokeWhy: 'The helper waits until JTL-Wawi rejects the key, then deletes it from this computer.',
  waitingRemoval: 'Waiting until the old key stops working',
  removed: 'I have removed it',
  oldKeyDead: 'The old key no longer works.',
  waitingDialog:
    'The old key no longer works. Now click "Hinzufügen" and "Weiter" in JTL-Wawi; the request is sent as soon as the dialog waits.',
  revokedTitle: 'The access is revoked',
  revokedText: (name: string) => `${name} was removed in JTL-Wawi and its key deleted from this computer.`,
  rotatedTitle: 'The key was rotated',
};

export type Texts = typeof en;

const de: Texts = {
  appTitle: 'Wawi-Registrierungshelfer',
  language: 'Sprache',
  stepOf: (n, total) => `Schritt ${n} von ${total}`,
  loading: 'Wird geladen…',
  back: 'Zurück',
  continue: 'Weiter',
  cancel: 'Abbrechen',
  close: 'Schließen',
  tryAgain: 'Erneut versuchen',
  startOver: 'Neu beginnen',
  manage: 'Registrierungen verwalten',

  connectTitle: 'Mit Ihrer JTL-Wawi verbinden',
  connectIntro: 'Wählen Sie den JTL-Wawi-REST-Server, den diese App nutzen soll.',
  searching: 'Dieser Computer wird nach Wawi-Servern durchsucht…',
  found: (n) => (n === 1 ? 'Ein Wawi-Server gefunden.' : `${n} Wawi-Server gefunden.`),
  noneFound:
    'Auf diesem Computer wurde kein Wawi-Server gefunden (Ports 5883 und 64110). Geben Sie unten seine Adresse ein.',
  serversLegend: 'Wawi-Server',
  serverLine: (db, version) => `Datenbank ${db}${version ? ` · JTL-Wawi ${version}` : ''}`,
  otherAddress: 'Andere Adresse',
  addressLabel: 'Adresse des Wawi-REST-Servers',
  addressHint: 'Zum Beispiel 127.0.0.1:5883 oder http://wawi-server:5883/api/eazybusiness',
  searchAgain: 'Erneut suchen',
  checking: 'Der Server wird geprüft…',
  checkAndContinue: 'Prüfen und weiter',

  reviewTitle: 'App prüfen',
  reviewIntro: 'Diese App möchte auf Ihre JTL-Wawi zugreifen. Prüfen Sie, von wem sie ist und was sie darf.',
  provider: 'Anbieter',
  website: 'Website',
  openWebsite: 'Website öffnen',
  version: 'Version',
  mandatoryScopes: 'Benötigt immer',
  optionalScopes: 'Kann anfragen (Sie entscheiden in Wawi)',
  noScopes: 'Keine',

  prepareTitle: 'JTL-Wawi vorbereiten',
  prepareIntro: 'Öffnen Sie zuerst den Registrierungsdialog in JTL-Wawi. Er wartet auf die Anfrage.',
  prepareSteps: [
    'Öffnen Sie JTL-Wawi.',
    'Wählen Sie Admin → App-Registrierung.',
    'Klicken Sie auf „Hinzufügen“.',
    'Klicken Sie auf „Weiter“. Der Dialog „Registrierung beginnen“ wartet jetzt.',
  ],
  prepareReady: 'Wenn der Dialog wartet, senden Sie die Anfrage.',
  send: 'Anfrage senden',
  sending: 'Wird gesendet…',

  waitingTitle: 'Nehmen Sie die Anfrage in JTL-Wawi an',
  dialogTitle: 'Öffnen Sie den Registrierungsdialog in JTL-Wawi',
  dialogSteps: [
    'Öffnen Sie in JTL-Wawi Admin → App-Registrierung.',
    'Klicken Sie auf „Hinzufügen“ und dann auf „Weiter“.',
  ],
  waitingForDialog: 'Die Anfrage wird gesendet, sobald der Dialog wartet.',
  lookFor: 'Suchen Sie im Wawi-Dialog nach dieser Anfrage. Wawi zeigt sie so an:',
  factVersion: 'Version',
  factAppId: 'App-ID',
  factServer: 'Gesendet an',
  factMandant: 'Mandant',
  factSentAt: 'Gesendet',
  twoRequests:
    'Zeigt JTL-Wawi diese App zweimal an? Dann wartet auch eine Anfrage aus einem früheren Versuch: Nehmen Sie eine an und lehnen Sie die andere ab. Der Helfer holt den Schlüssel der Anfrage ab, die er gesendet hat.',
  by: 'von',
  acceptSteps: ['Prüfen Sie die Berechtigungen.', 'Nehmen Sie die Anfrage an.'],
  stillWaiting: 'Warten auf Ihre Entscheidung in JTL-Wawi',
  retrying: (why, s) => `${why}. Neuer Versuch in ${s} s.`,
  storing: 'Angenommen. Der Schlüssel wird sicher gespeichert…',
  keyWaitingTitle: 'Angenommen, aber der Schlüssel ist noch nicht gespeichert',
  keyWaitingText:
    'JTL-Wawi hat die Registrierung angenommen und den Schlüssel ausgegeben. Ihr Schlüsselspeicher lehnt ihn gerade ab; er liegt deshalb nur im Arbeitsspeicher und wird gespeichert, sobald der Schlüsselspeicher es zulässt.',
  retryNow: 'Erneut versuchen',
  keepTrying: 'Weiter versuchen',
  giveUpKey: 'Schlüssel aufgeben',
  giveUpWarning:
    'Wenn Sie jetzt aufgeben, ist der Schlüssel verloren: JTL-Wawi gibt ihn nur einmal aus. Die App muss dann in JTL-Wawi entfernt und neu registriert werden.',
  discardAndStartOver: 'Verwerfen und neu beginnen',
  discardRequest: 'Anfrage verwerfen',
  keepRequest: 'Behalten',
  discardWarning:
    'Wird die Anfrage in JTL-Wawi angenommen, nachdem Sie sie hier verworfen haben, lässt sich ihr Schlüssel nicht mehr abholen: Lehnen Sie sie stattdessen in JTL-Wawi ab, oder behalten Sie sie.',
  verifying: 'Der neue Schlüssel wird geprüft…',

  doneTitle: 'Die App ist verbunden',
  advanced: 'Erweitert',
  copyWarning:
    'Der Schlüssel gibt vollen Zugriff auf die Wawi-API als diese App, mit allen Berechtigungen oben. Fügen Sie ihn nie in eine E-Mail, ein Ticket oder einen Chat ein.',
  doneIntro: (name) => `${name} kann jetzt Ihre JTL-Wawi nutzen.`,
  keyStored: 'Der Schlüssel liegt in',
  keychain: (platform) =>
    platform === 'win32'
      ? 'der Windows-Anmeldeinformationsverwaltung'
      : platform === 'darwin'
        ? 'dem macOS-Schlüsselbund'
        : 'dem Schlüsselbund des Systems',
  entryName: 'Eintrag',
  verifiedWorks: 'Der Schlüssel wurde geprüft und funktioniert.',
  verifiedScope:
    'Der Schlüssel funktioniert; Firmen darf die App nicht lesen (diese Berechtigung wurde nicht erteilt).',
  verifiedRejected: 'Achtung: JTL-Wawi akzeptiert den Schlüssel nicht.',
  verifiedUnknown: 'Der Schlüssel konnte gerade nicht geprüft werden; er ist gespeichert.',
  granted: 'Erteilte Berechtigungen',
  copyKey: 'Schlüssel kopieren',
  copyHint: 'Nur, wenn der Anbieter der App Sie bittet, ihn irgendwo einzufügen.',

  failureTitle: 'Das hat nicht geklappt',
  addressTried: 'Versuchte Adresse',

  manageTitle: 'Registrierungen auf diesem Computer',
  manageIntro:
    'Apps, die von diesem Computer aus mit einer JTL-Wawi verbunden sind. Die Schlüssel bleiben im Schlüsselspeicher; diese Liste zeigt sie nie.',
  none: 'Noch keine Registrierungen auf diesem Computer.',
  registerApp: 'Diese App registrieren',
  checkAll: 'Alle prüfen',
  colApp: 'App',
  colServer: 'Wawi-Server',
  colKey: 'Schlüssel',
  status: {
    works: 'Funktioniert',
    rejected: 'Abgelehnt (401)',
    'missing-scope': 'Funktioniert, Berechtigung fehlt',
    unreachable: 'Server nicht erreichbar',
    unknown: 'Nicht geprüft',
  },
  verify: 'Prüfen',
  rotate: 'Schlüssel erneuern',
  addInstance: 'Weitere Instanz registrieren',
  instance: (n: number) => `Instanz ${n}`,
  revoke: 'Widerrufen',
  forget: 'Von diesem Computer entfernen',
  forgetTitle: 'Nur auf diesem Computer vergessen?',
  forgetText: (name) =>
    `Der Schlüssel von ${name} wird von diesem Computer gelöscht. Die App bleibt in JTL-Wawi registriert; entfernen Sie sie dort (Admin → App-Registrierung), wenn sie keinen Zugriff mehr haben soll.`,
  forgetConfirm: 'Auf diesem Computer vergessen',
  forgotten: 'Auf diesem Computer vergessen.',

  rotateTitle: 'Schlüssel erneuern',
  revokeTitle: 'Zugriff widerrufen',
  removeSteps: (name) => [
    'Öffnen Sie JTL-Wawi: Admin → App-Registrierung.',
    `Wählen Sie „${name}“ und klicken Sie auf „Entfernen“.`,
  ],
  rotateMore: [
    'Klicken Sie danach auf „Hinzufügen“ und „Weiter“, damit Wawi auf die neue Registrierung wartet.',
  ],
  rotateWhy:
    'JTL-Wawi vergibt einen Schlüssel pro App: Die alte Registrierung muss entfernt werden, bevor ein neuer Schlüssel ausgegeben werden kann. Der alte Schlüssel bleibt hier, bis der neue gespeichert ist.',
  revokeWhy:
    'Der Helfer wartet, bis JTL-Wawi den Schlüssel ablehnt, und löscht ihn dann von diesem Computer.',
  waitingRemoval: 'Warten, bis der alte Schlüssel nicht mehr funktioniert',
  removed: 'Ich habe sie entfernt',
  oldKeyDead: 'Der alte Schlüssel funktioniert nicht mehr.',
  waitingDialog:
    'Der alte Schlüssel funktioniert nicht mehr. Klicken Sie jetzt in JTL-Wawi auf „Hinzufügen“ und „Weiter“; die Anfrage wird gesendet, sobald der Dialog wartet.',
  revokedTitle: 'Der Zugriff ist widerrufen',
  revokedText: (name) => `${name} wurde in JTL-Wawi entfernt und ihr Schlüssel von diesem Computer gelöscht.`,
  rotatedTitle: 'Der Schlüssel wurde erneuert',
};

export const TEXTS: Record<Lang, Texts> = { en, de };

export const I18n = createContext<{ lang: Lang; t: Texts }>({ lang: 'en', t: en });
export const useI18n = () => useContext(I18n);
