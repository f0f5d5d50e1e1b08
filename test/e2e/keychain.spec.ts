// The keychain in the browser: a key accepted while the keychain refuses it waits on screen (retry,
// or give it up after a warning), and a list the keychain can't give gets a retry, not an endless
// "Loading…". The real keychain, made to refuse by a wrapper while a switch is on.
import { expect, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { errorText } from '../../shared/errors/text';
import { capture, type Harness, MANIFEST, refusing, registerDirectly, screen, startHarness } from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

// The behaviour once, in German; capture() leaves each screen in both languages.
test.describe('in German', () => {
  const lang = 'de' as const;
  const t = TEXTS[lang];
  test(`accepted while the keychain refuses (${lang}): the key waits, give-up asks first, Retry stores it`, async ({
    page,
  }) => {
    const refuse = { store: false, list: false };
    h = await startHarness({ lang, keychain: refusing(refuse) });
    h.sim.setWindow('eazybusiness', true);
    await h.open(page);
    await page.getByRole('button', { name: t.continue }).click();
    await page.getByRole('button', { name: t.send }).click();
    await expect.poll(() => h.sim.pending().length).toBe(1);
    refuse.store = true;
    h.sim.accept(h.sim.pending()[0]!.id);
    await expect(page.getByText(t.keyWaitingTitle)).toBeVisible();
    await capture(page, `key-waiting`);
    // Giving the key up warns that it is then lost; Escape keeps it, and the focus returns.
    const cancel = page.getByRole('button', { name: t.cancel, exact: true });
    await cancel.click();
    await expect(page.getByText(t.giveUpWarning)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByText(t.giveUpWarning)).toHaveCount(0);
    await expect(cancel).toBeFocused();
    refuse.store = false;
    await page.getByRole('button', { name: t.retryNow }).click();
    await screen(page, t.doneTitle, `done-after-key-waiting`);
    expect(await h.vault.get(`WawiHelperDemo/v1@127.0.0.1:${h.sim.port}/eazybusiness`)).toBe(
      h.sim.apiKeys()[0],
    );
  });

  test(`the list when the keychain can't be read (${lang}): the reason and Try again, never "Loading…" for ever`, async ({
    page,
  }) => {
    const refuse = { store: false, list: false };
    h = await startHarness({
      lang,
      args: ['--manifest', MANIFEST, '--action', 'manage'],
      keychain: refusing(refuse),
    });
    await registerDirectly(h);
    refuse.list = true;
    await h.open(page);
    await expect(page.getByRole('alert')).toContainText(
      errorText({ code: 'keychain-unavailable' }, lang, 'app').title,
    );
    await expect(page.getByText(t.loading)).toHaveCount(0);
    await capture(page, `manage-keychain-error`);
    refuse.list = false;
    await page.getByRole('button', { name: t.tryAgain }).click();
    await expect(page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
