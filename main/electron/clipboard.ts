// The clipboard for an API key. On Windows the entry is marked so that clipboard history (Win+V),
// cloud clipboard and clipboard monitors skip it: Electron can only write one format per write, so the
// text and the markers are written together by PowerShell (WinForms DataObject), the key on stdin,
// never on the command line. If that fails the key is not copied at all.
import { spawn } from 'node:child_process';
import { HelperError, powershellArgs, powershellPath, type Spawn } from '../core/index';
import type { Clipboard } from '../ipc/handlers';

/** The formats Windows reads: any data under the first; a DWORD 0 under the other two. */
export const WINDOWS_PRIVATE_FORMATS = [
  'ExcludeClipboardContentFromMonitorProcessing',
  'CanIncludeInClipboardHistory',
  'CanUploadToCloudClipboard',
] as const;

/** The PowerShell script: reads the key from stdin and puts it on the clipboard with the markers. */
export const WINDOWS_SCRIPT = [
  '$ErrorActionPreference = "Stop"',
  'Add-Type -AssemblyName System.Windows.Forms',
  '$text = [Console]::In.ReadToEnd()',
  '$data = New-Object System.Windows.Forms.DataObject',
  '$data.SetText($text, [System.Windows.Forms.TextDataFormat]::UnicodeText)',
  ...WINDOWS_PRIVATE_FORMATS.map(
    (f) => `$data.SetData('${f}', (New-Object System.IO.MemoryStream(,[byte[]](0,0,0,0))))`,
  ),
  '[System.Windows.Forms.Clipboard]::SetDataObject($data, $true)',
].join('; ');

function writeOnWindows(text: string, run: Spawn): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = run(powershellPath(), powershellArgs(WINDOWS_SCRIPT, true), {
      stdio: ['pipe', 'ignore', 'ignore'],
      windowsHide: true,
    });
    const fail = (reason: string) =>
      reject(new HelperError('internal', { params: { reason: `the key could not be copied (${reason})` } }));
    child.once('error', (err) => fail((err as NodeJS.ErrnoException).code ?? 'PowerShell did not start'));
    child.once('exit', (code) => (code === 0 ? resolve() : fail(`PowerShell ended with ${code}`)));
    child.stdin?.end(text, 'utf8');
  });
}

/** What of Electron's clipboard is used (its text calls are async in newer versions). */
export interface TextClipboard {
  writeText(text: string): unknown;
  readText(): string | Promise<string>;
  clear(): unknown;
}

export function secretClipboard(
  clipboard: TextClipboard,
  platform: NodeJS.Platform,
  run: Spawn = spawn,
): Clipboard {
  return {
    writeSecret: async (text) => {
      if (platform === 'win32') await writeOnWindows(text, run);
      else await clipboard.writeText(text);
    },
    writeText: async (text) => {
      await clipboard.writeText(text);
    },
    readText: () => clipboard.readText(),
    clear: async () => {
      await clipboard.clear();
    },
  };
}
