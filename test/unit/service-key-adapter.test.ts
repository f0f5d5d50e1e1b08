// The Windows service key store's Node side, with a stand-in for PowerShell: the script and the key go
// in on stdin (never on a command line), PowerShell by its absolute path, and every answer becomes a
// state the merchant is told. The script itself runs in the Windows job (test/integration/windows.test.ts).
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { planServiceKey } from '../../main/core/service-key/plan';
import { SERVICE_KEY_SCRIPT, WindowsServiceKeyStore } from '../../main/core/service-key/windows-store';
import type { Spawn } from '../../main/core/windows/powershell';

const REG = {
  account: 'myApp/v1@127.0.0.1:5883/eazybusiness',
  appId: 'myApp/v1',
  baseUrl: 'http://127.0.0.1:5883/api/eazybusiness',
  database: 'eazybusiness',
};

function fakePowerShell(answer: (input: Record<string, unknown>) => string | null) {
  const calls: { file: string; args: string[]; input: Record<string, unknown> }[] = [];
  const spawn = ((file: string, args: string[]) => {
    const child = new EventEmitter() as EventEmitter & {
      stdin: PassThrough;
      stdout: PassThrough;
      kill(): void;
    };
    child.stdin = new PassThrough();
    child.stdout = new PassThrough();
    child.kill = () => {};
    let text = '';
    child.stdin.on('data', (b: Buffer) => {
      text += b.toString('utf8');
    });
    child.stdin.on('end', () => {
      const input = JSON.parse(text) as Record<string, unknown>;
      calls.push({ file, args, input });
      const out = answer(input);
      if (out !== null) child.stdout.end(out);
      else child.stdout.end();
      setImmediate(() => child.emit('close', out === null ? 1 : 0));
    });
    return child;
  }) as unknown as Spawn;
  return { spawn, calls };
}

const env = { SystemRoot: 'C:\\Windows' };
const plan = planServiceKey('NT SERVICE\\MySync', REG, 'abcd1234', '2026-12-06T08:00:00.000Z');

describe('the Windows service key store, Node side', () => {
  it('hands plan and key to Windows PowerShell by absolute path on stdin; the command line holds neither', async () => {
    const ps = fakePowerShell(() => '{"ok":true}');
    const store = new WindowsServiceKeyStore('C:\\ProgramData\\Wawi Registration Helper\\keys', {
      env,
      spawn: ps.spawn,
    });
    await store.write(plan, 'the-secret-key');
    const call = ps.calls[0]!;
    expect(call.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(call.args.join(' ')).not.toContain('the-secret-key');
    const script = Buffer.from(call.args.at(-1)!, 'base64').toString('utf16le');
    expect(script).toBe(SERVICE_KEY_SCRIPT);
    expect(call.input).toMatchObject({
      op: 'write',
      dir: 'C:\\ProgramData\\Wawi Registration Helper\\keys',
      fileName: plan.fileName,
      key: 'the-secret-key',
      header: plan.header,
    });
    expect(call.input.fileRules).toEqual(plan.fileRules);
    expect(call.input.folderRules).toEqual(plan.folderRules);
  });

  it.each([
    ['{"ok":false,"state":"denied","detail":"C:\\\\x belongs to S-1-5-21-9"}', 'denied'],
    ['{"ok":false,"state":"account-unknown","detail":"CONTOSO\\\\nobody"}', 'account-unknown'],
    ['{"ok":false,"state":"failed","detail":"disk full"}', 'failed'],
    ['not json', 'failed'],
    [null, 'failed'],
  ])('an answer %j is the state %s', async (answer, state) => {
    const store = new WindowsServiceKeyStore('C:\\k', { env, spawn: fakePowerShell(() => answer).spawn });
    await expect(store.write(plan, 'k')).rejects.toMatchObject({ state });
  });

  it('reads a copy: the file as the helper writes it, the key unprotected by Windows', async () => {
    const file = JSON.stringify({ ...plan.header, protectedKey: 'AQID' });
    const ps = fakePowerShell((input) =>
      input.op === 'read'
        ? JSON.stringify({ ok: true, found: true, file, key: 'the-key' })
        : '{"ok":true,"found":false}',
    );
    const store = new WindowsServiceKeyStore('C:\\k', { env, spawn: ps.spawn });
    expect(await store.read(REG.account)).toEqual({ header: plan.header, key: 'the-key' });
    expect(ps.calls[0]!.input).toEqual({ op: 'read', dir: 'C:\\k', fileName: plan.fileName });
    expect(await store.remove(REG.account)).toBe(false);
  });

  it("refuses a copy that is not in the helper's format", async () => {
    const ps = fakePowerShell(() => JSON.stringify({ ok: true, found: true, file: '{"v":9}', key: 'k' }));
    const store = new WindowsServiceKeyStore('C:\\k', { env, spawn: ps.spawn });
    await expect(store.read(REG.account)).rejects.toMatchObject({ state: 'failed' });
  });

  it('the script creates folder and file with their rules in place and refuses a folder of another owner', () => {
    expect(SERVICE_KEY_SCRIPT).toContain('SetAccessRuleProtection($true, $false)');
    expect(SERVICE_KEY_SCRIPT).toContain('[System.IO.Directory]::CreateDirectory($dir, $ds)');
    expect(SERVICE_KEY_SCRIPT).toContain(
      '[System.IO.File]::Create($tmp, 4096, [System.IO.FileOptions]::WriteThrough, $fs)',
    );
    expect(SERVICE_KEY_SCRIPT).toContain(
      "ProtectedData]::Protect($utf8.GetBytes($in.key), $entropy, 'LocalMachine')",
    );
    expect(SERVICE_KEY_SCRIPT).toMatch(/Trusted \$parent[\s\S]*Trusted \$dir/);
    // UTF-8 bytes both ways, not the console's code page ("PC\\Jürgen" stays itself).
    expect(SERVICE_KEY_SCRIPT).toContain('[Console]::OpenStandardInput().CopyTo($buffer)');
    expect(SERVICE_KEY_SCRIPT).not.toContain('[Console]::In.');
    // The key is never printed back by a write.
    expect(SERVICE_KEY_SCRIPT).not.toMatch(/Say[^\n]*\$in\.key/);
    // An access error from a .NET call arrives wrapped (MethodInvocationException): the state is read
    // from the exception chain, not from a typed catch that would miss it.
    expect(SERVICE_KEY_SCRIPT).not.toMatch(/catch \[/);
    expect(SERVICE_KEY_SCRIPT).toContain('$e = $e.InnerException');
  });
});
