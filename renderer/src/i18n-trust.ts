// The words of the trust screens (certificates, plain http, the copied key), German and English.
import type { Lang } from '../../shared/lang';
import { BUTTONS } from '../../shared/ui-terms';
import { DEFAULT_PORT } from '../../shared/wawi-address';
import { useI18n } from './i18n';

const en = {
  serverTrusted: 'https · certificate trusted by this computer',
  serverUntrusted: 'https · certificate not trusted yet (you will compare it)',
  serverPlain: 'http · unencrypted',
  serverPlainLocal: 'http · on this computer',

  trustTitle: 'Check the server certificate',
  trustIntro: (address: string) =>
    `${address} uses a certificate this computer does not know (for example a self-signed one). Before the helper sends anything, make sure it really is your Wawi REST server.`,
  fingerprint: 'SHA-256 fingerprint',
  subject: 'Issued to',
  validUntil: 'Valid until',
  howToCompare: 'How to compare',
  compareSteps: [
    'Ask whoever set up the Wawi REST server for the SHA-256 fingerprint of the REST server certificate. They find it on the Wawi REST server, where the certificate was set up (JTL-Administrator or the Windows certificate store).',
    `Or see it yourself on the Wawi REST server: open the REST server's address in Edge or Chrome (for example https://127.0.0.1:${DEFAULT_PORT}), click "Not secure" next to the address, then the certificate. Its viewer lists the "SHA-256 fingerprint".`,
    'Compare every pair of characters. Trust the certificate only if all of them match.',
  ],
  trustConfirm: BUTTONS.trustCertificate.en,
  trustPinned:
    'From now on this registration accepts only this certificate. If it ever changes, the helper stops and asks you again.',

  retrustTitle: 'Trust the new certificate?',
  retrustIntro:
    'The server presents another certificate than the one trusted for this registration. Only go on if the certificate of the Wawi REST server was renewed.',
  trustedBefore: 'Trusted so far',
  presentedNow: 'Presented now',
  retrustConfirm: BUTTONS.trustNewCertificate.en,
  retrusted: 'The new certificate is trusted. Try again.',

  insecureTitle: 'Connect without encryption?',
  insecureIntro: (address: string) =>
    `${address} is reached over plain http, on another computer of your network.`,
  insecureRisks: [
    'The registration request and the answer with the API key travel unencrypted.',
    'Anyone who can read your network traffic could read them, and could collect the key before this helper does.',
    'Later checks of the key send it unencrypted too.',
  ],
  insecureAdvice:
    'Recommended: set the Wawi REST server up for https (JTL-Administrator) and use its https address. Continue unencrypted only on a network you trust.',
  insecureConfirm: BUTTONS.connectUnencrypted.en,
  httpsInstead: 'Use another address',

  copied: (s: number) => `Copied. It is removed from the clipboard in ${s} s, and when the helper closes.`,
  clearNow: 'Clear clipboard now',
  cleared: 'The clipboard was cleared.',
};

export type TrustTexts = typeof en;

const de: TrustTexts = {
  serverTrusted: 'https · Zertifikat ist diesem Computer bekannt',
  serverUntrusted: 'https · Zertifikat noch nicht vertraut (Sie vergleichen es gleich)',
  serverPlain: 'http · unverschlüsselt',
  serverPlainLocal: 'http · auf diesem Computer',

  trustTitle: 'Serverzertifikat prüfen',
  trustIntro: (address) =>
    `${address} verwendet ein Zertifikat, das dieser Computer nicht kennt (zum Beispiel ein selbst signiertes). Bevor der Helfer etwas sendet, stellen Sie sicher, dass es wirklich Ihr Wawi-REST-Server ist.`,
  fingerprint: 'SHA-256-Fingerabdruck',
  subject: 'Ausgestellt für',
  validUntil: 'Gültig bis',
  howToCompare: 'So vergleichen Sie',
  compareSteps: [
    'Fragen Sie, wer den Wawi-REST-Server eingerichtet hat, nach dem SHA-256-Fingerabdruck des Zertifikats des REST-Servers. Er steht auf dem Wawi-REST-Server dort, wo das Zertifikat eingerichtet wurde (JTL-Administrator oder Windows-Zertifikatspeicher).',
    `Oder sehen Sie selbst auf dem Wawi-REST-Server nach: Öffnen Sie die Adresse des REST-Servers in Edge oder Chrome (zum Beispiel https://127.0.0.1:${DEFAULT_PORT}), klicken Sie links neben der Adresse auf „Nicht sicher“ und dann auf das Zertifikat. Dort steht der „SHA-256-Fingerabdruck“.`,
    'Vergleichen Sie jedes Zeichenpaar. Vertrauen Sie dem Zertifikat nur, wenn alle übereinstimmen.',
  ],
  trustConfirm: BUTTONS.trustCertificate.de,
  trustPinned:
    'Ab jetzt akzeptiert diese Registrierung nur dieses Zertifikat. Ändert es sich, hält der Helfer an und fragt Sie erneut.',

  retrustTitle: 'Dem neuen Zertifikat vertrauen?',
  retrustIntro:
    'Der Server zeigt ein anderes Zertifikat als das, dem für diese Registrierung vertraut wurde. Fahren Sie nur fort, wenn das Zertifikat des Wawi-REST-Servers erneuert wurde.',
  trustedBefore: 'Bisher vertraut',
  presentedNow: 'Jetzt vorgelegt',
  retrustConfirm: BUTTONS.trustNewCertificate.de,
  retrusted: 'Dem neuen Zertifikat wird vertraut. Versuchen Sie es erneut.',

  insecureTitle: 'Ohne Verschlüsselung verbinden?',
  insecureIntro: (address) =>
    `${address} wird über unverschlüsseltes http erreicht, auf einem anderen Computer Ihres Netzwerks.`,
  insecureRisks: [
    'Die Registrierungsanfrage und die Antwort mit dem API-Schlüssel werden unverschlüsselt übertragen.',
    'Wer Ihren Netzwerkverkehr mitlesen kann, könnte sie lesen und den Schlüssel abholen, bevor dieser Helfer es tut.',
    'Auch spätere Prüfungen des Schlüssels senden ihn unverschlüsselt.',
  ],
  insecureAdvice:
    'Empfohlen: Richten Sie den Wawi-REST-Server für https ein (JTL-Administrator) und verwenden Sie seine https-Adresse. Fahren Sie unverschlüsselt nur in einem Netzwerk fort, dem Sie vertrauen.',
  insecureConfirm: BUTTONS.connectUnencrypted.de,
  httpsInstead: 'Andere Adresse verwenden',

  copied: (s) =>
    `Kopiert. Er wird in ${s} s aus der Zwischenablage entfernt, und wenn der Helfer geschlossen wird.`,
  clearNow: 'Zwischenablage jetzt leeren',
  cleared: 'Die Zwischenablage wurde geleert.',
};

export const TRUST_TEXTS: Record<Lang, TrustTexts> = { en, de };

export function useTrustTexts(): TrustTexts {
  return TRUST_TEXTS[useI18n().lang];
}
