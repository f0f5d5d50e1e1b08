// Focus and keyboard: a confirmation takes the focus and gives it back to the button that opened it
// (Escape closes it), and a busy button keeps the focus, announced as unavailable, instead of dropping
// it to the page. Texts come from the renderer's dictionary.
import { expect, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { capture, type Harness, MANIFEST, registerDirectly, startHarness } from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

// The behaviour once, in German; capture() leaves each screen in both languages.
test.describe('in German', () => {
  const lang = 'de' as const;
  test(`the forget confirmation (${lang}) opens in its row; Escape and Cancel give the focus back`, async ({
    page,
  }) => {
    const t = TEXTS[lang];
    h = await startHarness({ lang, args: ['--manifest', MANIFEST, '--action', 'manage'] });
    await registerDirectly(h);
    await h.open(page);
    const row = page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' });
    const forget = row.getByRole('button', { name: new RegExp(`^${t.forget}`) });
    await forget.click();
    // The confirmation sits in the row, its heading focused.
    await expect(row.getByRole('heading', { name: t.forgetTitle })).toBeFocused();
    await capture(page, `forget-confirm`);
    await page.keyboard.press('Escape');
    await expect(row.getByRole('heading', { name: t.forgetTitle })).toHaveCount(0);
    await expect(forget).toBeFocused();
    await forget.press('Enter');
    await row.getByRole('button', { name: t.cancel, exact: true }).click();
    await expect(forget).toBeFocused();
    expect(await h.core.list()).toHaveLength(1);
    // Revoke carries the danger emphasis (and an icon); removing here does not.
    await expect(row.getByRole('button', { name: new RegExp(`^${t.revoke}`) })).toHaveClass(/danger/);
    await expect(row.getByRole('button', { name: new RegExp(`^${t.revoke}`) }).locator('svg')).toHaveCount(1);
    await expect(forget).not.toHaveClass(/danger|subtle/);
  });
});

test('a busy check keeps the focus on its button, aria-disabled meanwhile, and gives it back', async ({
  page,
}) => {
  const t = TEXTS.en;
  h = await startHarness({ lang: 'en', args: ['--manifest', MANIFEST, '--action', 'manage'] });
  await registerDirectly(h);
  await h.open(page);
  const row = page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' });
  const check = row.getByRole('button', { name: new RegExp(`^${t.verify}`) });
  await expect(check).toBeVisible();
  h.sim.addFaults([{ method: 'GET', path: '/api/**', type: 'latency', ms: 1500 }]);
  await check.focus();
  await page.keyboard.press('Enter');
  await expect(check).toHaveAttribute('aria-disabled', 'true');
  await expect(check).toBeFocused();
  // Pressing it again while busy does nothing.
  await page.keyboard.press('Enter');
  await expect(check).not.toHaveAttribute('aria-disabled');
  await expect(check).toBeFocused();
  await expect(page.getByRole('status')).toHaveText(`Lagerbestand Sync (Demo): ${t.status.works}`);
});

test('the discard confirmation after a cancel: Escape keeps the request and the focus returns', async ({
  page,
}) => {
  const t = TEXTS.en;
  h = await startHarness({ lang: 'en' });
  h.sim.setWindow('eazybusiness', true);
  await h.open(page);
  await page.getByRole('button', { name: t.continue }).click();
  await page.getByRole('button', { name: t.send }).click();
  await expect.poll(() => h.sim.pending().length).toBe(1);
  await page.getByRole('button', { name: t.cancel }).click();
  const discard = page.getByRole('button', { name: t.discardRequest });
  await discard.click();
  await expect(page.getByText(t.discardWarning)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText(t.discardWarning)).toHaveCount(0);
  await expect(discard).toBeFocused();
  expect(await h.vault.listPending()).toHaveLength(1);
});
