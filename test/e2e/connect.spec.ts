// Choosing the server and reviewing the app: another Mandant of a found server, a discovery that
// fails (never left "searching…"), and an app with many permissions (folded by area, marked where
// they delete, write or read everything; the send button in view without scrolling).
import { expect, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { ALL_SCOPES, describeScope } from '../../shared/scopes';
import { demoManifestFile } from '../helpers/manifest';
import { capture, type Harness, screen, startHarness } from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

test('another Mandant of the found server can be chosen, and the screens say "Mandant"', async ({ page }) => {
  const t = TEXTS.de;
  h = await startHarness({ lang: 'de', databases: ['eazybusiness', 'Mandant_2'] });
  h.sim.setWindow('Mandant_2', true);
  await h.open(page);
  await expect(page.getByText(t.serverLine('eazybusiness'), { exact: false })).toBeVisible();
  await expect(page.getByText('Datenbank')).toHaveCount(0);
  const mandant = page.getByLabel(t.mandantLabel, { exact: true });
  await expect(mandant).toHaveValue('eazybusiness');
  await mandant.fill('Mandant_2');
  // Another Mandant is checked first: the button says so.
  await page.getByRole('button', { name: t.checkAndContinue }).click();
  await screen(page, t.reviewTitle, 'review-mandant');
  await expect(page.getByText(`(${t.serverLine('Mandant_2')})`)).toBeVisible();
  await page.getByRole('button', { name: t.send }).click();
  await expect.poll(() => h.sim.pending('Mandant_2').length).toBe(1);
  expect(h.sim.pending('eazybusiness')).toEqual([]);
  await expect(page.locator('.request')).toContainText('Mandant_2');
});

test('a failed discovery ends the search: the address field, the reason, Search again', async ({ page }) => {
  const t = TEXTS.en;
  h = await startHarness({ lang: 'en' });
  const handle = h.handlers.handle.bind(h.handlers);
  let fail = true;
  h.handlers.handle = (channel, payload) =>
    channel === 'servers:discover' && fail
      ? Promise.resolve({
          ok: false as const,
          error: { code: 'internal' as const, message: 'x', params: { reason: 'probe crashed' } },
        })
      : handle(channel, payload);
  await h.open(page);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText(t.searching)).toHaveCount(0);
  await expect(page.getByRole('radio', { name: t.otherAddress })).toBeChecked();
  await expect(page.getByLabel(t.addressLabel)).toBeVisible();
  fail = false;
  await page.getByRole('button', { name: t.searchAgain }).click();
  await expect(page.getByRole('status').first()).toHaveText(t.found(1));
  await expect(page.getByRole('alert')).toHaveCount(0);
});

// The behaviour once, in German; capture() leaves each screen in both languages.
test.describe('in German', () => {
  const lang = 'de' as const;
  test(`46 permissions (${lang}): folded by area with counts, risky ones marked, Send in view`, async ({
    page,
  }) => {
    const t = TEXTS[lang];
    const scopes = ALL_SCOPES.filter((s) => s.startsWith('customer.') || s.startsWith('salesorder.')).slice(
      0,
      46,
    );
    expect(scopes).toHaveLength(46);
    h = await startHarness({
      lang,
      args: ['--manifest', demoManifestFile({ MandatoryApiScopes: scopes, OptionalApiScopes: [] })],
    });
    await h.open(page);
    await page.getByRole('button', { name: t.continue }).click();
    await screen(page, t.reviewTitle, `review-46-scopes`);
    await expect(page.getByRole('heading', { level: 2, name: `${t.requiredScopes} (46)` })).toBeVisible();
    // Folded: the areas with their counts, the permissions hidden until opened.
    const customers = page.locator('summary', { hasText: lang === 'de' ? 'Kunden' : 'Customers' });
    await expect(customers).toContainText(
      t.scopeCount(scopes.filter((s) => s.startsWith('customer.')).length),
    );
    await expect(customers).toContainText(t.risk.delete);
    const deleteLabel = describeScope('customer.deletecustomer', lang).label;
    await expect(page.getByText(deleteLabel, { exact: true })).toBeHidden();
    await customers.click();
    await expect(page.getByText(deleteLabel, { exact: true })).toBeVisible();
    // The send button stays in the window (the bar is pinned), even with an area open.
    const send = page.getByRole('button', { name: t.send });
    const box = await send.boundingBox();
    const height = page.viewportSize()!.height;
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    await capture(page, `review-46-scopes-open`);
  });
});
