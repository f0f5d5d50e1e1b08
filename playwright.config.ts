import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// This run's own folders (the workers inherit them): the screens the behaviour specs leave for the
// screen check, and Playwright's output. A second run beside this one never touches them.
process.env.WAWI_SCREENS_DIR ??= mkdtempSync(join(tmpdir(), 'wawi-screens-'));
process.env.WAWI_PW_OUTPUT ??= mkdtempSync(join(tmpdir(), 'wawi-playwright-'));

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // No retries: a test that passes only on a second try is a failed test.
  retries: 0,
  failOnFlakyTests: true,
  fullyParallel: true,
  outputDir: process.env.WAWI_PW_OUTPUT,
  globalTeardown: './test/e2e/teardown.ts',
  projects: [
    // What the merchant does and what the wizard answers; each screen reached is left for the check.
    { name: 'behaviour', testMatch: /.*\.spec\.ts/, testIgnore: /screens\.spec\.ts/ },
    // The screen check, once per screen and language, after every behaviour spec.
    { name: 'screens', testMatch: /screens\.spec\.ts/, dependencies: ['behaviour'] },
  ],
  use: {
    viewport: { width: 900, height: 760 },
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
