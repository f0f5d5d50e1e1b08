// Self-signed certificates made in the test with openssl, for 127.0.0.1 and ::1, and an impostor
// server that presents one.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createTlsServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  key: string;
  cert: string;
  /** SHA-256 fingerprint as the helper writes it ("AB:CD:…"). */
  fingerprint: string;
}

export function makeCertificate(cn = '127.0.0.1'): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-subj',
        `/CN=${cn}/O=Test Wawi`,
        '-addext',
        'subjectAltName=IP:127.0.0.1,IP:::1',
        '-days',
        '1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An https server on a given port that presents another certificate and counts what reaches it. */
export async function startImpostor(port: number, cert: TestCertificate) {
  const requests: { method?: string; url?: string; authorization?: string }[] = [];
  const server: Server = createTlsServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url?.includes('info') ? '{"Version":"1.10.12.0","Tenant":"eazybusiness"}' : '[]');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
