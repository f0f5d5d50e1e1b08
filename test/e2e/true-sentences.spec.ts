// Every sentence the wizard shows is backed by a state that was reached (issue 21): a removal the
// merchant only confirmed is not called a dead key, and Wawi still listing the app is said as such; a
// Wawi dialog closed while the request waited is said as such, and a cancel then does not claim that
// nothing was sent. Behaviour once, in German; each sentence checked in both languages.
import { expect, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { errorText } from '../../shared/errors/text';
import {
  type Harness,
  inBothLanguages,
  MANIFEST,
  refusing,
  registerDirectly,
  sendFromReview,
  startHarness,
} from './harness';

const APP = 'WawiHelperDemo/v1';
let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

test('rotation confirmed before the app was removed: no dead-key claim; Wawi still listing the app is said, then rotated', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de', args: ['--manifest', MANIFEST, '--action', 'manage'] });
  const old = await registerDirectly(h);
  await h.open(page);
  const row = page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' });
  await row.getByRole('button', { name: new RegExp(`^${TEXTS.de.rotate}`) }).click();
  await page.getByRole('button', { name: TEXTS.de.removed }).click();
  const status = page.getByRole('status');
  await inBothLanguages(page, async (lang) => {
    await expect(status).toHaveText(TEXTS[lang].waitingDialog(false));
    await expect(page.getByText(TEXTS[lang].oldKeyDead)).toHaveCount(0);
  });
  // The merchant opens the dialog without having removed the app: Wawi answers 409, said as such.
  h.sim.setWindow('eazybusiness', true);
  await inBothLanguages(page, async (lang) => {
    await expect(status).toHaveText(TEXTS[lang].stillRegistered);
  });
  expect(h.sim.pending()).toEqual([]);
  // Removed now: the request goes out, the merchant accepts, the key is rotated.
  h.sim.removeApp(APP);
  await expect.poll(() => h.sim.pending().length).toBe(1);
  h.sim.accept(h.sim.pending()[0]!.id);
  await expect(page.getByRole('heading', { level: 1, name: TEXTS.de.rotatedTitle })).toBeVisible();
  expect((await h.core.list())[0]?.fingerprint).not.toBe(old.fingerprint);
});

test('the Wawi dialog closed while the request waited: said as such; a cancel then says the request expired', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de' });
  await sendFromReview(h, page, 'de');
  h.sim.setWindow('eazybusiness', false);
  await inBothLanguages(page, async (lang) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXTS[lang].dialogClosedTitle);
    await expect(page.getByRole('status')).toContainText(TEXTS[lang].dialogClosed);
  });
  await page.getByRole('button', { name: TEXTS.de.cancel }).click();
  await expect(page.getByRole('heading', { level: 1, name: TEXTS.de.reviewTitle })).toBeVisible();
  const expired = (lang: 'de' | 'en') =>
    errorText({ code: 'cancelled', params: { variant: 'expired' } }, lang, 'app').next;
  await inBothLanguages(page, async (lang) => {
    await expect(page.getByText(expired(lang))).toBeVisible();
    await expect(page.getByText(TEXTS[lang].cancelledNothingSent)).toHaveCount(0);
  });
  expect(await h.vault.listPending()).toEqual([]);
});

test('the keychain refuses before anything is sent: the failure says nothing was sent, and claims nothing of a key', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de', keychain: refusing({ store: false, list: false, check: true }) });
  h.sim.setWindow('eazybusiness', true);
  await h.open(page);
  await page.getByRole('button', { name: TEXTS.de.continue }).click();
  await page.getByRole('button', { name: TEXTS.de.send }).click();
  await inBothLanguages(page, async (lang) => {
    const text = errorText({ code: 'keychain-unavailable', params: { nothingSent: 'true' } }, lang, 'app');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.title);
    await expect(page.getByText(text.detail)).toBeVisible();
    await expect(
      page.getByText(lang === 'de' ? 'An JTL-Wawi wurde nichts gesendet' : 'Nothing was sent to JTL-Wawi'),
    ).toBeVisible();
    await expect(
      page.getByText(lang === 'de' ? /nirgendwo anders/ : /never stored anywhere else/),
    ).toHaveCount(0);
  });
  expect([...h.sim.hits.keys()].some((k) => k.startsWith('POST'))).toBe(false);
});

test('"Try again" after a failed send sends again to the same server, not back to step 1', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de' });
  h.sim.setWindow('eazybusiness', true);
  h.sim.addFaults([{ method: 'POST', path: '/api/*/v1/authentication', type: 'status', status: 503 }]);
  await h.open(page);
  await page.getByRole('button', { name: TEXTS.de.continue }).click();
  await page.getByRole('button', { name: TEXTS.de.send }).click();
  const failed = errorText({ code: 'server-error', status: 503 }, 'de', 'app').title;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(failed);
  expect(h.sim.pending()).toEqual([]);
  await page.getByRole('button', { name: TEXTS.de.tryAgain }).click();
  await inBothLanguages(page, async (lang) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXTS[lang].waitingTitle);
    await expect(page.getByText(TEXTS[lang].stepOf(3, 4))).toBeVisible();
  });
  await expect.poll(() => h.sim.pending().length).toBe(1);
});

for (const lang of ['de', 'en'] as const) {
  test(`the screen reader hears the key checked, never "waiting" after it (${lang})`, async ({ page }) => {
    const t = TEXTS[lang];
    h = await startHarness({ lang });
    h.sim.setWindow('eazybusiness', true);
    await h.open(page);
    // Every text the live regions ever held, in order.
    await page.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      const note = () => {
        for (const el of document.querySelectorAll('[role="status"]')) {
          const text = el.textContent ?? '';
          if (text && heard.at(-1) !== text) heard.push(text);
        }
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await page.getByRole('button', { name: t.continue }).click();
    await page.getByRole('button', { name: t.send }).click();
    await expect.poll(() => h.sim.pending().length).toBe(1);
    h.sim.accept(h.sim.pending()[0]!.id);
    await expect(page.getByRole('heading', { level: 1, name: t.doneTitle })).toBeVisible();
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    const checked = heard.findIndex((s) => s === t.verifying || s === t.storing);
    expect(checked, heard.join(' | ')).toBeGreaterThan(-1);
    expect(
      heard.slice(checked).filter((s) => s === t.stillWaiting),
      heard.join(' | '),
    ).toEqual([]);
  });
}
