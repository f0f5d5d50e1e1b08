// The merchant's wizard end to end in Chromium: production renderer build, real IPC handler table,
// real core against the simulator, real keychain.
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { errorText } from '../../shared/errors/text';
import { describeScope } from '../../shared/scopes';
import {
  capture,
  type Harness,
  leftPending,
  MANIFEST,
  registerDirectly,
  screen,
  startHarness,
} from './harness';

let h: Harness;
/** The Wawi admin windows a test opened (adminPage). */
const adminWindows: BrowserContext[] = [];
test.afterEach(async () => {
  for (const w of adminWindows.splice(0)) await w.close();
  await h?.close();
});

/** The words the tests look for, from the app's own texts. */
const T = Object.fromEntries(
  (['en', 'de'] as const).map((lang) => {
    const x = TEXTS[lang];
    return [
      lang,
      {
        connect: x.connectTitle,
        review: x.reviewTitle,
        waiting: x.waitingTitle,
        done: x.doneTitle,
        cont: x.continue,
        check: x.checkAndContinue,
        send: x.send,
        copy: x.copyKey,
      },
    ];
  }),
) as Record<
  'en' | 'de',
  Record<'connect' | 'review' | 'waiting' | 'done' | 'cont' | 'check' | 'send' | 'copy', string>
>;

/**
 * The merchant's Wawi: the simulator's admin page, in a browser context (a window) of its own. A second
 * tab in the helper's window would hide the helper's page, and Chromium then throttles its animation
 * frames: every click there waited 1–2 s for the element to be stable.
 */
async function adminPage(page: Page, h: Harness): Promise<Page> {
  const window = await page.context().browser()!.newContext();
  adminWindows.push(window);
  const admin = await window.newPage();
  await admin.goto(h.sim.adminUrl);
  await expect(admin.getByRole('heading', { name: 'Registrierung beginnen' })).toBeVisible();
  return admin;
}

// The behaviour once, in German; capture() leaves each screen in both languages.
test.describe('in German', () => {
  const lang = 'de' as const;
  test(`happy path (${lang}): two clicks to the waiting screen, accept on the Wawi admin page, done, copy key`, async ({
    page,
  }) => {
    const t = T[lang];
    h = await startHarness({ lang });
    await h.open(page);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    await screen(page, t.connect, `1-connect`);
    await expect(
      page.getByRole('radio', { name: new RegExp(h.sim.apiUrl().replace(/[.:/]/g, '\\$&')) }),
    ).toBeChecked();
    // Click 1 of 2: the one server found is chosen already.
    await page.getByRole('button', { name: t.cont }).click();

    await screen(page, t.review, `2-review`);
    await expect(
      page.getByText(lang === 'de' ? 'Lagerbestand Sync (Demo)' : 'Stock Sync (Demo)').first(),
    ).toBeVisible();
    // A few permissions: one plain list, in the merchant's words.
    await expect(page.getByText(describeScope('item.queryitems', lang).label, { exact: true })).toBeVisible();
    await expect(page.locator('.scopes details')).toHaveCount(0);
    await expect(page.getByText('App-Registrierung').first()).toBeVisible();
    const admin = await adminPage(page, h);
    await admin.getByRole('button', { name: 'Hinzufügen' }).click();
    // Click 2 of 2.
    await page.getByRole('button', { name: t.send }).click();

    await screen(page, t.waiting, `3-waiting`);
    await expect(page.getByRole('status')).toHaveText(TEXTS[lang].stillWaiting);
    await admin.getByRole('button', { name: 'Annehmen' }).click();

    await screen(page, t.done, `4-done`);
    const account = `WawiHelperDemo/v1@127.0.0.1:${h.sim.port}/eazybusiness`;
    await expect(
      page.getByText(
        lang === 'de' ? 'der Windows-Anmeldeinformationsverwaltung' : 'the Windows Credential Manager',
        { exact: false },
      ),
    ).toBeVisible();
    // The entry name and copying the key are behind "Advanced", with a warning about what it grants.
    await expect(page.getByText(`${h.service}/${account}`)).toBeHidden();
    await expect(page.getByRole('button', { name: t.copy })).toBeHidden();
    await page.getByText(TEXTS[lang].advanced).click();
    await expect(page.getByText(`${h.service}/${account}`)).toBeVisible();
    await expect(page.getByText(TEXTS[lang].copyWarning)).toBeVisible();
    await page.getByRole('button', { name: t.copy }).click();
    await expect(page.getByRole('status')).toContainText('60');
    // One line says how long the key stays on the clipboard (the live region is heard, not seen twice).
    await expect(page.locator('.copy-key p:not(.visually-hidden)', { hasText: /\d+/ })).toHaveCount(1);
    const key = h.sim.apiKeys()[0]!;
    expect(h.clipboard.text).toBe(key);
    // The key never reaches the renderer.
    expect(await page.content()).not.toContain(key);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(
      h.sim.challengeCodes()[0],
    );
  });
});

