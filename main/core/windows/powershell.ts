// Windows PowerShell 5.1, run by its absolute path with a script and its input on stdin (a secret never
// goes on a command line, which other processes of the user can read).
import { spawn } from 'node:child_process';
import { win32 } from 'node:path';

export type Spawn = typeof spawn;

/**
 * Windows PowerShell by its absolute path: a bare name may be looked up in the current folder first,
 * where a planted powershell.exe would receive the key on stdin.
 */
export function powershellPath(env: NodeJS.ProcessEnv = process.env): string {
  const systemRoot = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
  return win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
}

/** The arguments that run `script` without profile, prompts or the machine's execution policy. */
export function powershellArgs(script: string, sta = false): string[] {
  return [
    '-NoProfile',
    '-NonInteractive',
    ...(sta ? ['-STA'] : []),
    '-ExecutionPolicy',
    'Bypass',
    // UTF-16LE base64: no quoting of the script by the command line.
    '-EncodedCommand',
    Buffer.from(script, 'utf16le').toString('base64'),
  ];
}

/** What a script printed (at most `maxBytes`) and how it ended. */
export interface ScriptRun {
  code: number | null;
  stdout: string;
}

/** Runs a script with `input` on stdin; rejects only when PowerShell could not be started or ran too long. */
export function runPowerShell(
  script: string,
  input: string,
  options: { env?: NodeJS.ProcessEnv; spawn?: Spawn; timeoutMs?: number; maxBytes?: number } = {},
): Promise<ScriptRun> {
  const run = options.spawn ?? spawn;
  const maxBytes = options.maxBytes ?? 256 * 1024;
  return new Promise((resolve, reject) => {
    const child = run(powershellPath(options.env), powershellArgs(script), {
      stdio: ['pipe', 'pipe', 'ignore'],
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`PowerShell did not finish within ${(options.timeoutMs ?? 60_000) / 1000} s`));
    }, options.timeoutMs ?? 60_000);
    child.stdout?.on('data', (b: Buffer) => {
      size += b.length;
      if (size <= maxBytes) chunks.push(b);
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`PowerShell did not start (${(err as NodeJS.ErrnoException).code ?? err.message})`));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(chunks).toString('utf8') });
    });
    child.stdin?.end(input, 'utf8');
  });
}
