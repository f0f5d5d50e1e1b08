// The wizard's words in German, as a merchant reads them (error texts come from shared/errors/).

import { MENU } from '../../shared/ui-terms';
import { DEFAULT_DATABASE, DEFAULT_PORT, WAWI_PORTS } from '../../shared/wawi-address';
import type { Texts } from './texts-en';

/** Button names, also named in sentences that send the merchant to them. */
const MANAGE = 'Registrierungen verwalten';
const CHECK = 'Prüfen';
const MANAGE_QUOTED = `„${MANAGE}“`;
const CHECK_QUOTED = `„${CHECK}“`;

export const de: Texts = {
  appTitle: 'Wawi-Registrierungshelfer',
  switchLanguage: 'Sprache wechseln',
  stepOf: (n, total) => `Schritt ${n} von ${total}`,
  loading: 'Wird geladen…',
  startFailedTitle: 'Der Helfer konnte nicht starten',
  back: 'Zurück',
  continue: 'Weiter',
  cancel: 'Abbrechen',
  close: 'Schließen',
  tryAgain: 'Erneut versuchen',
  startOver: 'Neu beginnen',
  manage: MANAGE,

  connectTitle: 'Mit Ihrer JTL-Wawi verbinden',
  connectIntro: (name) => `Wählen Sie den Wawi-REST-Server, den ${name} nutzen soll.`,
  searching: 'Dieser Computer wird nach Wawi-Servern durchsucht…',
  found: (n) => (n === 1 ? 'Ein Wawi-REST-Server gefunden.' : `${n} Wawi-REST-Server gefunden.`),
  noneFound: `Auf diesem Computer wurde kein Wawi-REST-Server gefunden (Ports ${WAWI_PORTS.join(' und ')}). Geben Sie unten seine Adresse ein.`,
  serversLegend: 'Wawi-REST-Server',
  serverLine: (db, version) => `Mandant ${db}${version ? ` · JTL-Wawi ${version}` : ''}`,
  otherPcTitle: 'Läuft der Wawi-REST-Server auf einem anderen Computer?',
  otherPcSteps: [
    'Oft läuft er auf dem Computer, auf dem auch die Wawi-Datenbank liegt, nicht an Ihrem Arbeitsplatz. Fragen Sie im Zweifel Ihre IT.',
    `Wählen Sie „Andere Adresse“ und geben Sie den Namen oder die IP-Adresse dieses Computers mit Port und Mandant ein, zum Beispiel http://wawi-server:${DEFAULT_PORT}/api/${DEFAULT_DATABASE}.`,
    'Damit andere Computer ihn erreichen, muss der REST-Server im Netzwerk erreichbar sein und nicht nur auf diesem einen Computer (127.0.0.1). Das stellt Ihre IT beim Start des Dienstes ein.',
  ],
  vendorWebsite: 'Website des Anbieters öffnen',
  mandantUnknown: (typed: string, found: string) =>
    `Auf diesem Wawi-REST-Server gibt es keinen Mandanten „${typed}“. Prüfen Sie die Schreibweise; gefunden wurde „${found}“.`,
  mandantLabel: 'Mandant',
  mandantHint: 'Ändern Sie das nur, wenn die App mit einem anderen Mandanten dieser JTL-Wawi arbeiten soll.',
  otherAddress: 'Andere Adresse',
  addressLabel: 'Adresse des Wawi-REST-Servers',
  addressHint: `Zum Beispiel 127.0.0.1:${DEFAULT_PORT} oder http://wawi-server:${DEFAULT_PORT}/api/${DEFAULT_DATABASE}`,
  searchAgain: 'Erneut suchen',
  checking: 'Der Server wird geprüft…',
  checkAndContinue: 'Prüfen und weiter',

  reviewTitle: 'App prüfen und Anfrage senden',
  reviewIntro:
    'Diese App möchte auf Ihre JTL-Wawi zugreifen. Prüfen Sie, von wem sie ist und was sie darf, und senden Sie dann die Anfrage: Angenommen wird sie in JTL-Wawi.',
  provider: 'Anbieter',
  website: 'Website',
  openWebsite: 'Website öffnen',
  version: 'Version',
  requiredScopes: 'Benötigte Berechtigungen',
  optionalScopes: 'Optionale Berechtigungen',
  optionalHint: 'Die App funktioniert auch ohne sie. Ob sie sie erhält, entscheiden Sie in JTL-Wawi.',
  noScopes: 'Keine',
  scopeCount: (n) => (n === 1 ? '1 Berechtigung' : `${n} Berechtigungen`),
  risk: { delete: 'löscht Daten', write: 'ändert Daten oder löst Aktionen aus', all: 'alle Daten' },
  scopeSummary: (s) => {
    const areas = (n: number) => (n === 1 ? '1 Bereich' : `${n} Bereichen`);
    const parts = [
      s.readsAll ? 'alle Daten lesen' : '',
      s.deletes ? `in ${areas(s.deletes)} löschen` : '',
      s.writes ? `in ${areas(s.writes)} Daten ändern oder Aktionen auslösen` : '',
    ].filter(Boolean);
    return parts.length ? `Darf: ${parts.join(' · ')}` : `Darf nur lesen, in ${areas(s.areas)}`;
  },
  nextTitle: 'So geht es weiter',
  nextText: `Öffnen Sie in JTL-Wawi ${MENU} und klicken Sie auf „Hinzufügen“ und dann auf „Weiter“. Sobald der Dialog wartet, erscheint die Anfrage dort; Sie können ihn vor oder nach dem Senden öffnen.`,
  send: 'Anfrage senden',
  sending: 'Wird gesendet…',

  waitingTitle: 'Nehmen Sie die Anfrage in JTL-Wawi an',
  dialogTitle: 'Öffnen Sie den Registrierungsdialog in JTL-Wawi',
  dialogSteps: [`Öffnen Sie in JTL-Wawi ${MENU}.`, 'Klicken Sie auf „Hinzufügen“ und dann auf „Weiter“.'],
  waitingForDialog: 'Die Anfrage wird gesendet, sobald der Dialog wartet.',
  dialogClosedTitle: 'Der Registrierungsdialog wurde geschlossen',
  dialogClosed:
    'Der Dialog wurde geschlossen; die Anfrage, die darin wartete, ist verfallen. Eine neue wird gesendet, sobald der Dialog wieder wartet.',
  lookFor: 'Suchen Sie im Registrierungsdialog nach dieser Anfrage. Wawi zeigt sie so an:',
  factVersion: 'Version',
  factAppId: 'App-ID',
  factServer: 'Gesendet an',
  factMandant: 'Mandant',
  requestedScopes: 'Erbetene Berechtigungen',
  showMore: 'Ganze Beschreibung lesen',
  showLess: 'Weniger anzeigen',
  factSentAt: 'Gesendet',
  by: 'von',
  acceptSteps: ['Prüfen Sie die Berechtigungen.', 'Klicken Sie auf „Annehmen“.'],
  stillWaiting: 'Warten auf Ihre Entscheidung in JTL-Wawi',
  timeLeft: (clock) => `noch ${clock}`,
  endsSoon: (clock) =>
    `Die Wartezeit endet in ${clock}. Die Anfrage bleibt in JTL-Wawi gültig: Warten Sie länger, wenn Sie mehr Zeit brauchen.`,
  keepWaitingLonger: 'Länger warten',
  haveAccepted: 'Ich habe angenommen',
  askedStillOpen:
    'Nachgefragt: In JTL-Wawi ist die Anfrage noch nicht angenommen. Klicken Sie dort bei dieser Anfrage auf „Annehmen“; der Helfer fragt weiter nach.',
  retrying: (why, s) => `${why}. Neuer Versuch in ${s} s.`,
  storing: 'Angenommen. Der Schlüssel wird sicher gespeichert…',
  keyWaitingTitle: 'Angenommen, aber der Schlüssel ist noch nicht gespeichert',
  keyWaitingText: (platform) =>
    `JTL-Wawi hat die Registrierung angenommen und den Schlüssel ausgegeben. ${de.keychainSubject(platform)} lehnt ihn gerade ab; er liegt deshalb nur im Arbeitsspeicher und wird gespeichert, sobald es wieder geht.`,
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
  succeeded: 'Erledigt.',

  doneTitle: 'Die App ist verbunden',
  advanced: 'Erweitert',
  copyWarning:
    'Der Schlüssel gibt vollen Zugriff auf die Wawi-API als diese App, mit allen Berechtigungen oben. Fügen Sie ihn nie in eine E-Mail, ein Ticket oder einen Chat ein.',
  doneIntro: (name) => `${name} kann jetzt Ihre JTL-Wawi nutzen.`,
  doneWhere: (name, platform) =>
    `Ihr Schlüssel liegt sicher in ${de.keychain(platform)} Ihres Benutzerkontos. ${name} liest ihn dort selbst: Sie müssen nichts kopieren oder eintippen.`,
  doneClose: 'Sie können dieses Fenster jetzt schließen.',
  serviceKey: {
    stored: (account, path) =>
      `Für den Windows-Dienst der App (Konto ${account}) liegt eine Kopie des Schlüssels in ${path}. Lesen können sie nur dieses Konto, Sie selbst, das System und Administratoren.`,
    'not-windows': (account) =>
      `Die App läuft laut Hersteller als Windows-Dienst (Konto ${account}). Dienste gibt es nur unter Windows: Auf diesem Computer liegt der Schlüssel nur in Ihrem Schlüsselspeicher. Registrieren Sie die App auf dem Windows-PC, auf dem der Dienst läuft.`,
    'account-unknown': (account) =>
      `Windows kennt das Dienstkonto ${account} nicht, das der Hersteller angibt: Der Dienst kann den Schlüssel noch nicht lesen. Ihr Schlüssel ist sicher gespeichert. Bitten Sie den Hersteller oder Ihre IT, das Konto einzurichten, und klicken Sie danach unter ${MANAGE_QUOTED} bei dieser App auf ${CHECK_QUOTED}.`,
    denied: (account, path) =>
      `Windows lässt den Helfer nicht in den Ordner für Dienstschlüssel schreiben: Ein anderer Benutzer dieses PCs hat ihn angelegt. Ihr Schlüssel ist sicher gespeichert, aber der Dienst (Konto ${account}) kann ihn noch nicht lesen. Bitten Sie Ihre IT, Ihnen den Ordner ${path} freizugeben, und klicken Sie danach unter ${MANAGE_QUOTED} bei dieser App auf ${CHECK_QUOTED}.`,
    missing: (account) =>
      `Die Kopie des Schlüssels für den Windows-Dienst (Konto ${account}) ließ sich nicht anlegen. Ihr Schlüssel ist sicher gespeichert. Klicken Sie unter ${MANAGE_QUOTED} bei dieser App auf ${CHECK_QUOTED}, um es erneut zu versuchen.`,
    differs: (account) =>
      `Die Kopie des Schlüssels für den Windows-Dienst (Konto ${account}) enthält einen anderen Schlüssel. Klicken Sie unter ${MANAGE_QUOTED} bei dieser App auf ${CHECK_QUOTED}, um sie zu ersetzen.`,
    failed: (account) =>
      `Die Kopie des Schlüssels für den Windows-Dienst (Konto ${account}) ließ sich nicht anlegen. Ihr Schlüssel ist sicher gespeichert. Klicken Sie unter ${MANAGE_QUOTED} bei dieser App auf ${CHECK_QUOTED}, um es erneut zu versuchen.`,
  },
  colService: 'Windows-Dienst',
  keychainSubject: (platform) =>
    platform === 'win32'
      ? 'Die Windows-Anmeldeinformationsverwaltung'
      : platform === 'darwin'
        ? 'Der macOS-Schlüsselbund'
        : 'Der Schlüsselbund des Systems',
  keychain: (platform) =>
    platform === 'win32'
      ? 'der Windows-Anmeldeinformationsverwaltung'
      : platform === 'darwin'
        ? 'dem macOS-Schlüsselbund'
        : 'dem Schlüsselbund des Systems',
  entryName: 'Eintrag',
  verifiedWorks: 'Der Schlüssel wurde geprüft und funktioniert.',
  verifiedScope:
    'Der Schlüssel funktioniert; die App darf aber nichts lesen, womit der Helfer ihn prüfen könnte (keine Leseberechtigung erteilt).',
  verifiedRejected: 'Achtung: JTL-Wawi akzeptiert den Schlüssel nicht.',
  verifiedUnknown: 'Der Schlüssel konnte gerade nicht geprüft werden; er ist gespeichert.',
  granted: 'Erteilte Berechtigungen',
  copyKey: 'Schlüssel kopieren',
  copyHint: 'Nur, wenn der Anbieter der App Sie bittet, ihn irgendwo einzufügen.',

  failureTitle: 'Das hat nicht geklappt',
  addressTried: 'Versuchte Adresse',
  supportTitle: 'Für den Support',
  copyDetails: 'Details kopieren',
  detailsCopied: 'Die Details sind in der Zwischenablage. Sie enthalten keinen Schlüssel.',
  detailsNotCopied: 'Die Details konnten nicht kopiert werden.',
  technicalDetails: 'Technische Angaben (für den Anbieter der App oder Ihre IT)',
  openLogFolder: 'Protokollordner öffnen',
  replaceRegistration: 'Neu registrieren',
  replaceWarning:
    'Auf diesem Computer liegt kein Schlüssel dieser Registrierung. Um einen zu erhalten, entfernen Sie die App in JTL-Wawi und registrieren sie neu: „Neu registrieren“ führt Sie durch beides. Bis die neue Anfrage angenommen ist, hat die App keinen Zugriff auf JTL-Wawi.',
  unregisterTitle: 'Entfernen Sie die App zuerst in JTL-Wawi',
  unregisterWaiting: 'Die neue Anfrage wird gesendet, sobald die App entfernt ist und der Dialog wartet.',

  cancelledTitle: 'Abgebrochen',
  cancelledKept:
    'Die Anfrage wartet weiter in JTL-Wawi. „Weiter warten“ wartet wieder auf genau diese Anfrage, ohne eine neue zu senden. Möchten Sie die App nicht, lehnen Sie die Anfrage in JTL-Wawi ab.',
  keepWaiting: 'Weiter warten',
  cancelledNothingSent: 'An JTL-Wawi wurde nichts gesendet.',
  cancelledNothingChanged: 'Auf diesem Computer wurde nichts geändert.',

  manageTitle: 'Registrierungen auf diesem Computer',
  manageIntro: (platform) =>
    `Apps, die von diesem Computer aus mit einer JTL-Wawi verbunden sind. Die Schlüssel bleiben in ${de.keychain(platform)}; diese Liste zeigt sie nie.`,
  none: 'Noch keine Registrierungen auf diesem Computer.',
  registerApp: 'Diese App registrieren',
  registerOtherMandant: 'Für einen weiteren Mandanten registrieren',
  checkAll: 'Alle prüfen',
  colApp: 'App',
  colServer: 'Wawi-REST-Server',
  colKey: 'Fingerabdruck des Schlüssels',
  colRegistered: 'Registriert',
  colChecked: 'Zuletzt geprüft',
  never: 'noch nicht',
  status: {
    works: 'Funktioniert',
    rejected: 'Nicht mehr angenommen',
    'missing-scope': 'Funktioniert, Berechtigung fehlt',
    unreachable: 'Server nicht erreichbar',
    'certificate-changed': 'Zertifikat geändert: nichts gesendet',
    unknown: 'Nicht geprüft',
  },
  verify: CHECK,
  rotate: 'Schlüssel erneuern',
  addInstance: 'Weitere Instanz registrieren',
  instance: (n: number) => `Instanz ${n}`,
  revoke: 'Widerrufen',
  rejectedExplained:
    'JTL-Wawi nimmt diesen Schlüssel nicht mehr an: Die App wurde dort höchstwahrscheinlich entfernt. Erneuern Sie den Schlüssel, um die App wieder zu verbinden, oder vergessen Sie die Registrierung auf diesem Computer.',
  forget: 'Auf diesem Computer vergessen',
  forgetTitle: 'Nur auf diesem Computer vergessen?',
  forgetText: (name) =>
    `Der Schlüssel von ${name} wird von diesem Computer gelöscht. Die App bleibt in JTL-Wawi registriert; entfernen Sie sie dort (${MENU}), wenn sie keinen Zugriff mehr haben soll.`,
  forgetConfirm: 'Vergessen',
  forgotten: 'Auf diesem Computer vergessen.',

  rotateTitle: 'Schlüssel erneuern',
  revokeTitle: 'Zugriff widerrufen',
  removeSteps: (name) => [
    `Öffnen Sie JTL-Wawi: ${MENU}.`,
    `Wählen Sie „${name}“ und klicken Sie auf „Entfernen“.`,
  ],
  rotateMore: [
    'Klicken Sie danach auf „Hinzufügen“ und „Weiter“, damit Wawi auf die neue Registrierung wartet.',
  ],
  rotateWhy:
    'JTL-Wawi vergibt einen Schlüssel pro App: Die alte Registrierung muss entfernt werden, bevor ein neuer Schlüssel ausgegeben werden kann. Der alte Schlüssel bleibt hier, bis der neue gespeichert ist.',
  rotateGap:
    'Vom Entfernen bis zur Annahme der neuen Anfrage hat die App keinen Zugriff auf JTL-Wawi. Wählen Sie einen Zeitpunkt, zu dem sie nicht arbeitet (zum Beispiel nicht während eines Abgleichs).',
  revokeWhy:
    'Der Helfer wartet, bis JTL-Wawi den Schlüssel ablehnt, und löscht ihn dann von diesem Computer.',
  waitingRemoval: 'Warten, bis der alte Schlüssel nicht mehr funktioniert',
  removed: 'Ich habe sie entfernt',
  oldKeyDead: 'Der alte Schlüssel funktioniert nicht mehr.',
  waitingDialog: (proven) =>
    `${proven ? 'Der alte Schlüssel funktioniert nicht mehr.' : 'Sie haben bestätigt, dass die App entfernt ist.'} Klicken Sie jetzt in JTL-Wawi auf „Hinzufügen“ und „Weiter“; die Anfrage wird gesendet, sobald der Dialog wartet.`,
  stillRegistered:
    'JTL-Wawi führt die App noch, daher kann die neue Anfrage noch nicht gesendet werden. Entfernen Sie die App dort zuerst (Schritte 1 und 2); die Anfrage wird gesendet, sobald sie entfernt ist und der Dialog wartet.',
  revokedTitle: 'Der Zugriff ist widerrufen',
  revokedText: (name) => `${name} wurde in JTL-Wawi entfernt und ihr Schlüssel von diesem Computer gelöscht.`,
  rotatedTitle: 'Der Schlüssel wurde erneuert',
};
