// What the CLI says about a service app's copy of its key (record.serviceKey), in German and English.
// The words for the app are in renderer/src/texts-*.ts: there the advice is a button, here a command.
import type { Lang } from '../../../shared/lang';
import { printable } from '../../../shared/printable';
import type { ServiceKey, ServiceKeyState } from '../../../shared/service-account';

type Say = (account: string, path: string, user: string) => string;

/** The helper's folder in ProgramData: the one above the keys folder. */
const parentOf = (path: string) => path.replace(/\\[^\\]*$/, '');

const en: Record<ServiceKeyState, Say> = {
  stored: (account, path) =>
    `For the service account ${account} the key is also in ${path}, readable only by that account, by you, SYSTEM and Administrators.`,
  'not-windows': (account) =>
    `The manifest names the service account ${account}, but service accounts exist on Windows only: the key is in this computer's keychain only. Register the app on the Windows PC where its service runs.`,
  'account-unknown': (account) =>
    `Windows does not know the account ${account}: no copy for the service was written. Create the account or correct ServiceAccount in the manifest, then run "wawi-register verify" to write the copy.`,
  denied: (account, path, user) =>
    `Windows refused the folder for service keys: another user of this PC set it up. The key is in your keychain, but not yet readable by ${account}. An administrator can hand the folder over: icacls "${parentOf(path)}" /setowner *S-1-5-32-544 /T, then icacls "${path}" /grant "${user}:F"; then run "wawi-register verify".`,
  missing: (account) =>
    `The copy for the service account ${account} could not be read back after writing (the log says why). Run "wawi-register verify" to write it again.`,
  differs: (account) =>
    `The copy for the service account ${account} holds another key. Run "wawi-register verify" to write it again.`,
  failed: (account) =>
    `The copy for the service account ${account} could not be written (the log says why). The key is in your keychain; run "wawi-register verify" to try again.`,
};

const de: Record<ServiceKeyState, Say> = {
  stored: (account, path) =>
    `Für das Dienstkonto ${account} liegt der Schlüssel zusätzlich in ${path}, lesbar nur für dieses Konto, für Sie, SYSTEM und Administratoren.`,
  'not-windows': (account) =>
    `Das Manifest nennt das Dienstkonto ${account}, aber Dienstkonten gibt es nur unter Windows: Der Schlüssel liegt nur im Schlüsselspeicher dieses Computers. Registrieren Sie die App auf dem Windows-PC, auf dem ihr Dienst läuft.`,
  'account-unknown': (account) =>
    `Windows kennt das Konto ${account} nicht: Für den Dienst wurde keine Kopie abgelegt. Legen Sie das Konto an oder korrigieren Sie ServiceAccount im Manifest und führen Sie dann „wawi-register verify“ aus.`,
  denied: (account, path, user) =>
    `Windows verweigert den Ordner für Dienstschlüssel: Ein anderer Benutzer dieses PCs hat ihn angelegt. Der Schlüssel liegt in Ihrem Schlüsselspeicher, ist für ${account} aber noch nicht lesbar. Ein Administrator kann den Ordner übergeben: icacls "${parentOf(path)}" /setowner *S-1-5-32-544 /T, dann icacls "${path}" /grant "${user}:F"; danach „wawi-register verify“ ausführen.`,
  missing: (account) =>
    `Die Kopie für das Dienstkonto ${account} ließ sich nach dem Schreiben nicht zurücklesen (das Protokoll sagt, warum). Führen Sie „wawi-register verify“ aus, um sie neu zu schreiben.`,
  differs: (account) =>
    `Die Kopie für das Dienstkonto ${account} enthält einen anderen Schlüssel. Führen Sie „wawi-register verify“ aus, um sie neu zu schreiben.`,
  failed: (account) =>
    `Die Kopie für das Dienstkonto ${account} konnte nicht geschrieben werden (das Protokoll sagt, warum). Der Schlüssel liegt in Ihrem Schlüsselspeicher; „wawi-register verify“ versucht es erneut.`,
};

/** The line about a registration's service copy, or nothing for an app that is no service. */
export function serviceKeyLine(
  lang: Lang,
  serviceKey: ServiceKey | undefined,
  env = process.env,
): string | undefined {
  if (!serviceKey) return undefined;
  const user = env.USERDOMAIN && env.USERNAME ? `${env.USERDOMAIN}\\${env.USERNAME}` : '<DOMAIN\\user>';
  const say = (lang === 'de' ? de : en)[serviceKey.state];
  return say(printable(serviceKey.account), printable(serviceKey.path ?? ''), user);
}
