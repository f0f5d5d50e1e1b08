// The service key store on Windows: Windows PowerShell 5.1 with .NET's ProtectedData (DPAPI,
// LocalMachine) and file security, run by absolute path; the plan and the key go in on stdin as JSON.
// The folder and each file are created with their rules in place (never a moment with ProgramData's
// "every user may read"), and a folder owned by anyone but this user, SYSTEM or Administrators is
// refused: another user could swap files in it. Runs in the Windows CI job (test/integration/windows.test.ts).

import { existsSync } from 'node:fs';
import { win32 } from 'node:path';
import { runPowerShell, type Spawn } from '../windows/powershell';
import type { ServiceKeyHeader, ServiceKeyPlan } from './plan';
import { serviceKeyFileName, serviceKeyFileSchema } from './plan';
import { ServiceKeyError, type ServiceKeyStore } from './store';

export const SERVICE_KEY_SCRIPT = String.raw`
$ErrorActionPreference = 'Stop'
Add-Type -AssemblyName System.Security
$utf8 = New-Object System.Text.UTF8Encoding($false)
# stdin and stdout as UTF-8 bytes: the console's code page would turn names with umlauts into '?'.
$buffer = New-Object System.IO.MemoryStream
[Console]::OpenStandardInput().CopyTo($buffer)
$in = $utf8.GetString($buffer.ToArray()) | ConvertFrom-Json
$AC = [System.Security.AccessControl.AccessControlType]::Allow
$FS = [System.Security.AccessControl.FileSystemRights]
$None = [System.Security.AccessControl.InheritanceFlags]::None
$NoProp = [System.Security.AccessControl.PropagationFlags]::None
$me = [System.Security.Principal.WindowsIdentity]::GetCurrent().User
function Say($o) {
  $b = $utf8.GetBytes(($o | ConvertTo-Json -Compress))
  $stdout = [Console]::OpenStandardOutput()
  $stdout.Write($b, 0, $b.Length)
  $stdout.Flush()
}
function Sid($who) {
  if ($who -is [string]) { return $me }
  if ($who.sid) { return New-Object System.Security.Principal.SecurityIdentifier($who.sid) }
  $name = $who.name -replace '^\.\\', ($env:COMPUTERNAME + '\')
  try { return (New-Object System.Security.Principal.NTAccount($name)).Translate([System.Security.Principal.SecurityIdentifier]) }
  catch { throw (New-Object System.Collections.Generic.KeyNotFoundException($who.name)) }
}
function Rule($r) {
  $rights = switch ($r.rights) {
    'full' { $FS::FullControl }
    'list' { $FS::ListDirectory -bor $FS::ReadAttributes -bor $FS::Synchronize }
    default { $FS::Read -bor $FS::Synchronize }
  }
  New-Object System.Security.AccessControl.FileSystemAccessRule((Sid $r.who), $rights, $None, $NoProp, $AC)
}
function Trusted($path) {
  $owner = [System.IO.Directory]::GetAccessControl($path, [System.Security.AccessControl.AccessControlSections]::Owner).GetOwner([System.Security.Principal.SecurityIdentifier]).Value
  if ($owner -ne $me.Value -and $owner -ne 'S-1-5-18' -and $owner -ne 'S-1-5-32-544') {
    throw (New-Object System.UnauthorizedAccessException("$path belongs to $owner"))
  }
}
try {
  $dir = $in.dir
  $file = Join-Path $dir $in.fileName
  if ($in.op -eq 'write') {
    $parent = Split-Path -Parent $dir
    if (-not (Test-Path -LiteralPath $parent)) { [void][System.IO.Directory]::CreateDirectory($parent) }
    Trusted $parent
    if (-not (Test-Path -LiteralPath $dir)) {
      $ds = New-Object System.Security.AccessControl.DirectorySecurity
      $ds.SetAccessRuleProtection($true, $false)
      foreach ($r in $in.folderRules) { $ds.AddAccessRule((Rule $r)) }
      [void][System.IO.Directory]::CreateDirectory($dir, $ds)
    } else {
      Trusted $dir
      # Another writer (an administrator) adds itself; inherited rules never come back.
      try {
        $ds = [System.IO.Directory]::GetAccessControl($dir)
        $ds.SetAccessRuleProtection($true, $false)
        foreach ($r in $in.folderRules) { $ds.AddAccessRule((Rule $r)) }
        [System.IO.Directory]::SetAccessControl($dir, $ds)
      } catch { }
    }
    $fs = New-Object System.Security.AccessControl.FileSecurity
    $fs.SetAccessRuleProtection($true, $false)
    foreach ($r in $in.fileRules) { $fs.AddAccessRule((Rule $r)) }
    $entropy = $utf8.GetBytes($in.header.serviceAccount)
    $blob = [System.Security.Cryptography.ProtectedData]::Protect($utf8.GetBytes($in.key), $entropy, 'LocalMachine')
    $content = $in.header
    $content | Add-Member -NotePropertyName protectedKey -NotePropertyValue ([Convert]::ToBase64String($blob))
    $bytes = $utf8.GetBytes(($content | ConvertTo-Json -Compress))
    $tmp = Join-Path $dir ('.' + [guid]::NewGuid().ToString('N') + '.tmp')
    $stream = [System.IO.File]::Create($tmp, 4096, [System.IO.FileOptions]::WriteThrough, $fs)
    try { $stream.Write($bytes, 0, $bytes.Length) } finally { $stream.Dispose() }
    if (Test-Path -LiteralPath $file) { [System.IO.File]::Delete($file) }
    [System.IO.File]::Move($tmp, $file)
    Say @{ ok = $true }
  } elseif ($in.op -eq 'read') {
    if (-not (Test-Path -LiteralPath $file)) { Say @{ ok = $true; found = $false }; exit 0 }
    $text = [System.IO.File]::ReadAllText($file, $utf8)
    $parsed = $text | ConvertFrom-Json
    $plain = [System.Security.Cryptography.ProtectedData]::Unprotect([Convert]::FromBase64String($parsed.protectedKey), $utf8.GetBytes($parsed.serviceAccount), 'LocalMachine')
    Say @{ ok = $true; found = $true; file = $text; key = $utf8.GetString($plain) }
  } elseif ($in.op -eq 'remove') {
    $found = Test-Path -LiteralPath $file
    if ($found) { [System.IO.File]::Delete($file) }
    Say @{ ok = $true; found = $found }
  }
} catch {
  # A .NET method's exception reaches PowerShell wrapped (MethodInvocationException): the state comes
  # from the first exception in the chain that names one.
  $state = 'failed'
  for ($e = $_.Exception; $e; $e = $e.InnerException) {
    if ($e -is [System.Collections.Generic.KeyNotFoundException]) { $state = 'account-unknown'; break }
    if ($e -is [System.UnauthorizedAccessException]) { $state = 'denied'; break }
  }
  Say @{ ok = $false; state = $state; detail = $_.Exception.Message }
}
`;

