// Smoke test of the real Electron app. The Electron binary cannot be downloaded on every machine
// (CI here has no internet): then this test is skipped and says why.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { ROOT } from '../helpers/proc';
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

test('the packaged shell starts, shows the wizard and exposes only window.wawi', async () => {
  test.skip(
    !binary,
    'Electron binary not installed (its download needs internet); the shell is covered by test/unit/electron-shell.test.ts',
  );
  const app = await electron.launch({
    executablePath: binary!,
    args: [
      join(ROOT, 'dist', 'main', 'electron', 'main.cjs'),
      '--manifest',
      MANIFEST,
      '--lang',
      'en',
      '--no-sandbox',
    ],
    env: { ...process.env, WAWI_REGISTER_CANDIDATES: '127.0.0.1:9' },
  });
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
