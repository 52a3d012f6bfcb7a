import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const diagnostics = new WeakMap<BrowserContext, string[]>();

/** A fresh browser profile (no cookies, no localStorage) on the console; `options` e.g. a phone viewport. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  // Page errors, console errors and failed asset loads: printed when a test fails (see explain()).
  const log: string[] = [];
  diagnostics.set(context, log);
  context.on('page', (page) => {
    page.on('pageerror', (error) => log.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') log.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().includes('/api/'))
        log.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) =>
      log.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
  });
  return context;
}

/** What the browser saw going wrong in this context, for a failing test's message. */
export function explain(context: BrowserContext): string {
  return (diagnostics.get(context) ?? []).slice(-30).join('\n');
}

/** Log in through the login form and wait for the console's menu. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

/** Log in through the form and wait for the page the user lands on (e.g. the technician's phone view). */
export async function loginTo(
  page: Page,
  username: string,
  password: string,
  readyTestId: string,
): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(readyTestId).waitFor();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.locator('input[name=username]').waitFor();
}