interface Answer {
  ok: boolean;
  found?: boolean;
  file?: string;
  key?: string;
  state?: 'account-unknown' | 'denied' | 'failed';
  detail?: string;
}

export class WindowsServiceKeyStore implements ServiceKeyStore {
  readonly supported = true;

  constructor(
    readonly dir: string,
    private readonly options: { env?: NodeJS.ProcessEnv; spawn?: Spawn } = {},
  ) {}

  private async ask(input: Record<string, unknown>): Promise<Answer> {
    let run: Awaited<ReturnType<typeof runPowerShell>>;
    try {
      run = await runPowerShell(
        SERVICE_KEY_SCRIPT,
        JSON.stringify({ ...input, dir: this.dir }),
        this.options,
      );
    } catch (err) {
      throw new ServiceKeyError('failed', (err as Error).message);
    }
    let answer: Answer;
    try {
      answer = JSON.parse(run.stdout) as Answer;
    } catch {
      throw new ServiceKeyError('failed', `PowerShell ended with ${run.code} without an answer`);
    }
    if (!answer.ok) throw new ServiceKeyError(answer.state ?? 'failed', answer.detail ?? 'no reason given');
    return answer;
  }

  exists(account: string): boolean {
    return existsSync(win32.join(this.dir, serviceKeyFileName(account)));
  }

  async write(plan: ServiceKeyPlan, key: string): Promise<void> {
    await this.ask({
      op: 'write',
      fileName: plan.fileName,
      folderRules: plan.folderRules,
      fileRules: plan.fileRules,
      header: plan.header,
      key,
    });
  }

  async read(account: string): Promise<{ header: ServiceKeyHeader; key: string } | null> {
    const answer = await this.ask({ op: 'read', fileName: serviceKeyFileName(account) });
    if (!answer.found || answer.file === undefined || answer.key === undefined) return null;
    const parsed = serviceKeyFileSchema.safeParse(JSON.parse(answer.file));
    if (!parsed.success) throw new ServiceKeyError('failed', 'the copy is not in the expected format');
    const { protectedKey: _blob, ...header } = parsed.data;
    return { header, key: answer.key };
  }

  async remove(account: string): Promise<boolean> {
    return (await this.ask({ op: 'remove', fileName: serviceKeyFileName(account) })).found === true;
  }
}
