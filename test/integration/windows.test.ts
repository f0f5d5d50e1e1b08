// What only Windows can prove, run by the windows job of .github/workflows/ci.yml (skipped elsewhere,
// with the reason): the service key store's PowerShell adapter writes a copy whose ACL icacls shows as
// planned, LocalSystem reads it through the PowerShell reader, another standard user cannot, and a
// standard user (no elevation) can write one under ProgramData's default rights; and the
// PowerShell and C# readers read a key the real CLI stored in Credential Manager, with the fingerprint of
// its result file.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { planServiceKey, serviceKeyDir, virtualAccountSid } from '../../main/core/service-key/plan';
import { SERVICE_KEY_SCRIPT, WindowsServiceKeyStore } from '../../main/core/service-key/windows-store';
import { CONNECTION_SERVICE, fingerprint, KEY_SERVICE } from '../../main/core/store/vault';
import { startWawiSim } from '../../tools/wawi-sim/server';
import { CLI, MANIFEST } from '../helpers/cli-env';
import { ROOT, run } from '../helpers/proc';
import { powershell, readerScript, runAs, sharedFolder, WINDOWS, WINDOWS_SKIP } from '../helpers/windows';

if (!WINDOWS) console.warn(`test/integration/windows.test.ts: skipped, ${WINDOWS_SKIP}`);

const APP = `wawiTest${randomBytes(3).toString('hex')}/v1`;
const SERVER = { baseUrl: 'http://127.0.0.1:5883/api/eazybusiness', database: 'eazybusiness' };
const KEY = `test-key-${randomBytes(8).toString('hex')}`;

