// What the merchant keeps while the wizard runs: the language switch changes the words, not the
// screen (a typed address stays, discovery is not run again), and the live region announces changes
// of state only, never the ticking clock beside it. Texts come from the renderer's dictionary.
import { expect, type Page, test } from '@playwright/test';
import { TEXTS, type Texts } from '../../renderer/src/i18n';
import { startWawiSim } from '../../tools/wawi-sim/server';
import { capture, type Harness, leftPending, MANIFEST, registerDirectly, startHarness } from './harness';

let h: Harness;

/** From the connect screen (the only server chosen) to the request sent: two clicks. */
async function sendFromConnect(page: Page, t: Texts) {
  await page.getByRole('button', { name: t.continue }).click();
  await page.getByRole('button', { name: t.send }).click();
}
test.afterEach(async () => {
  await h?.close();
});

test('switching the language keeps a typed address and does not search again', async ({ page }) => {
  h = await startHarness({ lang: 'en' });
  let discoveries = 0;
  const handle = h.handlers.handle.bind(h.handlers);
  h.handlers.handle = (channel, payload) => {
    if (channel === 'servers:discover') discoveries += 1;
    return handle(channel, payload);
  };
  await h.open(page);
  // Chosen while discovery may still be searching: its result must not override the choice.
  await page.getByRole('radio', { name: TEXTS.en.otherAddress }).check();
  await page.getByLabel(TEXTS.en.addressLabel).fill('wawi-server:5883');
  expect(discoveries).toBe(1);
  await page.getByRole('button', { name: `${TEXTS.de.switchLanguage}: Deutsch` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXTS.de.connectTitle);
  await expect(page.getByLabel(TEXTS.de.addressLabel)).toHaveValue('wawi-server:5883');
  expect(discoveries).toBe(1);
});

test('while waiting, the live region holds the state and the clock ticks outside it', async ({ page }) => {
  h = await startHarness({ lang: 'de' });
  h.sim.setWindow('eazybusiness', true);
  await h.open(page);
  const t = TEXTS.de;
  await sendFromConnect(page, t);
  const status = page.getByRole('status');
  await expect(status).toHaveText(t.stillWaiting);
  const clock = page.locator('.progress .clock:not(.left)');
  const before = await clock.textContent();
  await expect(clock).not.toHaveText(before ?? '', { timeout: 3000 });
  await expect(status).toHaveText(t.stillWaiting);
});

test('the waiting screen shows the request as Wawi shows it, where and when it went', async ({ page }) => {
  h = await startHarness({ lang: 'en' });
  h.sim.setWindow('eazybusiness', true);
  await h.open(page);
  const t = TEXTS.en;
  await sendFromConnect(page, t);
  await expect(page.getByRole('status')).toHaveText(t.stillWaiting);
  const card = page.locator('.request');
  // The DisplayName as sent, not the English name Wawi does not show; isolated (bdi), being from outside.
  await expect(card.locator('.app-name bdi')).toHaveText('Lagerbestand Sync (Demo)');
  await expect(card).toContainText('Beispiel Software GmbH');
  await expect(card).toContainText('1.0.0');
  await expect(card).toContainText('WawiHelperDemo/v1');
  await expect(card).toContainText(`127.0.0.1:${h.sim.port}`);
  await expect(card).toContainText('eazybusiness');
  await expect(card.getByText(t.factSentAt, { exact: true })).toBeVisible();
});

test('dark mode follows the system: the page takes the dark colours', async ({ page }) => {
  // Every screen is checked with axe in dark mode too (see screen() in ./harness.ts).
  await page.emulateMedia({ colorScheme: 'dark' });
  h = await startHarness({ lang: 'de' });
  await h.open(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXTS.de.connectTitle);
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(22, 25, 29)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
    .toBe('rgb(246, 247, 249)');
});

test('the list says when a key was registered and checked, labels the fingerprint, and offers registering only when needed', async ({
  page,
}) => {
  const t = TEXTS.en;
  h = await startHarness({ lang: 'en', args: ['--manifest', MANIFEST, '--action', 'manage'] });
  await h.open(page);
  await expect(page.getByRole('button', { name: t.registerApp })).toBeVisible();
  const record = await registerDirectly(h);
  await page.reload();
  const row = page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' });
  await expect(row.getByText(t.colKey)).toBeVisible();
  await expect(row.getByText(record.fingerprint, { exact: true })).toBeVisible();
  await expect(row.getByText(t.colRegistered)).toBeVisible();
  await expect(row.getByText(t.colChecked)).toBeVisible();
  await expect(page.getByRole('button', { name: t.registerApp })).toHaveCount(0);
  // Another Mandant stays possible: a secondary button, leading to choosing the server.
  await page.getByRole('button', { name: t.registerOtherMandant }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.connectTitle);
});

test('several servers: none is preselected, and Enter picks none', async ({ page }) => {
  const t = TEXTS.en;
  const second = await startWawiSim({ port: 0 });
  h = await startHarness({ lang: 'en', candidates: (sim) => [sim.url, second.url] });
  await h.open(page);
  await expect(page.getByRole('status').first()).toHaveText(t.found(2));
  for (const radio of await page.getByRole('radio').all()) await expect(radio).not.toBeChecked();
  await expect(page.getByRole('button', { name: t.continue })).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.connectTitle);
  await second.close();
});