/** More words the tests look for: the app's texts and the error texts, never copies. */
function words(lang: 'en' | 'de') {
  const x = TEXTS[lang];
  const err = (code: Parameters<typeof errorText>[0]['code'], params?: Record<string, string>) =>
    errorText({ code, ...(params ? { params } : {}) }, lang, 'app');
  const name = 'Lagerbestand Sync (Demo)';
  return {
    rejected: err('rejected').title,
    rejectedAlert: err('rejected').detail,
    startAgain: x.startOver,
    tryAgain: x.tryAgain,
    noneFound: x.noneFound,
    other: x.otherAddress,
    address: x.addressLabel,
    noAnswer: err('unreachable').title,
    noAnswerDetail: err('unreachable', { address: '127.0.0.1:9' }).detail,
    badAddress: err('invalid-address').title,
    cancel: x.cancel,
    manage: x.manageTitle,
    checkBtn: new RegExp(`^${x.verify}`),
    works: x.status.works!,
    rotateBtn: new RegExp(`^${x.rotate}`),
    rotate: x.rotateTitle,
    remove: x.removeSteps(name)[1]!,
    nowClick: x.waitingDialog(true),
    removedBtn: x.removed,
    rotated: x.rotatedTitle,
    revokeBtn: new RegExp(`^${x.revoke}`),
    revoke: x.revokeTitle,
    revoked: x.revokedText(name),
    manageBtn: x.manage,
    forgetBtn: new RegExp(`^${x.forget}`),
    forgetTitle: x.forgetTitle,
    forgetConfirm: x.forgetConfirm,
    none: x.none,
    manifest: err('manifest-invalid').title,
    doesNotExist: err('manifest-invalid', { variant: 'missing', path: '/nonexistent/manifest.json' }).detail,
  };
}
const L = { en: words('en'), de: words('de') };

async function toReview(page: Page, lang: 'en' | 'de') {
  await page.getByRole('button', { name: T[lang].cont }).click();
  await expect(page.getByRole('heading', { name: T[lang].review })).toBeVisible();
}

