// The merchant's wizard end to end in Chromium: production renderer build, real IPC handler table,
// real core against the simulator, real keychain.
import { expect, type Page, test } from '@playwright/test';
import { parseWawiAddress } from '../../main/core/address';
import { demoManifest } from '../helpers/core';
import { expectAccessible, type Harness, screen, shot, startHarness } from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

const T = {
  en: {
    connect: 'Connect to your JTL-Wawi',
    review: 'Review the app',
    prepare: 'Prepare JTL-Wawi',
    waiting: 'Accept the request in JTL-Wawi',
    done: 'The app is connected',
    cont: 'Continue',
    check: 'Check and continue',
    send: 'Send request',
    copy: 'Copy key',
  },
  de: {
    connect: 'Mit Ihrer JTL-Wawi verbinden',
    review: 'App prüfen',
    prepare: 'JTL-Wawi vorbereiten',
    waiting: 'Nehmen Sie die Anfrage in JTL-Wawi an',
    done: 'Die App ist verbunden',
    cont: 'Weiter',
    check: 'Prüfen und weiter',
    send: 'Anfrage senden',
    copy: 'Schlüssel kopieren',
  },
} as const;

/** The merchant's Wawi: the simulator's admin page in a second page. */
async function adminPage(page: Page, h: Harness): Promise<Page> {
  const admin = await page.context().newPage();
  await admin.goto(h.sim.adminUrl);
  await expect(admin.getByRole('heading', { name: 'Registrierung beginnen' })).toBeVisible();
  return admin;
}

for (const lang of ['en', 'de'] as const) {
  test(`happy path (${lang}): connect, review, prepare, accept on the Wawi admin page, done, copy key`, async ({
    page,
  }) => {
    const t = T[lang];
    h = await startHarness({ lang });
    await h.open(page);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    await screen(page, t.connect, `1-connect-${lang}`);
    await expect(
      page.getByRole('radio', { name: new RegExp(h.sim.apiUrl().replace(/[.:/]/g, '\\$&')) }),
    ).toBeChecked();
    await page.getByRole('button', { name: t.check }).click();

    await screen(page, t.review, `2-review-${lang}`);
    await expect(
      page.getByText(lang === 'de' ? 'Lagerbestand Sync (Demo)' : 'Stock Sync (Demo)').first(),
    ).toBeVisible();
    await expect(page.getByText(lang === 'de' ? 'Artikel' : 'Items', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: t.cont }).click();

    await screen(page, t.prepare, `3-prepare-${lang}`);
    await expect(page.getByText('App-Registrierung').first()).toBeVisible();
    const admin = await adminPage(page, h);
    await admin.getByRole('button', { name: 'Hinzufügen' }).click();
    await page.getByRole('button', { name: t.send }).click();

    await screen(page, t.waiting, `4-waiting-${lang}`);
    await expect(page.getByRole('status')).toContainText(
      lang === 'de' ? 'Warte auf Ihre Entscheidung' : 'Waiting for your decision',
    );
    await admin.getByRole('button', { name: 'Annehmen' }).click();

    await screen(page, t.done, `5-done-${lang}`);
    const account = `WawiHelperDemo/v1@127.0.0.1:${h.sim.port}/eazybusiness`;
    await expect(page.getByText(`${h.service}/${account}`)).toBeVisible();
    await expect(
      page.getByText(
        lang === 'de' ? 'der Windows-Anmeldeinformationsverwaltung' : 'the Windows Credential Manager',
      ),
    ).toBeVisible();
    await page.getByRole('button', { name: t.copy }).click();
    await expect(page.getByRole('status')).toContainText('60');
    const key = h.sim.apiKeys()[0]!;
    expect(h.clipboard.text).toBe(key);
    // The key never reaches the renderer.
    expect(await page.content()).not.toContain(key);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(
      h.sim.challengeCodes()[0],
    );
    await admin.close();
  });
}

