// The screen check, once per screen and language: every screen the behaviour specs reached (left by
// `capture()` in the harness) is loaded with the production CSS and checked as the merchant meets it:
// - axe (axe-core) with the WCAG 2.x A/AA rules in light mode; in dark mode the rules that depend on
//   colour (the DOM is the same);
// - no sideways scrolling at 200 % zoom in the default and the minimum window (WCAG 1.4.10: the CSS
//   viewport of a window at 200 % is half its size);
// - the primary button in the same place on every screen: last in its bar, on the right.
// `UPDATE_SCREENSHOTS=1` saves `<name>.png` and `<name>-dark.png` of the window to docs/screenshots/.
// This project runs after the behaviour specs (playwright.config.ts); the screens are shared out in parts.

import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { rendererResponse } from '../../main/electron/protocol';
import { ROOT } from '../helpers/proc';
import { SNAPSHOTS } from './harness';

const PARTS = 4;
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const PREFIX = '/__screen--';
/** The window's default and minimum size (main/electron/window.ts). */
const WINDOWS = [
  { width: 860, height: 700 },
  { width: 640, height: 560 },
];
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

let server: Server;
let origin: string;
test.beforeAll(async () => {
  const rendererDir = join(ROOT, 'dist', 'renderer');
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith(PREFIX)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readFileSync(join(SNAPSHOTS, decodeURIComponent(path.slice(PREFIX.length)))));
      return;
    }
    const r = rendererResponse(rendererDir, `app://renderer${path}`);
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
test.afterAll(() => server?.close());

/**
 * Shows a captured screen: the first one is loaded as a page (with the production CSS) and gets axe;
 * later ones replace its body and the root's attributes (the head, with the CSS, is the same for all),
 * so axe is set up once per part.
 */
async function show(page: Page, file: string) {
  const html = readFileSync(join(SNAPSHOTS, file), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window).catch(() => false))) {
    await page.goto(`${origin}${PREFIX}${encodeURIComponent(file)}`);
    await page.addScriptTag({ content: AXE });
    return;
  }
  await page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    const root = document.documentElement;
    for (const a of [...root.attributes]) root.removeAttribute(a.name);
    for (const a of [...doc.documentElement.attributes]) root.setAttribute(a.name, a.value);
    document.body.replaceWith(document.adoptNode(doc.body));
    window.scrollTo(0, 0);
  }, html);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function violations(page: Page, rules?: string[]) {
  const found = await page.evaluate(
    async ({ tags, rules }) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              c: unknown,
              o: unknown,
            ): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run(
        document,
        rules ? { runOnly: { type: 'rule', values: rules } } : { runOnly: { type: 'tag', values: tags } },
      );
      return r.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
    },
    { tags: WCAG, rules },
  );
  return found;
}

async function shot(page: Page, name: string) {
  if (process.env.UPDATE_SCREENSHOTS === '1')
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function checkScreen(page: Page, file: string) {
  const name = file.replace(/\.html$/, '');
  await page.setViewportSize({ width: 900, height: 760 });
  await page.emulateMedia({ colorScheme: 'light' });
  await show(page, file);
  expect(await violations(page), `${name}, light`).toEqual([]);
  await shot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(page, COLOUR_RULES), `${name}, dark`).toEqual([]);
  await shot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });

  // High contrast: the danger button in the system's colours (never the theme's red), the primary
  // action highlighted unlike the others, the chosen server marked beyond its radio button.
  await page.emulateMedia({ forcedColors: 'active' });
  const forced = await page.evaluate(() => {
    const style = (el: Element | null) => (el ? getComputedStyle(el) : undefined);
    const plain = style(document.querySelector('button:not(.primary):not(.danger):not(.link)'));
    const problems: string[] = [];
    // The theme's red, as it would show if the system's colours did not win.
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.cssText = 'forced-color-adjust: none; background: var(--danger)';
    const red = getComputedStyle(probe).backgroundColor;
    probe.remove();
    for (const b of document.querySelectorAll('button.danger'))
      if (style(b)!.backgroundColor === red) problems.push(`danger "${b.textContent}" keeps the theme's red`);
    for (const b of document.querySelectorAll('button.primary:not([aria-disabled="true"])'))
      if (plain && style(b)!.backgroundColor === plain.backgroundColor)
        problems.push(`primary "${b.textContent}" looks like the others`);
    for (const c of document.querySelectorAll('.choice:has(input:checked)'))
      if (style(c)!.outlineStyle === 'none')
        problems.push(`chosen "${c.textContent?.slice(0, 30)}" not marked`);
    return problems;
  });
  expect(forced, `${name}, forced colours`).toEqual([]);
  if (name.endsWith('-de')) await shot(page, `${name}-forced`);
  await page.emulateMedia({ forcedColors: 'none' });

  const bars = await page.locator('.actions').evaluateAll((els) =>
    els.map((bar) => {
      const buttons = [...bar.querySelectorAll(':scope > button')];
      const primary = buttons.findIndex((b) => b.classList.contains('primary'));
      return { primary, last: buttons.length - 1, text: bar.textContent };
    }),
  );
  for (const bar of bars)
    if (bar.primary >= 0) expect(bar.primary, `${name}: the primary button of "${bar.text}"`).toBe(bar.last);

  // Focus not obscured (WCAG 2.4.11): in the default window, every focusable element, focused in
  // order, ends up above the pinned button bar, not under it.
  await page.setViewportSize(WINDOWS[0]!);
  const covered = await page.evaluate(async () => {
    const bar = document.querySelector<HTMLElement>('.step .actions.bar');
    if (!bar || getComputedStyle(bar).position !== 'sticky') return [];
    const focusable = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((el) => !bar.contains(el) && el.getClientRects().length > 0);
    const out: string[] = [];
    for (const el of focusable) {
      el.focus();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const a = el.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      if (a.bottom > b.top + 1 && a.top < b.bottom)
        out.push(`${el.tagName.toLowerCase()}: ${el.textContent?.slice(0, 40)}`);
    }
    window.scrollTo(0, 0);
    return out;
  });
  expect(covered, `${name}: focused elements under the button bar`).toEqual([]);

  for (const w of WINDOWS) {
    await page.setViewportSize({ width: w.width / 2, height: w.height / 2 });
    const overflow = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter(
          (e) =>
            e.getBoundingClientRect().right > window.innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1,
        )
        .slice(0, 8)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}:${e.textContent?.slice(0, 30)}`),
    }));
    expect(
      overflow.scrollWidth,
      `${name} at 200 % in ${w.width}×${w.height}: ${overflow.wide}`,
    ).toBeLessThanOrEqual(overflow.innerWidth);
    // A status badge or a clock stays on one line (it moves down whole, never breaks letter by letter).
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.badge, .clock')]
        .filter(
          (e) =>
            e.getBoundingClientRect().height > parseFloat(getComputedStyle(e).lineHeight || '0') * 1.5 + 4,
        )
        .map((e) => e.textContent),
    );
    expect(broken, `${name} at 200 % in ${w.width}×${w.height}: broken badges or clocks`).toEqual([]);
  }
}

for (let part = 0; part < PARTS; part++) {
  test(`every screen reached, part ${part + 1} of ${PARTS}: accessible light and dark, reflows at 200 %, primary button last`, async ({
    page,
  }) => {
    const files = readdirSync(SNAPSHOTS)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .filter((_, i) => i % PARTS === part);
    expect(files.length, `screens left by the behaviour specs in ${SNAPSHOTS}`).toBeGreaterThan(0);
    for (const file of files) await checkScreen(page, file);
  });
}
