// The CLI's own words in German and English (error texts come from shared/errors/).

import { type Lang, langOfLocale } from '../../../shared/lang';
import { MENU } from '../../../shared/ui-terms';
import { WAWI_PORTS } from '../../../shared/wawi-address';

const en = {
  anotherInstance: 'a further instance',
  instance: (n: number) => `instance ${n}`,
  signatureAnswered: (url: string, data: string, length: number) =>
    `SignatureProvider ${url} answered: SignatureData ${data}, a signature of ${length} characters; it is fresh enough for JTL-Wawi.`,
  server: 'Wawi REST server',
  app: 'App',
  prepare: `Open in JTL-Wawi: ${MENU} → "Hinzufügen" → "Weiter". The request is sent as soon as the registration dialog waits.`,
  sending: 'Sending the registration request…',
  lookFor: (name: string, provider: string) =>
    `Now in JTL-Wawi (${MENU}): look for "${name}" by ${provider}, check the permissions and accept.`,
  waiting: 'Waiting for acceptance in JTL-Wawi',
  waitingRemoval: 'Waiting until the app is removed in JTL-Wawi',
  keyWaiting: (reason: string, unlock: string, s: number) =>
    `Accepted, but the key cannot be stored yet: the keychain refuses it (${reason}).\n  ${unlock}\n  The key is kept in memory only; trying again in ${s} s until --timeout. Stopping loses it (Ctrl+C asks first).`,
  giveUpWarning:
    'The key is not stored yet. JTL-Wawi hands it out only once: if you stop now it is lost and the app has to be removed in JTL-Wawi and registered again. Press Ctrl+C again to give it up, or unlock the keychain.',
  version: 'version',
  pendingConfirmed: 'Sent; waiting for acceptance in JTL-Wawi. "wawi-register resume" collects the key.',
  pendingUnconfirmed: (appId: string) =>
    `Interrupted before JTL-Wawi confirmed it: a request may be waiting there, but its key can't be collected. Reject it in JTL-Wawi (${MENU}) if it is shown, then run "wawi-register discard --app ${appId}".`,
  discarded: (name: string, server: string, confirmed: boolean) =>
    `The pending registration of ${name} at ${server} was discarded on this computer.${confirmed ? ' If JTL-Wawi still shows the request, reject it there: a key handed out for it can no longer be collected.' : ''}`,
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
  resuming: (name: string, when: string) => `Continuing the registration of ${name} started at ${when}.`,
  noPending: 'No registration is waiting on this computer.',
  pendingHeader: 'Registrations waiting for acceptance:',
  noRegistrations: 'No registrations on this computer.',
  listHeader: 'Registrations on this computer:',
  status: {
    works: 'works',
    rejected: 'rejected (401)',
    'missing-scope': 'works, scope missing',
    unreachable: 'server unreachable',
    'certificate-changed': 'certificate changed: nothing sent (see "wawi-register trust")',
    unknown: 'not checked',
  } as Record<string, string>,
  foundServers: 'Wawi REST servers found:',
  noServers: `No Wawi REST server found on this computer (ports ${WAWI_PORTS.join(', ')}).`,
  otherAnswers: 'Answered, but not as a JTL-Wawi:',
  choose: 'Which server? Number: ',
  removeInWawi: (name: string) =>
    `In JTL-Wawi open ${MENU}, select "${name}" and remove it. The helper waits until the old key stops working.`,
  pressEnter: 'Press Enter once you have removed it (or Ctrl+C to cancel).',
  pressEnterAccepted: 'Press Enter once you have accepted it in JTL-Wawi: the helper then asks at once.',
  timeLeft: (clock: string) => `${clock} left`,
  oldKeyDead: 'The old key no longer works.',
  waitingDialog:
    'Now click "Hinzufügen" and "Weiter" in JTL-Wawi; the request is sent as soon as the dialog waits.',
  dialogClosed:
    'The registration dialog was closed, and the request waiting in it expired. A new one is sent as soon as the dialog waits again: click "Hinzufügen" and "Weiter" in JTL-Wawi.',
  rotated: 'Done. The key was rotated.',
  revoked: (kc: string) => `Done. The app was removed in JTL-Wawi and its key deleted from the ${kc}.`,
  forgotten: `Forgotten on this computer. The app is still registered in JTL-Wawi; remove it there (${MENU}) if it should lose access.`,
  verifyResult: (app: string, r: string) => `${app}: ${r}`,
  demoStart: (admin: string) =>
    `Demo: an embedded Wawi simulator is running. Open its admin page and accept the request:\n  ${admin}`,
  demoCleanup: 'Demo finished: the demo key was removed from the keychain again.',
  warningsHeader: 'Manifest warnings',
  next: 'Next step',
  simRunning: 'Simulator running. Press Ctrl+C to stop.',
  certTrusted: 'certificate trusted by this computer',
  certUntrusted: (fp: string) => `certificate NOT trusted by this computer; SHA-256 ${fp}`,
  plainHttp: 'plain http (unencrypted)',
  pinnedNow: (fp: string) =>
    `This registration accepts only the server certificate with\n  SHA-256 ${fp}\n  Compare it with the certificate on the Wawi REST server; other certificates are refused from now on.`,
  insecureWarning:
    'Warning: plain http to another computer. The registration and the API key travel unencrypted and can be read on the network. Set the Wawi REST server up for https if you can.',
  trustServer: (url: string) => `Server: ${url}`,
  trustPinned: (fp: string) => `Trusted so far:   SHA-256 ${fp}`,
  trustByOs: 'Trusted so far:   a certificate this computer trusts (no pin)',
  trustUnknown: 'Trusted so far:   unknown (the registration was rebuilt from the keychain)',
  trustPresented: (fp: string, subject: string, until: string) =>
    `Presented now:    SHA-256 ${fp}\n                  issued to ${subject}, valid until ${until}`,
  trustPlain: 'The server speaks plain http (unencrypted).',
  trustNothing: 'Nothing to do: the server presents what this registration trusts.',
  trustCompare:
    "Compare the fingerprint with the certificate on the Wawi REST server (in PowerShell there: $c = New-Object Security.Cryptography.X509Certificates.X509Certificate2 '<certificate.cer>'; [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($c.RawData))). Trust it only if every pair matches.",
  trustAsk: 'Do the fingerprints match? Type "yes" to trust this certificate: ',
  trustDone: (url: string) => `✔ Trusted. Later connections to ${url} accept only this.`,
};

