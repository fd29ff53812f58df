import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with no calls home (the network is closed). playwright's launch()
 * gives every browser a fresh temporary profile of its own.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return { browser, close: () => browser.close() };
}

/** Signs in through the login form and waits for the inbox. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${baseUrl}/inbox`);
}

/**
 * Records on a page what must never happen on ours: script errors, console errors (except those
 * `ignore` matches, answers a test provokes on purpose) and dialogs, which hostile text that ran
 * as script would open. Dialogs are dismissed so the page goes on.
 */
export function watchPage(page: Page, seen: { errors?: string[]; dialogs?: string[]; ignore?: RegExp }) {
  const { errors, dialogs, ignore } = seen;
  if (errors) {
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !ignore?.test(m.text()) && errors.push(m.text()));
  }
  if (dialogs)
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
}