test('rejected in Wawi: a failure screen that says so, and start again', async ({ page }) => {
  h = await startHarness();
  await h.open(page);
  await page.getByRole('button', { name: 'Check and continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  const admin = await adminPage(page, h);
  await admin.getByRole('button', { name: 'Hinzufügen' }).click();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { name: T.en.waiting })).toBeVisible();
  await admin.getByRole('button', { name: 'Ablehnen' }).click();
  await screen(page, 'The registration was rejected', 'failure-rejected-en');
  await expect(page.getByRole('alert')).toContainText('rejected in JTL-Wawi');
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByRole('heading', { name: T.en.prepare })).toBeVisible();
});

test('no registration window, then retry after opening it', async ({ page }) => {
  h = await startHarness({ lang: 'de' });
  await h.open(page);
  await page.getByRole('button', { name: T.de.check }).click();
  await page.getByRole('button', { name: T.de.cont }).click();
  await page.getByRole('button', { name: T.de.send }).click();
  await screen(page, 'Wawi wartet auf keine Registrierung', 'failure-no-window-de');
  await expect(page.getByRole('alert')).toContainText('Admin → App-Registrierung');
  h.sim.setWindow('eazybusiness', true);
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await page.getByRole('button', { name: T.de.send }).click();
  await expect(page.getByRole('heading', { name: T.de.waiting })).toBeVisible();
  h.sim.accept(h.sim.pending()[0]!.id);
  await expect(page.getByRole('heading', { name: T.de.done })).toBeVisible();
});

test('unreachable server: the typed address is checked and the error names it', async ({ page }) => {
  h = await startHarness({ candidates: () => ['127.0.0.1:9'] });
  await h.open(page);
  await expect(page.getByRole('status').first()).toContainText('No Wawi server was found');
  await expect(page.getByRole('radio', { name: 'Another address' })).toBeChecked();
  await page.getByLabel('Address of the Wawi REST server').fill('127.0.0.1:9');
  await page.getByRole('button', { name: 'Check and continue' }).click();
  await expect(page.getByRole('alert')).toContainText('No answer from http://127.0.0.1:9/api/eazybusiness');
  await expectAccessible(page);
  await shot(page, 'failure-unreachable-en');
  await page.getByLabel('Address of the Wawi REST server').fill('wawi server with spaces');
  await page.getByRole('button', { name: 'Check and continue' }).click();
  await expect(page.getByRole('alert')).toContainText('This address is not usable');
});

