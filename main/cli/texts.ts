// The CLI's own words in German and English (error texts come from shared/errors.ts).
import type { Lang } from '../../shared/errors';

const en = {
  keychainName: (platform: string): string =>
    platform === 'win32'
      ? 'Windows Credential Manager'
      : platform === 'darwin'
        ? 'macOS Keychain'
        : 'Secret Service keyring',
  server: 'Wawi server',
  app: 'App',
  prepare:
    'Before the request is sent, open in JTL-Wawi: Admin → App-Registrierung → "Hinzufügen" → "Weiter".',
  sending: 'Sending the registration request…',
  lookFor: (name: string, provider: string) =>
    `Now in JTL-Wawi (Admin → App-Registrierung): look for "${name}" by ${provider}, check the permissions and accept.`,
  waiting: 'Waiting for acceptance in JTL-Wawi',
  retrying: (why: string, s: number) => `Connection problem (${why}); retrying in ${s} s`,
  storing: 'Accepted. Storing the key in the keychain…',
  verifying: 'Checking the new key…',
  accepted: 'Done. The app is registered.',
  stored: (kc: string, service: string, account: string) =>
    `The key is stored in the ${kc}: "${service}" / "${account}".`,
  verified: (r: string): string =>
    r === 'works'
      ? 'The key was checked and works.'
      : r === 'missing-scope'
        ? 'The key works, but the app may not read companies (no company.querycompanies scope).'
        : r === 'rejected'
          ? 'Warning: JTL-Wawi does not accept the new key.'
          : 'The key could not be checked (server did not answer); it is stored.',
  granted: 'Granted permissions',
  none: 'none',
  showKeyWarning:
    'Warning: the API key is printed below. Anyone who has it can use the Wawi API as this app. Do not paste it into tickets, chats or logs.',
  resuming: (when: string) => `Continuing the registration started at ${when}.`,
  noPending: 'No registration is waiting on this computer.',
  pendingHeader: 'Registrations waiting for acceptance:',
  noRegistrations: 'No registrations on this computer.',
  listHeader: 'Registrations on this computer:',
  status: {
    works: 'works',
    rejected: 'rejected (401)',
    'missing-scope': 'works, scope missing',
    unreachable: 'server unreachable',
    unknown: 'not checked',
  } as Record<string, string>,
  foundServers: 'Wawi servers found:',
  noServers: 'No Wawi server found on this computer (ports 5883, 64110).',
  otherAnswers: 'Answered, but not as a JTL-Wawi:',
  choose: 'Which server? Number: ',
  removeInWawi: (name: string) =>
    `In JTL-Wawi open Admin → App-Registrierung, select "${name}" and remove it. The helper waits until the old key stops working.`,
  pressEnter: 'Press Enter once you have removed it (or Ctrl+C to cancel).',
  oldKeyDead: 'The old key no longer works.',
  waitingDialog:
    'Now click "Hinzufügen" and "Weiter" in JTL-Wawi; the request is sent as soon as the dialog waits.',
  rotated: 'Done. The key was rotated.',
  revoked: (kc: string) => `Done. The app was removed in JTL-Wawi and its key deleted from the ${kc}.`,
  forgotten:
    'Forgotten on this computer. The app is still registered in JTL-Wawi; remove it there (Admin → App-Registrierung) if it should lose access.',
  verifyResult: (app: string, r: string) => `${app}: ${r}`,
  demoStart: (admin: string) =>
    `Demo: an embedded Wawi simulator is running. Open its admin page and accept the request:\n  ${admin}`,
  demoCleanup: 'Demo finished: the demo key was removed from the keychain again.',
  warningsHeader: 'Manifest warnings',
  next: 'Next step',
  simRunning: 'Simulator running. Press Ctrl+C to stop.',
};

type Texts = typeof en;

