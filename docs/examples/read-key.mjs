// How a vendor's Node app reads the API key the Wawi Registration Helper stored.
// Usage: node read-key.mjs <AppId> <wawi address>   e.g.  node read-key.mjs myApp/v1 http://127.0.0.1:5883/api/eazybusiness
import keytar from 'keytar';

export const SERVICE = 'JTL-Wawi API key';

/** The keychain account: <AppId>@<host>:<port>/<database>, with the helper's host rule. */
export function wawiKeyAccount(appId, address) {
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(address.trim());
  const url = new URL(hasScheme ? address.trim() : `http://${address.trim()}`);
  const port = url.port ? Number(url.port) : hasScheme ? (url.protocol === 'https:' ? 443 : 80) : 5883;
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  if (/^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(host)) host = '127.0.0.1';
  const database = (url.pathname.split('/').filter(Boolean)[1] ?? 'eazybusiness').toLowerCase();
  return `${appId}@${host}:${port}/${database}`;
}

/**
 * Every instance of a MultiInstance app registered for this Wawi: the first one's account is
 * <AppId>@…, further ones <AppId>#<n>@… (n = 2, 3, …). Sorted by instance number.
 */
export async function readWawiInstances(appId, address) {
  const first = wawiKeyAccount(appId, address);
  const at = first.lastIndexOf('@');
  const server = first.slice(at);
  const instance = (account) => {
    if (account === first) return 1;
    const m = account.endsWith(server) && /^(.+)#(\d+)$/.exec(account.slice(0, -server.length));
    return m && m[1] === appId ? Number(m[2]) : undefined;
  };
  return (await keytar.findCredentials(SERVICE))
    .map((c) => ({ instance: instance(c.account), account: c.account, key: c.password }))
    .filter((c) => c.instance !== undefined)
    .sort((a, b) => a.instance - b.instance);
}

/** The key, or null when the app is not registered for this Wawi on this computer. */
export async function readWawiKey(appId, address) {
  return keytar.getPassword(SERVICE, wawiKeyAccount(appId, address));
}

// Run as a script: print whether a key is there (never print the key itself in real apps' logs).
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('read-key.mjs')) {
  const [appId, address] = process.argv.slice(2);
  if (!appId || !address) {
    console.error('Usage: node read-key.mjs <AppId> <wawi address>');
    process.exit(2);
  }
  const key = await readWawiKey(appId, address);
  if (!key) {
    console.error(`No key for ${wawiKeyAccount(appId, address)}: start the helper with --action register.`);
    process.exit(1);
  }
  // Use it: fetch(`${base}/v1/companies`, { headers: { Authorization: `Wawi ${key}`, 'x-appid': appId, 'x-appversion': '1.0.0' } })
  console.log(`Found the key for ${wawiKeyAccount(appId, address)} (${key.length} characters).`);
}
