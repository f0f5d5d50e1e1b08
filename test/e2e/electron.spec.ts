// Smoke test of the real Electron app. The Electron binary cannot be downloaded on every machine
// (CI here has no internet): then this test is skipped and says why.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import keytar from 'keytar';
import { fingerprint } from '../../main/core/store/vault';
import { WINDOWS_PRIVATE_FORMATS } from '../../main/electron/clipboard';
import { TEXTS } from '../../renderer/src/i18n';
import { launchResultSchema } from '../../shared/result';
import { startWawiSim } from '../../tools/wawi-sim/server';
import { ROOT } from '../helpers/proc';
import { powershell, WINDOWS } from '../helpers/windows';
import { MANIFEST } from './harness';

/** The installed Electron binary, found without require('electron') (which would try to download it). */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
// The Windows CI job installs the binary: there a missing one fails the test instead of skipping it.
const mustRun = process.env.WAWI_WINDOWS_CI === '1';
/** The built app with the demo manifest in English, and `more` arguments. */
function launch(more: string[]) {
  return electron.launch({
    executablePath: binary!,
    args: [
      join(ROOT, 'dist', 'main', 'electron', 'main.cjs'),
      '--manifest',
      MANIFEST,
      '--lang',
      'en',
      ...more,
      // Root on Linux needs it; Windows keeps its sandbox.
      ...(WINDOWS ? [] : ['--no-sandbox']),
    ],
    env: { ...process.env, WAWI_REGISTER_CANDIDATES: '127.0.0.1:9' },
  });
}

const SKIP_NO_BINARY =
  'Electron binary not installed (its download needs internet); the shell is covered by test/unit/electron-shell.test.ts';

test('the packaged shell starts, shows the wizard and exposes only window.wawi', async () => {
  test.skip(!binary && !mustRun, SKIP_NO_BINARY);
  const app = await launch([]);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: TEXTS.en.connectTitle })).toBeVisible();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe(
      'undefined',
    );
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { wawi: object }).wawi).sort()),
    ).toEqual(['channels', 'invoke', 'onFlowEvent']);
  } finally {
    await app.close();
  }
});

/** What the Windows clipboard holds: its formats, the marker's bytes, and its text's length (never the text). */
function windowsClipboard(): { formats: string[]; history: number[]; textLength: number } {
  return JSON.parse(
    powershell(`
      Add-Type -AssemblyName System.Windows.Forms
      $d = [System.Windows.Forms.Clipboard]::GetDataObject()
      $formats = if ($d) { @($d.GetFormats()) } else { @() }
      $h = if ($d -and $d.GetDataPresent('CanIncludeInClipboardHistory')) { @($d.GetData('CanIncludeInClipboardHistory').ToArray()) } else { @() }
      @{ formats = $formats; history = $h; textLength = ([System.Windows.Forms.Clipboard]::GetText()).Length } | ConvertTo-Json -Compress
    `),
  );
}

test('the packaged shell registers with --manifest against the simulator, stores the key, exits 0', async () => {
  test.skip(!binary && !mustRun, SKIP_NO_BINARY);
  const sim = await startWawiSim({ port: 0, autoAcceptMs: 200 });
  const resultFile = join(mkdtempSync(join(tmpdir(), 'electron-result-')), 'result.json');
  const app = await launch(['--wawi', sim.apiUrl(), '--result-file', resultFile]);
  const exited = new Promise<number | null>((resolve) => app.process().once('exit', (code) => resolve(code)));
  const t = TEXTS.en;
  let closedByUser = false;
  try {
    const page = await app.firstWindow();
    await page.getByRole('button', { name: t.checkAndContinue }).click();
    await page.getByRole('button', { name: t.send }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeVisible({ timeout: 30_000 });
    if (WINDOWS) {
      // Copy key: the clipboard entry carries the formats that keep it out of history and cloud.
      await page.getByText(t.advanced).click();
      await page.getByRole('button', { name: t.copyKey }).click();
      await expect
        .poll(() => windowsClipboard().formats)
        .toEqual(expect.arrayContaining([...WINDOWS_PRIVATE_FORMATS]));
      expect(windowsClipboard().history).toEqual([0, 0, 0, 0]);
    }
    // As the merchant does: the window's close button (the app then ends with the outcome's code).
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    closedByUser = true;
  } finally {
    // A step that failed leaves the app open: it is closed, not waited for.
    if (!closedByUser) await app.close().catch(() => undefined);
    await sim.close();
  }
  expect(await exited).toBe(0);
  const result = launchResultSchema.parse(JSON.parse(readFileSync(resultFile, 'utf8')));
  expect(result.outcome).toBe('ok');
  // Under the documented name: service "JTL-Wawi API key", the account of the result file.
  const account = result.registration!.account;
  const key = await keytar.getPassword('JTL-Wawi API key', account);
  expect(fingerprint(key!)).toBe(result.registration!.keyFingerprint);
  await keytar.deletePassword('JTL-Wawi API key', account);
  await keytar.deletePassword('JTL-Wawi server connection', account);
  // After quitting, the key is no longer on the clipboard.
  if (WINDOWS) expect(windowsClipboard().textLength).toBe(0);
});
