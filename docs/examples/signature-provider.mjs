// A minimal SignatureProvider: the vendor's endpoint that signs each registration of a JTL-certified
// app right before the helper sends it, so that the signing key never leaves the vendor's server.
//
//   POST /sign   {"appId": "<AppId>", "appVersion": "<Version>"}
//   200          {"Signature": "<base64>", "SignatureData": "<UTC ISO 8601 date-time, now>"}
//
// `Signature` covers "<AppId>.<SignatureData>". How JTL wants it signed belongs to your certification;
// this example signs with HMAC-SHA256 under SIGNING_SECRET, as the project's Wawi simulator checks it.
// Replace `sign()` with your real signing. Serve it over https in production (behind your TLS proxy).
//
// Usage: SIGNING_SECRET=… ALLOWED_APPS=myApp/v1 node signature-provider.mjs [port]
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

/** The signature over "<AppId>.<SignatureData>"; replace with the signing your certification names. */
export function sign(secret, appId, signatureData) {
  return createHmac('sha256', secret).update(`${appId}.${signatureData}`).digest('base64');
}

/** The provider as a request listener, for your own server or a test. */
export function signatureProvider({ secret, allowedApps, now = () => new Date() }) {
  return (req, res) => {
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || new URL(req.url, 'http://x').pathname !== '/sign')
      return reply(404, { error: 'POST /sign' });
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
      if (text.length > 4096) req.destroy();
    });
    req.on('end', () => {
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        return reply(400, { error: 'send JSON' });
      }
      // Sign only your own apps: anyone can reach this endpoint.
      if (typeof body?.appId !== 'string' || !allowedApps.includes(body.appId))
        return reply(403, { error: 'not an app of this vendor' });
      const signatureData = now().toISOString();
      reply(200, { Signature: sign(secret, body.appId, signatureData), SignatureData: signatureData });
    });
  };
}

if (process.argv[1]?.endsWith('signature-provider.mjs')) {
  const secret = process.env.SIGNING_SECRET;
  if (!secret) {
    console.error('Set SIGNING_SECRET (and ALLOWED_APPS, comma-separated AppIds).');
    process.exit(2);
  }
  const allowedApps = (process.env.ALLOWED_APPS ?? '').split(',').filter(Boolean);
  const port = Number(process.argv[2] ?? 8089);
  createServer(signatureProvider({ secret, allowedApps })).listen(port, '127.0.0.1', () =>
    console.log(
      `SignatureProvider on http://127.0.0.1:${port}/sign for ${allowedApps.join(', ') || 'no apps'}`,
    ),
  );
}