test('after a cancel, "Keep waiting" waits for the same request: nothing new is sent', async ({ page }) => {
  const t = TEXTS.en;
  h = await startHarness({ lang: 'en' });
  h.sim.setWindow('eazybusiness', true);
  await h.open(page);
  await sendFromConnect(page, t);
  await expect.poll(() => h.sim.pending().length).toBe(1);
  await page.getByRole('button', { name: t.cancel }).click();
  await page.getByRole('button', { name: t.keepWaiting }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.waitingTitle);
  h.sim.accept(h.sim.pending()[0]!.id);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.doneTitle);
  expect(h.sim.challengeCodes()).toHaveLength(1);
});

test('after a minute, "I have accepted" asks Wawi at once; "still open" only after Wawi said so', async ({
  page,
}) => {
  // The helper polls once a minute here: an answer within seconds can only come from the ask.
  h = await startHarness({ lang: 'de', timings: { pollIntervalMs: 60_000 } });
  h.sim.setWindow('eazybusiness', true);
  // A request sent two minutes ago by a helper that was closed since: the wait goes on from there.
  const requestId = await leftPending(h, 'asked-test-code-0001', 2 * 60_000);
  await h.open(page);
  const t = TEXTS.de;
  await expect(page.getByRole('heading', { name: t.waitingTitle })).toBeFocused();
  await expect(page.getByRole('status')).toHaveText(t.stillWaiting);
  const statusRequests = () =>
    [...h.sim.hits.entries()].filter(
      ([k]) => k.startsWith('GET') && k.includes('/authentication/'),
    )[0]?.[1] ?? 0;
  await expect.poll(statusRequests).toBe(1);
  await page.getByRole('button', { name: t.haveAccepted }).click();
  // Not accepted yet: Wawi's answer is said, and the helper goes on waiting.
  await expect(page.getByText(t.askedStillOpen)).toBeVisible();
  expect(statusRequests()).toBe(2);
  await capture(page, 'waiting-asked-still-open');
  h.sim.accept(requestId);
  await page.getByRole('button', { name: t.haveAccepted }).click();
  await expect(page.getByRole('heading', { name: t.doneTitle })).toBeVisible();
  expect(statusRequests()).toBe(3);
});

test('the time left is shown; before it runs out "keep waiting" gives a full wait again', async ({
  page,
}) => {
  h = await startHarness({ lang: 'de' });
  h.sim.setWindow('eazybusiness', true);
  // A wait of 2:05 instead of 15 minutes: "keep waiting" is offered in its last 2 minutes.
  const handle = h.handlers.handle.bind(h.handlers);
  h.handlers.handle = (channel, payload) =>
    handle(
      channel,
      channel === 'registration:start' ? { ...(payload as object), timeoutMs: 125_000 } : payload,
    );
  await h.open(page);
  const t = TEXTS.de;
  await sendFromConnect(page, t);
  await expect(page.locator('.progress .left')).toContainText(/noch 2:0\d/);
  const longer = page.getByRole('button', { name: t.keepWaitingLonger });
  await expect(longer).toHaveCount(0);
  await expect(longer).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Die Wartezeit endet in 1:5\d/)).toBeVisible();
  await capture(page, 'waiting-ends-soon');
  const clicked = h.events.length;
  await longer.click();
  // A full wait from now: the notice goes until the last 2 minutes again.
  await expect(longer).toHaveCount(0);
  expect(h.events.slice(clicked).some((e) => (e.remainingMs ?? 0) >= 124_000)).toBe(true);
  await expect(page.locator('.progress .left')).toContainText(/noch 2:0\d/);
});
