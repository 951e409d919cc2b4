import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (npm test installs it); browsers are never downloaded. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Root needs --no-sandbox; the rest keep Chromium from calling outside hosts.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const axeSource = readFileSync(
  createRequire(join(process.cwd(), 'noop.js')).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** WCAG 2.1 A and AA, the level the app promises. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[] }[];
}

/** True when the page runs timers, i.e. its context was not opened with `javaScriptEnabled: false`. */
async function timersRun(page: Page): Promise<boolean> {
  const tick = page.evaluate('new Promise((resolve) => setTimeout(() => resolve(true), 0))');
  const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), 500));
  return (await Promise.race([tick, late])) === true;
}

/**
 * Runs axe-core in the page and throws, listing each violation and where it is, when there are any.
 * axe is evaluated rather than added as a script tag, so a Content-Security-Policy does not stop it.
 * A page opened with JavaScript disabled (the no-JS rendering) runs no timers, which axe needs: its
 * DOM is then checked in a scratch page at the same URL that may run axe but none of the page's scripts.
 */
export async function expectNoAxeViolations(page: Page, tags: string[] = WCAG_21_AA): Promise<void> {
  if (await timersRun(page)) return checkWithAxe(page, tags);
  const [html, url, browser] = [await page.content(), page.url(), page.context().browser()];
  if (!browser) throw new Error('expectNoAxeViolations needs a page from launchBrowser()');
  const scratch = await browser.newContext({ viewport: page.viewportSize() });
  try {
    const copy = await scratch.newPage();
    await copy.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': "script-src 'none'" },
        body: html,
      }),
    );
    await copy.goto(url);
    await checkWithAxe(copy, tags, page.url());
  } finally {
    await scratch.close();
  }
}

async function checkWithAxe(page: Page, tags: string[], shownUrl = page.url()): Promise<void> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(`${axeSource}\n;undefined`);
  const options = JSON.stringify({ runOnly: { type: 'tag', values: tags } });
  const violations = (await page.evaluate(
    `axe.run(document, ${options}).then((result) => result.violations)`,
  )) as AxeViolation[];
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  throw new Error(`${violations.length} accessibility violation(s) on ${shownUrl}:\n${lines.join('\n')}`);
}