const de: Texts = {
  keychainName: (platform: string) =>
    platform === 'win32'
      ? 'Windows-Anmeldeinformationsverwaltung'
      : platform === 'darwin'
        ? 'macOS-Schlüsselbund'
        : 'Secret-Service-Schlüsselbund',
  server: 'Wawi-Server',
  app: 'App',
  prepare:
    'Bevor die Anfrage gesendet wird, öffnen Sie in JTL-Wawi: Admin → App-Registrierung → „Hinzufügen“ → „Weiter“.',
  sending: 'Registrierungsanfrage wird gesendet…',
  lookFor: (name, provider) =>
    `Jetzt in JTL-Wawi (Admin → App-Registrierung): Suchen Sie „${name}“ von ${provider}, prüfen Sie die Berechtigungen und nehmen Sie an.`,
  waiting: 'Warte auf Annahme in JTL-Wawi',
  retrying: (why, s) => `Verbindungsproblem (${why}); neuer Versuch in ${s} s`,
  storing: 'Angenommen. Der Schlüssel wird im Schlüsselspeicher abgelegt…',
  verifying: 'Der neue Schlüssel wird geprüft…',
  accepted: 'Fertig. Die App ist registriert.',
  stored: (kc, service, account) => `Der Schlüssel liegt in der ${kc}: „${service}“ / „${account}“.`,
  verified: (r) =>
    r === 'works'
      ? 'Der Schlüssel wurde geprüft und funktioniert.'
      : r === 'missing-scope'
        ? 'Der Schlüssel funktioniert, aber die App darf keine Firmen lesen (kein Scope company.querycompanies).'
        : r === 'rejected'
          ? 'Achtung: JTL-Wawi akzeptiert den neuen Schlüssel nicht.'
          : 'Der Schlüssel konnte nicht geprüft werden (Server antwortet nicht); er ist gespeichert.',
  granted: 'Erteilte Berechtigungen',
  none: 'keine',
  showKeyWarning:
    'Achtung: Der API-Schlüssel wird unten ausgegeben. Wer ihn hat, kann die Wawi-API als diese App nutzen. Fügen Sie ihn nicht in Tickets, Chats oder Protokolle ein.',
  resuming: (when) => `Die um ${when} begonnene Registrierung wird fortgesetzt.`,
  noPending: 'Auf diesem Computer wartet keine Registrierung.',
  pendingHeader: 'Registrierungen, die auf Annahme warten:',
  noRegistrations: 'Keine Registrierungen auf diesem Computer.',
  listHeader: 'Registrierungen auf diesem Computer:',
  status: {
    works: 'funktioniert',
    rejected: 'abgelehnt (401)',
    'missing-scope': 'funktioniert, Scope fehlt',
    unreachable: 'Server nicht erreichbar',
    unknown: 'nicht geprüft',
  },
  foundServers: 'Gefundene Wawi-Server:',
  noServers: 'Auf diesem Computer wurde kein Wawi-Server gefunden (Ports 5883, 64110).',
  otherAnswers: 'Antwortet, aber nicht als JTL-Wawi:',
  choose: 'Welcher Server? Nummer: ',
  removeInWawi: (name) =>
    `Öffnen Sie in JTL-Wawi Admin → App-Registrierung, wählen Sie „${name}“ und entfernen Sie die App. Das Programm wartet, bis der alte Schlüssel nicht mehr funktioniert.`,
  pressEnter: 'Drücken Sie die Eingabetaste, sobald Sie sie entfernt haben (oder Strg+C zum Abbrechen).',
  oldKeyDead: 'Der alte Schlüssel funktioniert nicht mehr.',
  waitingDialog:
    'Klicken Sie jetzt in JTL-Wawi auf „Hinzufügen“ und „Weiter“; die Anfrage wird gesendet, sobald der Dialog wartet.',
  rotated: 'Fertig. Der Schlüssel wurde erneuert.',
  revoked: (kc) => `Fertig. Die App wurde in JTL-Wawi entfernt und ihr Schlüssel aus der ${kc} gelöscht.`,
  forgotten:
    'Auf diesem Computer vergessen. Die App ist in JTL-Wawi weiter registriert; entfernen Sie sie dort (Admin → App-Registrierung), wenn sie keinen Zugriff mehr haben soll.',
  verifyResult: (app, r) => `${app}: ${r}`,
  demoStart: (admin) =>
    `Demo: Ein eingebetteter Wawi-Simulator läuft. Öffnen Sie seine Admin-Seite und nehmen Sie die Anfrage an:\n  ${admin}`,
  demoCleanup: 'Demo beendet: Der Demo-Schlüssel wurde wieder aus dem Schlüsselspeicher entfernt.',
  warningsHeader: 'Hinweise zum Manifest',
  next: 'Nächster Schritt',
  simRunning: 'Simulator läuft. Strg+C beendet ihn.',
};

export const TEXTS: Record<Lang, Texts> = { en, de };

export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE;
  const locale =
    fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX'
      ? fromEnv
      : Intl.DateTimeFormat().resolvedOptions().locale;
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}