describe.skipIf(!WINDOWS)('on Windows', () => {
  const store = new WindowsServiceKeyStore(serviceKeyDir(process.env));
  const accounts: string[] = [];
  afterAll(async () => {
    for (const a of accounts) await store.remove(a);
  });

  async function copyFor(serviceAccount: string, server: string) {
    const account = `${APP}@127.0.0.1:${server}/eazybusiness`;
    accounts.push(account);
    const plan = planServiceKey(
      serviceAccount,
      { account, appId: APP, ...SERVER },
      fingerprint(KEY),
      new Date().toISOString(),
    );
    await store.write(plan, KEY);
    return { account, file: join(store.dir, plan.fileName) };
  }

  it('the copy for a virtual service account: its ACL as planned (icacls), read back as the writer', async () => {
    const { account, file } = await copyFor('NT SERVICE\\WawiTestSync', '5883');
    const sid = virtualAccountSid('WawiTestSync');
    const acl = spawnSync(join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'icacls.exe'), [file], {
      encoding: 'utf8',
    }).stdout;
    const lines = acl
      .replace(file, '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.includes(':('));
    // Nothing inherited, nobody else: SYSTEM and Administrators full, the service and the writer read.
    expect(lines.some((l) => l.includes('(I)'))).toBe(false);
    expect(lines).toHaveLength(4);
    expect(lines).toContain('NT AUTHORITY\\SYSTEM:(F)');
    expect(lines).toContain('BUILTIN\\Administrators:(F)');
    expect(
      lines.some((l) => l === `NT SERVICE\\WawiTestSync:(R)` || l === `${sid}:(R)` || l === `*${sid}:(R)`),
    ).toBe(true);
    expect(lines.some((l) => /Users|Everyone|Jeder|Benutzer/i.test(l))).toBe(false);
    const dirAcl = spawnSync('icacls', [store.dir], { encoding: 'utf8' }).stdout;
    expect(dirAcl).not.toContain('(I)');
    expect(dirAcl).not.toMatch(/BUILTIN\\Users/);
    expect((await store.read(account))?.key).toBe(KEY);
  });

  it('LocalSystem reads its copy with the PowerShell reader; another standard user cannot', async () => {
    await copyFor('LocalSystem', '64110');
    const shared = sharedFolder();
    const readers = join(shared, 'readers');
    powershell(`New-Item -ItemType Directory -Path '${readers}' | Out-Null`);
    for (const [dir, name] of [
      ['powershell', 'WawiRegistrationKey.psm1'],
      ['dotnet', 'WawiKey.cs'],
      ['dotnet', 'WawiServiceKey.cs'],
    ])
      copyFileSync(join(ROOT, 'readers', dir!, name!), join(readers, name!));
    const read = readerScript(
      readers,
      `Get-WawiRegistration -ForService -AppId '${APP}' -Address '127.0.0.1:64110'`,
    );
    expect(await runAs('SYSTEM', shared, read)).toBe(`ok ${fingerprint(KEY)} ${SERVER.baseUrl}`);
    const other = {
      name: `wawi-other-${randomBytes(2).toString('hex')}`,
      password: `Pw-${randomBytes(12).toString('hex')}!`,
    };
    powershell(`net user '${other.name}' '${other.password}' /add | Out-Null`);
    try {
      expect(await runAs(other, shared, read)).toBe('error AccessDenied');
    } finally {
      powershell(`net user '${other.name}' /delete | Out-Null`);
      rmSync(shared, { recursive: true, force: true });
    }
  });

  it('a standard user writes a copy without elevation, in a folder of its own under ProgramData', async () => {
    const shared = sharedFolder();
    const user = {
      name: `wawi-std-${randomBytes(2).toString('hex')}`,
      password: `Pw-${randomBytes(12).toString('hex')}!`,
    };
    // As the helper would for this user: ProgramData's default rights, no folder prepared by anyone.
    const dir = join(process.env.ProgramData ?? 'C:\\ProgramData', `wawi-std-${process.pid}`, 'keys');
    const account = `${APP}@127.0.0.1:5884/eazybusiness`;
    const plan = planServiceKey(
      'LocalService',
      { account, appId: APP, ...SERVER },
      fingerprint(KEY),
      new Date().toISOString(),
    );
    writeFileSync(join(shared, 'write.ps1'), SERVICE_KEY_SCRIPT, 'utf8');
    const input = (op: string) =>
      JSON.stringify({
        op,
        dir,
        fileName: plan.fileName,
        folderRules: plan.folderRules,
        fileRules: plan.fileRules,
        header: plan.header,
        key: KEY,
      });
    writeFileSync(join(shared, 'write.json'), input('write'), 'utf8');
    writeFileSync(join(shared, 'read.json'), input('read'), 'utf8');
    const step = (name: string) =>
      `Get-Content -Raw '${join(shared, `${name}.json`)}' | & "$env:SystemRoot\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoProfile -ExecutionPolicy Bypass -File '${join(shared, 'write.ps1')}'`;
    powershell(`net user '${user.name}' '${user.password}' /add | Out-Null`);
    try {
      const answers = await runAs(
        user,
        shared,
        `$w = ${step('write')}
$r = (${step('read')}) | ConvertFrom-Json
[System.IO.File]::WriteAllText($out, "$w $($r.key -eq '${KEY}')")`,
      );
      expect(answers).toBe('{"ok":true} True');
      const acl = spawnSync('icacls', [join(dir, plan.fileName)], { encoding: 'utf8' }).stdout;
      expect(acl).toContain(`${user.name}:(R)`);
      expect(acl).toContain('NT AUTHORITY\\LOCAL SERVICE:(R)');
    } finally {
      powershell(`net user '${user.name}' /delete | Out-Null`);
      rmSync(join(dir, '..'), { recursive: true, force: true });
      rmSync(shared, { recursive: true, force: true });
    }
  });

  it('the PowerShell and C# readers read what the CLI stored in Credential Manager, with its fingerprint', async () => {
    const sim = await startWawiSim({ port: 0, autoAcceptMs: 50 });
    const home = mkdtempSync(join(tmpdir(), 'reader-'));
    const resultFile = join(home, 'result.json');
    try {
      const r = await run(
        CLI,
        ['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--result-file', resultFile],
        {
          WAWI_REGISTER_HOME: home,
          WAWI_REGISTER_KEYCHAIN_SERVICE: undefined,
          WAWI_REGISTER_CANDIDATES: '127.0.0.1:9',
        },
      );
      expect(r.code, r.output).toBe(0);
      const { registration } = JSON.parse(readFileSync(resultFile, 'utf8'));
      const address = `127.0.0.1:${sim.port}`;
      const expected = `${registration.keyFingerprint} ${sim.apiUrl()}`;
      // The documented target name: "JTL-Wawi API key/<account>".
      expect(fingerprint((await keytar.getPassword(KEY_SERVICE, registration.account))!)).toBe(
        registration.keyFingerprint,
      );
      const ps = powershell(
        readerScript(
          join(ROOT, 'readers', 'powershell'),
          `Get-WawiRegistration -AppId '${registration.appId}' -Address '${address}'`,
        ),
      );
      expect(ps).toBe(`ok ${expected}`);
      const dotnet = spawnSync(
        'dotnet',
        [
          'run',
          '--project',
          join(ROOT, 'readers/dotnet/test/PrintKey'),
          '--',
          'keychain',
          registration.appId,
          address,
        ],
        { encoding: 'utf8' },
      );
      expect(dotnet.status, dotnet.stderr).toBe(0);
      expect(dotnet.stdout.trim().split(/\r?\n/).at(-1)).toBe(expected);
      await keytar.deletePassword(KEY_SERVICE, registration.account);
      await keytar.deletePassword(CONNECTION_SERVICE, registration.account);
    } finally {
      await sim.close();
    }
  }, 180_000);
});
