import { describe, expect, it } from 'vitest';
import {
  accountName,
  isLoopback,
  normalizeHost,
  parseAccountName,
  parseWawiAddress,
} from '../../main/core/wawi/address';

describe('parseWawiAddress', () => {
  it.each([
    ['127.0.0.1:5883', 'http://127.0.0.1:5883/api/eazybusiness'],
    ['127.0.0.1:5883/', 'http://127.0.0.1:5883/api/eazybusiness'],
    ['localhost', 'http://localhost:5883/api/eazybusiness'],
    ['http://wawi-server:5883/api/Mandant_2', 'http://wawi-server:5883/api/Mandant_2'],
    ['http://WAWI-Server.:5883/api/Mandant_2/', 'http://wawi-server:5883/api/Mandant_2'],
    ['http://wawi-server:5883/api/eazybusiness/v1/', 'http://wawi-server:5883/api/eazybusiness'],
    ['https://wawi.example.com/api/eazybusiness', 'https://wawi.example.com:443/api/eazybusiness'],
    ['http://192.168.0.10:5883', 'http://192.168.0.10:5883/api/eazybusiness'],
    ['[::1]:64110', 'http://[::1]:64110/api/eazybusiness'],
    ['http://[fe80::1]:5883', 'http://[fe80::1]:5883/api/eazybusiness'],
    ['  wawi-server:5883  ', 'http://wawi-server:5883/api/eazybusiness'],
    // A port typed without a scheme is kept, also the scheme's default (the parser would drop it).
    ['wawi-server:80', 'http://wawi-server:80/api/eazybusiness'],
    ['wawi-server:80/api/Mandant_2', 'http://wawi-server:80/api/Mandant_2'],
    ['[::1]:80', 'http://[::1]:80/api/eazybusiness'],
  ])('%s → %s', (input, expected) => {
    expect(parseWawiAddress(input).baseUrl).toBe(expected);
  });

  it('connects to localhost and [::1] as typed; only the account host is 127.0.0.1', () => {
    for (const typed of ['localhost:5883', '[::1]:5883', 'http://[0:0:0:0:0:0:0:1]:5883']) {
      const s = parseWawiAddress(typed);
      expect(s.baseUrl).not.toContain('127.0.0.1');
      expect(accountName('a', s)).toBe('a@127.0.0.1:5883/eazybusiness');
      expect(isLoopback(s)).toBe(true);
    }
    expect(isLoopback(parseWawiAddress('192.168.0.10'))).toBe(false);
  });

  it.each([
    ['', /empty/],
    ['ftp://wawi:21', /Only http and https/],
    ['http://user:pw@wawi:5883', /user name or password/],
    ['http://wawi:5883/shop/api', /not a Wawi API path/],
    ['http://wawi:5883/api/x?y=1', /\?/],
    ['http://wawi:99999', /is not an address/],
  ])('refuses %j with a reason', (input, reason) => {
    expect(() => parseWawiAddress(input)).toThrow(reason);
  });
});

describe('keychain account names', () => {
  it('follow <AppId>@<host>:<port>/<database> with the normalised host and a lower-case database', () => {
    const s = parseWawiAddress('http://LOCALHOST:5883/api/Mandant_2');
    expect(accountName('myApp/v1', s)).toBe('myApp/v1@127.0.0.1:5883/mandant_2');
    expect(parseAccountName('my@App/v1@127.0.0.1:5883/mandant_2')).toEqual({
      appId: 'my@App/v1',
      host: '127.0.0.1',
      port: 5883,
      database: 'mandant_2',
    });
    expect(parseAccountName('garbage')).toBeNull();
  });

  it('write every loopback name as 127.0.0.1', () => {
    for (const h of ['localhost', 'LocalHost.', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])
      expect(normalizeHost(h)).toBe('127.0.0.1');
    expect(normalizeHost('Wawi-PC')).toBe('wawi-pc');
  });
});

describe('keychain service names', () => {
  it('pending entries never fall under the key service (Windows lists "<service>*")', async () => {
    const { KEY_SERVICE, PENDING_SERVICE, KeyVault } = await import('../../main/core/store/vault');
    expect(KEY_SERVICE).toBe('JTL-Wawi API key');
    expect(PENDING_SERVICE.startsWith(KEY_SERVICE)).toBe(false);
    const custom = new KeyVault(() => ({}) as never, { service: 'JTL-Wawi API key test 1' });
    expect(custom.pendingService.startsWith(custom.service)).toBe(false);
  });
});
