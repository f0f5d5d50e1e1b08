// Failure screens with one clear next action: a 409 without a key here becomes "remove it in Wawi and
// register again" in place, a missing licence is met at the first request (before the merchant opens
// anything in Wawi) and ends with Close, and every failure offers its details and the log folder.
import { expect, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { errorText } from '../../shared/errors/text';
import { type Harness, inBothLanguages, registerDirectly, screen, startHarness } from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

const account = (h: Harness) => `WawiHelperDemo/v1@127.0.0.1:${h.sim.port}/eazybusiness`;

// The behaviour once, in German; capture() leaves each screen in both languages.
test.describe('in German', () => {
  const lang = 'de' as const;
  const t = TEXTS[lang];

  test(`409 without a key here (${lang}): removed in Wawi and registered again from the failure screen`, async ({
    page,
  }) => {
    h = await startHarness({ lang });
    // Registered in Wawi, but this computer lost its key (a reinstall, another computer).
    await registerDirectly(h);
    await h.core.forget(account(h));
    const oldKey = h.sim.apiKeys()[0]!;
    h.sim.setWindow('eazybusiness', true);

    await h.open(page);
    await page.getByRole('button', { name: t.continue }).click();
    await page.getByRole('button', { name: t.send }).click();
    await screen(page, errorText({ code: 'already-registered' }, lang, 'app').title, `failure-409`);
    await expect(page.getByText(t.replaceWarning)).toBeVisible();
    // A state to act on, not an error: one neutral box, no red alert; the bar on one row.
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.warn')).toHaveCount(0);
    await inBothLanguages(page, async () => {
      const tops = await page
        .locator('.actions.bar button')
        .evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);
    });
    // No "try again" that would only meet the 409 again: the one next action replaces the registration.
    await expect(page.getByRole('button', { name: t.tryAgain })).toHaveCount(0);
    await page.getByRole('button', { name: t.replaceRegistration }).click();

    await screen(page, t.unregisterTitle, `replace-waiting`);
    await expect(page.getByRole('status')).toHaveText(t.unregisterWaiting);
    await expect(page.getByText(t.rotateGap)).toBeVisible();
    expect(h.sim.pending()).toEqual([]);
    h.sim.removeApp('WawiHelperDemo/v1');
    await expect(page.getByRole('heading', { level: 1, name: t.waitingTitle })).toBeVisible();
    await expect.poll(() => h.sim.pending().length).toBe(1);
    h.sim.accept(h.sim.pending()[0]!.id);
    await expect(page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeVisible();
    const [record] = await h.core.list();
    expect(await h.vault.get(record!.account)).not.toBe(oldKey);
  });

  test(`licence missing (${lang}): met at the first request, Close as the way on, details and log folder`, async ({
    page,
  }) => {
    h = await startHarness({ lang });
    h.sim.setLicenceMissing('eazybusiness', true);
    await h.open(page);
    await page.getByRole('button', { name: t.continue }).click();
    // The dialog in Wawi is not open: the licence is still checked at once, before the merchant goes there.
    await page.getByRole('button', { name: t.send }).click();
    await screen(page, errorText({ code: 'licence-missing' }, lang, 'app').title, `failure-licence`);
    await expect(page.getByRole('alert')).toContainText(
      lang === 'de' ? 'JTL-Kundencenter' : 'JTL customer centre',
    );
    await expect(page.getByRole('button', { name: t.tryAgain })).toHaveCount(0);
    // The vendor must act first: a way to reach them, in both languages.
    await inBothLanguages(page, async (l) => {
      await expect(page.getByRole('button', { name: TEXTS[l].vendorWebsite })).toBeVisible();
    });
    const bar = page.locator('.actions.bar button');
    await expect(bar.last()).toHaveText(t.close);
    await expect(bar.last()).toHaveClass(/primary/);
    await page.getByRole('button', { name: t.copyDetails }).click();
    await expect(page.getByText(t.detailsCopied)).toBeVisible();
    expect(h.clipboard.text).toContain('[licence-missing, HTTP 402]');
    expect(h.clipboard.text).toContain(errorText({ code: 'licence-missing' }, lang, 'app').detail);
    await page.getByRole('button', { name: t.openLogFolder }).click();
    await expect.poll(() => h.logFolderOpened.count).toBe(1);
    expect(h.sim.pending()).toEqual([]);
  });
});
