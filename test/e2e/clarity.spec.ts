// Screens that say what to do (issue 21): no server found names the common case (the REST server on
// another PC); a mistyped Mandant is said at the field, which is marked; a key Wawi no longer accepts
// is explained and offers no revoke; Done says where the key is, that the app reads it by itself, and
// that the window can be closed. Behaviour in German; each sentence checked in both languages.
import { expect, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import {
  capture,
  type Harness,
  inBothLanguages,
  MANIFEST,
  registerDirectly,
  sendFromReview,
  startHarness,
} from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

test('no server found: the REST server on another computer is explained, with an example address', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de', candidates: () => ['127.0.0.1:9'] });
  await h.open(page);
  await expect(page.getByRole('status')).toHaveText(TEXTS.de.noneFound);
  await inBothLanguages(page, async (lang) => {
    // Step 1 names the app, in the merchant's language.
    const app = lang === 'de' ? 'Lagerbestand Sync (Demo)' : 'Stock Sync (Demo)';
    await expect(page.getByText(TEXTS[lang].connectIntro(app))).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: TEXTS[lang].otherPcTitle })).toBeVisible();
    for (const step of TEXTS[lang].otherPcSteps) await expect(page.getByText(step)).toBeVisible();
  });
  await capture(page, 'connect-none-found');
});

test('a mistyped Mandant is said at the field, which is marked invalid (not "unexpected answer … proxy")', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de' });
  await h.open(page);
  const mandant = page.getByLabel(TEXTS.de.mandantLabel, { exact: true });
  await mandant.fill('eazybusines');
  await page.getByRole('button', { name: TEXTS.de.checkAndContinue }).click();
  await expect(mandant).toHaveAttribute('aria-invalid', 'true');
  await inBothLanguages(page, async (lang) => {
    await expect(page.getByText(TEXTS[lang].mandantUnknown('eazybusines', 'eazybusiness'))).toBeVisible();
    await expect(page.getByText(lang === 'de' ? /Proxy/ : /proxy/)).toHaveCount(0);
  });
  await capture(page, 'connect-mandant-unknown');
  await mandant.fill('eazybusiness');
  await page.getByRole('button', { name: TEXTS.de.continue }).click();
  await expect(page.getByRole('heading', { level: 1, name: TEXTS.de.reviewTitle })).toBeVisible();
});

test('a key Wawi no longer accepts: explained in the row, and no revoke offered (nothing left to revoke)', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de', args: ['--manifest', MANIFEST, '--action', 'manage'] });
  await registerDirectly(h);
  h.sim.removeApp('WawiHelperDemo/v1');
  await h.open(page);
  const row = page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' });
  await row.getByRole('button', { name: new RegExp(`^${TEXTS.de.verify}`) }).click();
  await inBothLanguages(page, async (lang) => {
    await expect(row.getByText(TEXTS[lang].status.rejected!, { exact: true })).toBeVisible();
    await expect(row.getByText(TEXTS[lang].rejectedExplained)).toBeVisible();
    await expect(row.getByRole('button', { name: new RegExp(`^${TEXTS[lang].revoke}`) })).toHaveCount(0);
    await expect(row.getByText(/\(401\)/)).toHaveCount(0);
  });
  await capture(page, 'manage-rejected');
});

test('Done says where the key is, that the app reads it by itself, and that the window can be closed', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de' });
  await sendFromReview(h, page, 'de');
  h.sim.accept(h.sim.pending()[0]!.id);
  await expect(page.getByRole('heading', { level: 1, name: TEXTS.de.doneTitle })).toBeVisible();
  await inBothLanguages(page, async (lang) => {
    const name = lang === 'de' ? 'Lagerbestand Sync (Demo)' : 'Stock Sync (Demo)';
    await expect(page.getByText(TEXTS[lang].doneWhere(name, 'win32'))).toBeVisible();
    await expect(page.getByText(TEXTS[lang].doneClose)).toBeVisible();
    // The technical entry name only under Advanced.
    await expect(page.getByText(TEXTS[lang].entryName, { exact: true })).toBeHidden();
  });
});

test('a vendor-branded build is named as the vendor named it: the window title and the header', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de', productName: 'Lagerbestand Sync Connector' });
  await h.open(page);
  await expect(page.locator('header .brand')).toHaveText('Lagerbestand Sync Connector');
  await expect(page).toHaveTitle('Lagerbestand Sync Connector');
});
