// Certificates of https Wawi servers: reading what a server presents (fingerprint, subject, whether the
// OS trusts it) and connecting only to a pinned certificate. A pin replaces the CA check: the merchant
// compared the fingerprint and said yes, so exactly that certificate is accepted, and nothing else.
import { isIP } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { buildConnector } from 'undici';
import { printable } from '../../../shared/printable';
import type { CertificateInfo } from '../../../shared/registration';

/** Canonical form of a SHA-256 fingerprint ("AB:CD:…", 32 pairs), or null if it is not one. */
export function normalizeFingerprint(input: string): string | null {
  const hex = input
    .trim()
    .replace(/^sha-?256\s*(fingerprint)?\s*[:=]?\s*/i, '')
    .replace(/[\s:-]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/** The error a pinned connection fails with when the server presents another certificate. */
export class PinMismatchError extends Error {
  readonly code = 'WAWI_CERTIFICATE_PIN_MISMATCH';
  constructor(
    readonly expected: string,
    readonly actual: string,
    readonly certificate?: CertificateInfo,
  ) {
    super('the server presented another certificate than the pinned one');
    this.name = 'PinMismatchError';
  }
}

function names(subject: PeerCertificate['subject'] | undefined): string {
  if (!subject) return '';
  return printable(
    Object.entries(subject)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
      .join(', '),
  ).slice(0, 300);
}

export function describeCertificate(cert: PeerCertificate, trusted: boolean): CertificateInfo {
  return {
    fingerprint: cert.fingerprint256,
    subject: names(cert.subject),
    issuer: names(cert.issuer),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    trusted,
  };
}

const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

/**
 * Connects, reads the certificate the server presents and hangs up: nothing is sent. `trusted` says
 * whether the OS would accept it for this host name.
 */
export async function inspectCertificate(
  host: string,
  port: number,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<CertificateInfo> {
  // Loaded with the first handshake: commands that connect nowhere (list, status) start without it.
  const { connect: tlsConnect } = await import('node:tls');
  const h = unbracket(host);
  return new Promise((resolve, reject) => {
    const socket: TLSSocket = tlsConnect({
      host: h,
      port,
      servername: isIP(h) ? undefined : h,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const stop = (err: Error) => {
      socket.destroy();
      reject(err);
    };
    const onAbort = () => stop(new Error('aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.setTimeout(options.timeoutMs ?? 3000, () => stop(new Error('CONNECT_TIMEOUT')));
    socket.once('error', stop);
    socket.once('secureConnect', () => {
      options.signal?.removeEventListener('abort', onAbort);
      const cert = socket.getPeerCertificate();
      socket.destroy();
      if (!cert?.fingerprint256) reject(new Error('the server presented no certificate'));
      else resolve(describeCertificate(cert, socket.authorized));
    });
  });
}

/**
 * An undici connector that accepts exactly the certificate with this fingerprint (https), whoever
 * signed it. TLS sessions are not reused, so every connection shows its certificate.
 */
export function pinnedConnector(
  build: typeof buildConnector,
  pin: string,
  timeoutMs: number,
): buildConnector.connector {
  const base = build({ timeout: timeoutMs, rejectUnauthorized: false, maxCachedSessions: 0 });
  return (opts, callback) =>
    base(opts, (err, socket) => {
      if (err || !socket) {
        callback(err ?? new Error('no socket'), null);
        return;
      }
      if (opts.protocol === 'https:') {
        const tls = socket as TLSSocket;
        const cert = tls.getPeerCertificate();
        if (cert?.fingerprint256 !== pin) {
          const seen = cert?.fingerprint256 ? describeCertificate(cert, tls.authorized) : undefined;
          socket.destroy();
          callback(new PinMismatchError(pin, cert?.fingerprint256 ?? '', seen), null);
          return;
        }
      }
      callback(null, socket);
    });
}
