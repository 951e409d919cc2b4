import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from './browser';

/** One Chromium per spec file; each page gets its own context (its own cookies, its own person). */
export class Pages {
  private browser: Browser | undefined;
  private readonly contexts: BrowserContext[] = [];

  async newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    this.browser ??= await launchBrowser();
    const context = await this.browser.newContext({
      baseURL: inject('baseUrl'),
      locale: 'en-GB',
      ...options,
    });
    this.contexts.push(context);
    return context.newPage();
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser?.close();
  }
}

/** Opens a path and checks the page with axe. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectNoAxeViolations(page);
}

/** Waits for text to show (e.g. after a form action) and checks the page with axe. */
export async function shows(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
  await expectNoAxeViolations(page);
}

export async function logIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await visit(page, '/login');
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/organisations');
}