// The behaviour once, in English; capture() leaves each screen in both languages.
test.describe('in English', () => {
  const lang = 'en' as const;
  const t = T[lang];
  const l = L[lang];

  test(`rejected in Wawi (${lang}): a failure screen that says so, and start again`, async ({ page }) => {
    h = await startHarness({ lang });
    await h.open(page);
    await toReview(page, lang);
    const admin = await adminPage(page, h);
    await admin.getByRole('button', { name: 'Hinzufügen' }).click();
    await page.getByRole('button', { name: t.send }).click();
    await expect(page.getByRole('heading', { name: t.waiting })).toBeVisible();
    await admin.getByRole('button', { name: 'Ablehnen' }).click();
    await screen(page, l.rejected, `failure-rejected`);
    await expect(page.getByRole('alert')).toContainText(l.rejectedAlert);
    await page.getByRole('button', { name: l.startAgain }).click();
    await expect(page.getByRole('heading', { name: t.review })).toBeVisible();
  });

  test(`no registration window yet (${lang}): the request waits for the dialog, then goes out`, async ({
    page,
  }) => {
    const tx = TEXTS[lang];
    h = await startHarness({ lang });
    await h.open(page);
    await toReview(page, lang);
    await page.getByRole('button', { name: t.send }).click();
    await screen(page, tx.dialogTitle, `waiting-dialog`);
    await expect(page.getByRole('status')).toHaveText(tx.waitingForDialog);
    await expect(page.getByText('Admin → App-Registrierung')).toBeVisible();
    expect(h.sim.pending()).toEqual([]);
    // The merchant opens the dialog now: the helper sends by itself.
    h.sim.setWindow('eazybusiness', true);
    await expect(page.getByRole('heading', { name: t.waiting })).toBeVisible();
    await expect.poll(() => h.sim.pending().length).toBe(1);
    h.sim.accept(h.sim.pending()[0]!.id);
    await expect(page.getByRole('heading', { name: t.done })).toBeVisible();
  });

  test(`unreachable server (${lang}): the typed address is checked and the error names it`, async ({
    page,
  }) => {
    h = await startHarness({ lang, candidates: () => ['127.0.0.1:9'] });
    await h.open(page);
    await expect(page.getByRole('status').first()).toContainText(l.noneFound);
    await expect(page.getByRole('radio', { name: l.other })).toBeChecked();
    await page.getByLabel(l.address).fill('127.0.0.1:9');
    await page.getByRole('button', { name: t.check }).click();
    await expect(page.getByRole('alert')).toContainText(l.noAnswer);
    await expect(page.getByRole('alert')).toContainText(l.noAnswerDetail);
    await capture(page, `failure-unreachable`);
    await page.getByLabel(l.address).fill('wawi server with spaces');
    await page.getByRole('button', { name: t.check }).click();
    await expect(page.getByRole('alert')).toContainText(l.badAddress);
  });

  test(`cancel while waiting (${lang}): back on the review screen, neutral, the request kept`, async ({
    page,
  }) => {
    const tx = TEXTS[lang];
    h = await startHarness({ lang });
    h.sim.setWindow('eazybusiness', true);
    await h.open(page);
    await toReview(page, lang);
    await page.getByRole('button', { name: t.send }).click();
    await expect(page.getByRole('heading', { name: t.waiting })).toBeVisible();
    // Cancel once the request waits in Wawi: it stays there, and so does its entry here.
    await expect.poll(() => h.sim.pending().length).toBe(1);
    await page.getByRole('button', { name: l.cancel }).click();
    // The merchant's own cancel is no error: the screen they came from, with a neutral word.
    await screen(page, t.review, `cancelled`);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText(tx.cancelledTitle, { exact: true })).toBeVisible();
    await expect(page.getByText(tx.cancelledKept)).toBeVisible();
    expect(await h.vault.listPending()).toEqual([
      expect.objectContaining({ requestId: h.sim.pending()[0]!.id }),
    ]);
    expect(await h.core.list()).toEqual([]);
    // Its button waits for the same request again; nothing new goes to Wawi.
    await expect(page.getByRole('button', { name: tx.keepWaiting })).toBeVisible();
    await expect(page.getByRole('button', { name: t.send })).toHaveCount(0);
    // Discarding it here asks first, and says what an acceptance afterwards would mean.
    await page.getByRole('button', { name: tx.discardRequest }).click();
    await expect(page.getByText(tx.discardWarning)).toBeVisible();
    await capture(page, `cancelled-discard`);
    await page.getByRole('button', { name: tx.keepRequest }).click();
    expect(await h.vault.listPending()).toHaveLength(1);
    await page.getByRole('button', { name: tx.discardRequest }).click();
    await page.getByRole('button', { name: tx.discardRequest }).first().click();
    await expect.poll(() => h.vault.listPending()).toEqual([]);
    await expect(page.getByText(tx.cancelledKept)).toHaveCount(0);
    // Sending again now sends a new request (the old one was dropped here).
    await page.getByRole('button', { name: t.send }).click();
    await expect.poll(() => h.sim.pending().length).toBe(2);
  });

  test(`manage (${lang}): list with status, check, rotate with the merchant removing the app in Wawi`, async ({
    page,
  }) => {
    h = await startHarness({ lang, args: ['--manifest', MANIFEST, '--action', 'manage'] });
    const old = await registerDirectly(h);
    await h.open(page);
    await screen(page, l.manage, `manage`);
    const row = page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' });
    await expect(row).toContainText(old.fingerprint);
    await row.getByRole('button', { name: l.checkBtn }).click();
    await expect(row.getByText(l.works)).toBeVisible();

    await row.getByRole('button', { name: l.rotateBtn }).click();
    await screen(page, l.rotate, `rotate`);
    // The app has no access between the removal and the acceptance: said before anything happens.
    await expect(page.getByText(TEXTS[lang].rotateGap)).toBeVisible();
    await expect(page.getByText(l.remove)).toBeVisible();
    // The merchant removes the app; the helper waits for the Wawi dialog before it sends the new request.
    const admin = await adminPage(page, h);
    await admin.getByRole('button', { name: /entfernen/ }).click();
    await expect(page.getByRole('status')).toContainText(l.nowClick);
    await expect(page.getByRole('button', { name: l.removedBtn })).toBeDisabled();
    await capture(page, `rotate-waiting-dialog`);
    await admin.getByRole('button', { name: 'Hinzufügen' }).click();
    await admin.getByRole('button', { name: 'Annehmen' }).click();
    await screen(page, l.rotated, `rotated`);
    const fresh = (await h.core.list())[0]!;
    expect(fresh.fingerprint).not.toBe(old.fingerprint);
  });

  test(`revoke (${lang}): waits for the removal in Wawi, then deletes the key here; forget asks first`, async ({
    page,
  }) => {
    h = await startHarness({ lang, args: ['--action', 'manage'] });
    await registerDirectly(h);
    await h.open(page);
    await expect(page.getByRole('heading', { name: l.manage })).toBeVisible();
    await page.getByRole('button', { name: l.revokeBtn }).click();
    await screen(page, l.revoke, `revoke`);
    h.sim.removeApp('WawiHelperDemo/v1');
    await expect(page.getByText(l.revoked)).toBeVisible();
    await capture(page, `revoked`);
    expect(await h.core.list()).toEqual([]);

    await registerDirectly(h);
    await page.getByRole('button', { name: l.manageBtn }).click();
    await page.getByRole('button', { name: l.forgetBtn }).click();
    await expect(page.getByRole('heading', { name: l.forgetTitle })).toBeFocused();
    await capture(page, `forget`);
    await page.getByRole('button', { name: l.forgetConfirm, exact: true }).click();
    await expect(page.getByText(l.none)).toBeVisible();
    expect(h.sim.apps()).toHaveLength(1);
  });

  test(`a broken manifest gets its own failure screen and never reaches Wawi (${lang})`, async ({ page }) => {
    h = await startHarness({ lang, args: ['--manifest', '/nonexistent/manifest.json'] });
    await h.open(page);
    await screen(page, l.manifest, `failure-manifest`);
    await expect(page.getByRole('alert')).toContainText(l.doesNotExist);
    expect(h.sim.hits.size).toBe(0);
  });
});

