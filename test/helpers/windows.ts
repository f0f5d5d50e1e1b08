// Windows-only test tools: Windows PowerShell by absolute path, and a script run as another account
// through the Task Scheduler (LocalSystem, or a standard user with a password). The Windows CI job sets
// WAWI_WINDOWS_CI=1: there a Windows test must run, and a missing tool fails it instead of skipping.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { powershellArgs, powershellPath } from '../../main/core/windows/powershell';

export const WINDOWS = process.platform === 'win32';
export const WINDOWS_SKIP =
  'needs Windows (Credential Manager, DPAPI, NTFS access rules, Task Scheduler): runs in the windows job of .github/workflows/ci.yml';

/** Runs a Windows PowerShell script; its stdout, trimmed. Throws with stderr when it fails. */
export function powershell(script: string, input = ''): string {
  const r = spawnSync(powershellPath(), powershellArgs(script), {
    input,
    encoding: 'utf8',
    windowsHide: true,
  });
  if (r.status !== 0) throw new Error(`PowerShell ended with ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Runs `script` as `user` (a scheduled task, started at once) and returns what it wrote to the output
 * file it is given as $out. `folder` must be readable and writable by that user.
 */
export async function runAs(
  user: 'SYSTEM' | { name: string; password: string },
  folder: string,
  script: string,
): Promise<string> {
  const name = `wawi-test-${process.pid}-${Date.now()}`;
  const out = join(folder, `${name}.out`);
  const file = join(folder, `${name}.ps1`);
  writeFileSync(file, `$out = ${quote(out)}\n${script}\n`, 'utf8');
  const exe = powershellPath();
  powershell(`
    $ErrorActionPreference = 'Stop'
    $a = New-ScheduledTaskAction -Execute ${quote(exe)} -Argument ${quote(`-NoProfile -ExecutionPolicy Bypass -File "${file}"`)}
    ${
      user === 'SYSTEM'
        ? `Register-ScheduledTask -TaskName ${quote(name)} -Action $a -User 'NT AUTHORITY\\SYSTEM' -RunLevel Highest -Force | Out-Null`
        : `Register-ScheduledTask -TaskName ${quote(name)} -Action $a -User ${quote(user.name)} -Password ${quote(user.password)} -Force | Out-Null`
    }
    Start-ScheduledTask -TaskName ${quote(name)}
  `);
  try {
    const deadline = Date.now() + 60_000;
    while (!existsSync(out)) {
      if (Date.now() > deadline)
        throw new Error(
          `the task as ${JSON.stringify(user === 'SYSTEM' ? user : user.name)} wrote nothing in 60 s`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 250));
    return readFileSync(out, 'utf8').trim();
  } finally {
    powershell(`Unregister-ScheduledTask -TaskName ${quote(name)} -Confirm:$false`);
  }
}

/** A folder every local user may read and write (for scripts run as other accounts). */
export function sharedFolder(): string {
  const dir = join(process.env.ProgramData ?? 'C:\\ProgramData', `wawi-test-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  powershell(`icacls ${quote(dir)} /grant '*S-1-5-32-545:(OI)(CI)M' | Out-Null`);
  return dir;
}

/**
 * The PowerShell reader's answer to a read (a service's key file or Credential Manager) as one line,
 * "ok <fingerprint> <baseUrl>" or "error <code>": written to $out when the script has one, else printed.
 * `readers` is a folder with the module and the C# sources beside it (readers/powershell, or a copy).
 */
export function readerScript(readers: string, call: string): string {
  return `
    try {
      Import-Module ${quote(join(readers, 'WawiRegistrationKey.psm1'))}
      $r = ${call}
      $line = "ok $($r.KeyFingerprint) $($r.BaseUrl)"
    } catch {
      $e = $_.Exception
      while ($e.InnerException -and -not ($e -is [WawiRegistrationKey.WawiKeyException])) { $e = $e.InnerException }
      $line = if ($e -is [WawiRegistrationKey.WawiKeyException]) { "error $($e.Error)" } else { "error $($e.GetType().Name): $($e.Message)" }
    }
    if ($out) { [System.IO.File]::WriteAllText($out, $line) } else { $line }
  `;
}