type Texts = typeof en;

const de: Texts = {
  anotherInstance: 'eine weitere Instanz',
  instance: (n: number) => `Instanz ${n}`,
  signatureAnswered: (url: string, data: string, length: number) =>
    `Der SignatureProvider ${url} hat geantwortet: SignatureData ${data}, eine Signatur mit ${length} Zeichen; sie ist frisch genug für JTL-Wawi.`,
  server: 'Wawi-REST-Server',
  app: 'App',
  prepare: `Öffnen Sie in JTL-Wawi: ${MENU} → „Hinzufügen“ → „Weiter“. Die Anfrage wird gesendet, sobald der Registrierungsdialog wartet.`,
  sending: 'Registrierungsanfrage wird gesendet…',
  lookFor: (name, provider) =>
    `Jetzt in JTL-Wawi (${MENU}): Suchen Sie „${name}“ von ${provider}, prüfen Sie die Berechtigungen und nehmen Sie an.`,
  waiting: 'Warten auf Annahme in JTL-Wawi',
  waitingRemoval: 'Warten, bis die App in JTL-Wawi entfernt ist',
  keyWaiting: (reason, unlock, s) =>
    `Angenommen, aber der Schlüssel kann noch nicht gespeichert werden: Der Schlüsselspeicher lehnt ab (${reason}).\n  ${unlock}\n  Der Schlüssel liegt nur im Arbeitsspeicher; neuer Versuch in ${s} s bis zum Ablauf von --timeout. Abbrechen verwirft ihn (Strg+C fragt vorher nach).`,
  giveUpWarning:
    'Der Schlüssel ist noch nicht gespeichert. JTL-Wawi gibt ihn nur einmal aus: Wenn Sie jetzt abbrechen, ist er verloren, und die App muss in JTL-Wawi entfernt und neu registriert werden. Drücken Sie erneut Strg+C, um ihn aufzugeben, oder entsperren Sie den Schlüsselspeicher.',
  version: 'Version',
  pendingConfirmed: 'Gesendet; wartet auf Annahme in JTL-Wawi. „wawi-register resume“ holt den Schlüssel ab.',
  pendingUnconfirmed: (appId) =>
    `Unterbrochen, bevor JTL-Wawi sie bestätigt hat: Dort wartet eventuell eine Anfrage, deren Schlüssel sich nicht abholen lässt. Lehnen Sie sie in JTL-Wawi (${MENU}) ab, falls sie angezeigt wird, und führen Sie dann „wawi-register discard --app ${appId}“ aus.`,
  discarded: (name, server, confirmed) =>
    `Die wartende Registrierung von ${name} bei ${server} wurde auf diesem Computer verworfen.${confirmed ? ' Falls JTL-Wawi die Anfrage noch zeigt, lehnen Sie sie dort ab: Ein dafür ausgegebener Schlüssel lässt sich nicht mehr abholen.' : ''}`,
  retrying: (why, s) => `Verbindungsproblem (${why}); neuer Versuch in ${s} s`,
  storing: 'Angenommen. Der Schlüssel wird im Schlüsselspeicher abgelegt…',
  verifying: 'Der neue Schlüssel wird geprüft…',
  accepted: 'Fertig. Die App ist registriert.',
  stored: (kc, service, account) => `Der Schlüssel ist gespeichert (${kc}): „${service}“ / „${account}“.`,
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
  resuming: (name, when) => `Die am ${when} begonnene Registrierung von ${name} wird fortgesetzt.`,
  noPending: 'Auf diesem Computer wartet keine Registrierung.',
  pendingHeader: 'Registrierungen, die auf Annahme warten:',
  noRegistrations: 'Keine Registrierungen auf diesem Computer.',
  listHeader: 'Registrierungen auf diesem Computer:',
  status: {
    works: 'funktioniert',
    rejected: 'abgelehnt (401)',
    'missing-scope': 'funktioniert, Scope fehlt',
    unreachable: 'Server nicht erreichbar',
    'certificate-changed': 'Zertifikat geändert: nichts gesendet (siehe „wawi-register trust“)',
    unknown: 'nicht geprüft',
  },
  foundServers: 'Gefundene Wawi-REST-Server:',
  noServers: `Auf diesem Computer wurde kein Wawi-REST-Server gefunden (Ports ${WAWI_PORTS.join(', ')}).`,
  otherAnswers: 'Antwortet, aber nicht als JTL-Wawi:',
  choose: 'Welcher Server? Nummer: ',
  removeInWawi: (name) =>
    `Öffnen Sie in JTL-Wawi ${MENU}, wählen Sie „${name}“ und entfernen Sie die App. Der Helfer wartet, bis der alte Schlüssel nicht mehr funktioniert.`,
  pressEnter: 'Drücken Sie die Eingabetaste, sobald Sie sie entfernt haben (oder Strg+C zum Abbrechen).',
  pressEnterAccepted:
    'Drücken Sie die Eingabetaste, sobald Sie in JTL-Wawi angenommen haben: Der Helfer fragt dann sofort nach.',
  timeLeft: (clock) => `noch ${clock}`,
  oldKeyDead: 'Der alte Schlüssel funktioniert nicht mehr.',
  waitingDialog:
    'Klicken Sie jetzt in JTL-Wawi auf „Hinzufügen“ und „Weiter“; die Anfrage wird gesendet, sobald der Dialog wartet.',
  dialogClosed:
    'Der Registrierungsdialog wurde geschlossen; die Anfrage, die darin wartete, ist verfallen. Eine neue wird gesendet, sobald der Dialog wieder wartet: Klicken Sie in JTL-Wawi auf „Hinzufügen“ und „Weiter“.',
  rotated: 'Fertig. Der Schlüssel wurde erneuert.',
  revoked: (kc) =>
    `Fertig. Die App wurde in JTL-Wawi entfernt und ihr Schlüssel aus dem Schlüsselspeicher (${kc}) gelöscht.`,
  forgotten: `Auf diesem Computer vergessen. Die App ist in JTL-Wawi weiter registriert; entfernen Sie sie dort (${MENU}), wenn sie keinen Zugriff mehr haben soll.`,
  verifyResult: (app, r) => `${app}: ${r}`,
  demoStart: (admin) =>
    `Demo: Ein eingebetteter Wawi-Simulator läuft. Öffnen Sie seine Admin-Seite und nehmen Sie die Anfrage an:\n  ${admin}`,
  demoCleanup: 'Demo beendet: Der Demo-Schlüssel wurde wieder aus dem Schlüsselspeicher entfernt.',
  warningsHeader: 'Hinweise zum Manifest',
  next: 'Nächster Schritt',
  simRunning: 'Simulator läuft. Strg+C beendet ihn.',
  certTrusted: 'Zertifikat, dem dieser Computer vertraut',
  certUntrusted: (fp) => `Zertifikat, dem dieser Computer NICHT vertraut; SHA-256 ${fp}`,
  plainHttp: 'unverschlüsseltes http',
  pinnedNow: (fp) =>
    `Diese Registrierung akzeptiert nur das Serverzertifikat mit\n  SHA-256 ${fp}\n  Vergleichen Sie es mit dem Zertifikat auf dem Wawi-REST-Server; andere Zertifikate werden ab jetzt abgelehnt.`,
  insecureWarning:
    'Achtung: unverschlüsseltes http zu einem anderen Computer. Die Registrierung und der API-Schlüssel werden unverschlüsselt übertragen und können im Netzwerk mitgelesen werden. Richten Sie den Wawi-REST-Server wenn möglich für https ein.',
  trustServer: (url) => `Server: ${url}`,
  trustPinned: (fp) => `Bisher vertraut:  SHA-256 ${fp}`,
  trustByOs: 'Bisher vertraut:  ein Zertifikat, dem dieser Computer vertraut (ohne Festlegung)',
  trustUnknown:
    'Bisher vertraut:  unbekannt (die Registrierung wurde aus dem Schlüsselspeicher wiederhergestellt)',
  trustPresented: (fp, subject, until) =>
    `Jetzt vorgelegt:  SHA-256 ${fp}\n                  ausgestellt für ${subject}, gültig bis ${until}`,
  trustPlain: 'Der Server spricht unverschlüsseltes http.',
  trustNothing: 'Nichts zu tun: Der Server zeigt, was dieser Registrierung vertraut ist.',
  trustCompare:
    "Vergleichen Sie den Fingerabdruck mit dem Zertifikat auf dem Wawi-REST-Server (dort in PowerShell: $c = New-Object Security.Cryptography.X509Certificates.X509Certificate2 '<Zertifikat.cer>'; [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($c.RawData))). Vertrauen Sie ihm nur, wenn jedes Zeichenpaar übereinstimmt.",
  trustAsk: 'Stimmen die Fingerabdrücke überein? Geben Sie „ja“ ein, um diesem Zertifikat zu vertrauen: ',
  trustDone: (url) => `✔ Vertraut. Spätere Verbindungen zu ${url} akzeptieren nur dies.`,
};

export const TEXTS: Record<Lang, Texts> = { en, de };

export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE;
  const locale =
    fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX'
      ? fromEnv
      : Intl.DateTimeFormat().resolvedOptions().locale;
  return langOfLocale(locale);
}