test('a registration left pending by a closed helper goes on at the next start', async ({ page }) => {
  h = await startHarness();
  h.sim.setWindow('eazybusiness', true);
  // A previous helper sent the request, saved it as pending and was closed before the merchant decided.
  const code = 'resume-test-code-0001';
  const requestId = await leftPending(h, code);
  await h.open(page);
  await expect(page.getByRole('heading', { name: T.en.waiting })).toBeFocused();
  h.sim.accept(requestId);
  await expect(page.getByRole('heading', { name: T.en.done })).toBeVisible();
  expect(await h.vault.listPending()).toEqual([]);
  expect(h.sim.challengeCodes()).toEqual([code]);
});

test("--action revoke goes straight to revoking the launching app's registration", async ({ page }) => {
  h = await startHarness({ args: ['--manifest', MANIFEST, '--action', 'revoke'] });
  await registerDirectly(h);
  await h.open(page);
  await expect(page.getByRole('heading', { level: 1, name: TEXTS.en.revokeTitle })).toBeFocused();
  h.sim.removeApp('WawiHelperDemo/v1');
  await expect(
    page.getByText(/was removed in JTL-Wawi and its key deleted from this computer/),
  ).toBeVisible();
  expect(await h.core.list()).toEqual([]);
});

test('--action rotate without a registration of the app opens the list', async ({ page }) => {
  h = await startHarness({ args: ['--manifest', MANIFEST, '--action', 'rotate'] });
  await h.open(page);
  await expect(page.getByRole('heading', { level: 1, name: TEXTS.en.manageTitle })).toBeFocused();
  await expect(page.getByText(TEXTS.en.none)).toBeVisible();
});

test('language switch: texts and the lang attribute follow; arrow keys on it switch nothing', async ({
  page,
}) => {
  h = await startHarness({ lang: 'en' });
  await h.open(page);
  await expect(page.getByRole('heading', { name: T.en.connect })).toBeVisible();
  const toGerman = page.getByRole('button', { name: `${TEXTS.de.switchLanguage}: Deutsch` });
  await toGerman.focus();
  for (const key of ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft']) await page.keyboard.press(key);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: T.en.connect })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: T.de.connect })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // The switch now offers the way back, and keeps the focus for it.
  await expect(page.getByRole('button', { name: `${TEXTS.en.switchLanguage}: English` })).toBeFocused();
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
  await press(TEXTS.en.continue);
  await heading(T.en.review);
  await press(TEXTS.en.send);
  await heading(T.en.waiting);
  await expect.poll(() => h.sim.pending().length).toBe(1);
  h.sim.accept(h.sim.pending()[0]!.id);
  await heading(T.en.done);
  await press(TEXTS.en.advanced);
  await press(TEXTS.en.copyKey);
  await expect.poll(() => h.clipboard.text).toBe(h.sim.apiKeys()[0]);
});
