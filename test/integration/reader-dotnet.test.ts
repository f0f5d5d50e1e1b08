// readers/dotnet: compiled here with Mono's C# compiler at language version 5 (what Windows PowerShell
// 5.1's Add-Type compiles, so C# 7.3 and netstandard2.0 clean too), and its pure parts run against the
// helper's: the host rule, account parsing, the key fingerprint and the connection entry. Reading
// Credential Manager runs in the Windows CI job (.github/workflows/ci.yml).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planServiceKey, serviceKeyFileName } from '../../main/core/service-key/plan';
import { fingerprint } from '../../main/core/store/vault';
import { accountName, parseWawiAddress } from '../../main/core/wawi/address';
import { parseAccount } from '../../readers/node/index.mjs';
import { ROOT } from '../helpers/proc';

const hasMono = spawnSync('mcs', ['--version']).status === 0 && spawnSync('mono', ['--version']).status === 0;
if (!hasMono)
  console.warn('readers/dotnet: skipped, mcs and mono are not installed (apt: mono-mcs, see README)');

let exe = '';
beforeAll(() => {
  if (!hasMono) return;
  exe = join(mkdtempSync(join(tmpdir(), 'dotnet-reader-')), 'check.exe');
  execFileSync(
    'mcs',
    [
      '-langversion:5',
      '-warnaserror',
      '-r:System.Net.Http.dll',
      '-r:System.Runtime.Serialization.dll',
      `-out:${exe}`,
      join(ROOT, 'readers/dotnet/WawiKey.cs'),
      join(ROOT, 'readers/dotnet/WawiServiceKey.cs'),
      join(ROOT, 'readers/dotnet/test/HostRule.cs'),
    ],
    { stdio: 'pipe' },
  );
}, 60_000);

/** Runs the checks, one tab-separated line each, and returns the answers in order. */
function ask(lines: string[][]): string[] {
  const r = spawnSync('mono', [exe], {
    input: `${lines.map((l) => l.join('\t')).join('\n')}\n`,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trimEnd().split('\n');
}

const ADDRESSES = [
  '127.0.0.1:5883',
  'localhost',
  'LOCALHOST:64110',
  'http://LOCALHOST:5883/api/Mandant_2/',
  'https://wawi.example.com/api/eazybusiness',
  'https://Wawi.Example.com.:64110/api/EAZYBUSINESS/v1/',
  'http://[::1]:64110',
  '[::1]',
  'wawi-server.:5883',
  'wawi-server:80',
  'http://wawi-server:80',
  'http://wawi-server/api/Mandant%202',
  '192.168.0.20',
  '127.0.0.2:5883',
];

describe.skipIf(!hasMono)('the .NET reader (C# 7.2/7.3, Mono)', () => {
  it('writes every address as the helper does (host rule, port, database)', () => {
    const answers = ask(ADDRESSES.map((a) => ['account', 'myApp/v1', a]));
    expect(answers).toEqual(ADDRESSES.map((a) => accountName('myApp/v1', parseWawiAddress(a))));
  });

  it('splits accounts as the Node reader does, instances included', () => {
    const accounts = [
      'myApp/v1@127.0.0.1:5883/eazybusiness',
      'myApp/v1#3@wawi-server:64110/mandant_2',
      'myApp/v1@[fe80::1]:5883/eazybusiness',
      'not an account',
    ];
    const answers = ask(accounts.map((a) => ['parse', a]));
    expect(answers).toEqual(
      accounts.map((a) => {
        const p = parseAccount(a);
        return p ? [p.appId, p.instance, p.host, p.port, p.database].join('\t') : 'null';
      }),
    );
  });

  it('has the same key fingerprint and reads the connection entry as the helper writes it', () => {
    const keys = ['a', 'abc-DEF_123', 'ÄÖÜ ß'];
    expect(ask(keys.map((k) => ['key', k]))).toEqual(keys.map((k) => fingerprint(k)));
    expect(
      ask([
        [
          'connection',
          '{"v":1,"baseUrl":"https://127.0.0.1:64110/api/eazybusiness","certificatePin":"AB:CD"}',
        ],
        ['connection', '{"v":1,"baseUrl":"http://wawi:5883/api/eazybusiness","insecureHttp":true}'],
        ['connection', 'not json'],
      ]),
    ).toEqual([
      'https://127.0.0.1:64110/api/eazybusiness\tAB:CD\tFalse',
      'http://wawi:5883/api/eazybusiness\tnull\tTrue',
      'null\tnull\tFalse',
    ]);
  });

  it('names and finds a service key file as the helper writes it', () => {
    const accounts = [
      'myApp/v1@127.0.0.1:5883/eazybusiness',
      'myApp/v1#2@[::1]:64110/mandant_2',
      'ä%/x@h:1/d',
    ];
    expect(ask(accounts.map((a) => ['filename', a]))).toEqual(
      accounts.map((a) => `${serviceKeyFileName(a)}\t${a}`),
    );
    const folder = mkdtempSync(join(tmpdir(), 'service-keys-'));
    for (const server of ['127.0.0.1:5883', 'wawi-server:64110']) {
      const account = accountName('myApp/v1', parseWawiAddress(server));
      const plan = planServiceKey(
        'NT SERVICE\\MySync',
        {
          account,
          appId: 'myApp/v1',
          baseUrl: `http://${server}/api/eazybusiness`,
          database: 'eazybusiness',
        },
        'abcd1234',
        '2026-12-06T08:00:00.000Z',
      );
      writeFileSync(join(folder, plan.fileName), JSON.stringify({ ...plan.header, protectedKey: 'AQID' }));
    }
    writeFileSync(join(folder, serviceKeyFileName('broken/v1@127.0.0.1:5883/eazybusiness')), 'not json');
    expect(
      ask([
        ['service', folder, 'other/v1'],
        ['service', folder, 'myApp/v1'],
        ['service', folder, 'myApp/v1', 'wawi-server:64110'],
        ['service', folder, 'broken/v1'],
        ['service', join(folder, 'none'), 'myApp/v1'],
      ]),
    ).toEqual(['NotRegistered', 'SeveralRegistrations', 'dpapi', 'VaultError', 'NotRegistered']);
  });
});