test('cancel while waiting', async ({ page }) => {
  h = await startHarness();
  h.sim.setWindow('eazybusiness', true);
  await h.open(page);
  await page.getByRole('button', { name: 'Check and continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { name: T.en.waiting })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await screen(page, 'Cancelled', 'failure-cancelled-en');
  expect(await h.core.pending()).toEqual([]);
  expect(await h.core.list()).toEqual([]);
});

async function registerDirectly(h: Harness) {
  h.sim.setWindow('eazybusiness', true);
  const t = setInterval(() => {
    const p = h.sim.pending()[0];
    if (p) h.sim.accept(p.id);
  }, 30);
  try {
    return await h.core.register(demoManifest(), parseWawiAddress(h.sim.apiUrl()));
  } finally {
    clearInterval(t);
  }
}

test('manage: list with status, verify, rotate with the merchant removing the app in Wawi', async ({
  page,
}) => {
  h = await startHarness({
    args: ['--manifest', (await import('./harness')).MANIFEST, '--action', 'manage'],
  });
  const old = await registerDirectly(h);
  await h.open(page);
  await screen(page, 'Registrations on this computer', 'manage-en');
  const row = page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' });
  await expect(row).toContainText(old.fingerprint);
  await row.getByRole('button', { name: /^Check/ }).click();
  await expect(row.getByText('Works')).toBeVisible();

  await row.getByRole('button', { name: /^Rotate key/ }).click();
  await screen(page, 'Rotate the key', 'rotate-en');
  await expect(page.getByText('click "Entfernen"')).toBeVisible();
  // The merchant removes the app in Wawi and opens the dialog for the new registration.
  const admin = await adminPage(page, h);
  await admin.getByRole('button', { name: /entfernen/ }).click();
  // The helper sees the old key die and waits for the Wawi dialog before it sends the new request.
  await expect(page.getByRole('status')).toContainText('Now click "Hinzufügen" and "Weiter"');
  await shot(page, 'rotate-waiting-dialog-en');
  await admin.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(admin.getByRole('button', { name: 'Annehmen' })).toBeVisible();
  await admin.getByRole('button', { name: 'Annehmen' }).click();
  await screen(page, 'The key was rotated', 'rotated-en');
  const fresh = (await h.core.list())[0]!;
  expect(fresh.fingerprint).not.toBe(old.fingerprint);
});

test('revoke: waits for the removal in Wawi, then deletes the key here; forget asks first', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de', args: ['--action', 'manage'] });
  await registerDirectly(h);
  await h.open(page);
  await screen(page, 'Registrierungen auf diesem Computer', 'manage-de');
  await page.getByRole('button', { name: /^Widerrufen/ }).click();
  await screen(page, 'Zugriff widerrufen', 'revoke-de');
  h.sim.removeApp('WawiHelperDemo/v1');
  await expect(
    page.getByText(/wurde in JTL-Wawi entfernt und ihr Schlüssel von diesem Computer gelöscht/),
  ).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'revoked-de');
  expect(await h.core.list()).toEqual([]);

  await registerDirectly(h);
  await page.getByRole('button', { name: 'Registrierungen verwalten' }).click();
  await page.getByRole('button', { name: /^Hier vergessen/ }).click();
  await expect(page.getByRole('heading', { name: 'Nur auf diesem Computer vergessen?' })).toBeFocused();
  await expectAccessible(page);
  await shot(page, 'forget-de');
  await page.getByRole('button', { name: 'Auf diesem Computer vergessen' }).click();
  await expect(page.getByText('Noch keine Registrierungen')).toBeVisible();
  expect(h.sim.apps()).toHaveLength(1);
});

test('a broken manifest gets its own failure screen and never reaches Wawi', async ({ page }) => {
  h = await startHarness({ args: ['--manifest', '/nonexistent/manifest.json'] });
  await h.open(page);
  await screen(page, 'The app manifest is not valid', 'failure-manifest-en');
  await expect(page.getByRole('alert')).toContainText('does not exist');
  expect(h.sim.hits.size).toBe(0);
});

test('language switch: texts and the lang attribute follow', async ({ page }) => {
  h = await startHarness({ lang: 'en' });
  await h.open(page);
  await expect(page.getByRole('heading', { name: T.en.connect })).toBeVisible();
  await page.getByLabel('Language').selectOption('de');
  await expect(page.getByRole('heading', { name: T.de.connect })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect((await h.handlers.handle('lang:get', {})) as unknown).toEqual({ ok: true, data: { lang: 'de' } });
});

test('keyboard only: the whole registration without a mouse', async ({ page }) => {
  h = await startHarness();
  h.sim.setWindow('eazybusiness', true);
  await h.open(page);
  const heading = (name: string) => expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
  /** Tabs forward until the named button has the focus, then presses Enter. */
  async function press(name: string) {
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (focused === name) {
        await page.keyboard.press('Enter');
        return;
      }
    }
    throw new Error(`"${name}" could not be reached with Tab`);
  }
  await heading(T.en.connect);
  await expect(page.getByRole('radio').first()).toBeChecked();
  await press('Check and continue');
  await heading(T.en.review);
  await press('Continue');
  await heading(T.en.prepare);
  await press('Send request');
  await heading(T.en.waiting);
  h.sim.accept(h.sim.pending()[0]!.id);
  await heading(T.en.done);
  await press('Copy key');
  await expect.poll(() => h.clipboard.text).toBe(h.sim.apiKeys()[0]);
});
