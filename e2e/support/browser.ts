import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
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

/**
 * Click `item` in the antd dropdown that `trigger` opens, until `done` resolves. A click that lands while
 * the menu is still opening can miss its item on a loaded machine (logging out and switching language
 * failed so): the menu is opened and the item clicked again, up to three times.
 */
export async function chooseMenuItem(
  trigger: Locator,
  item: Locator,
  done: (timeout: number) => Promise<unknown>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (!(await item.isVisible())) await trigger.click();
    await item.click();
    try {
      await done(10_000);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * Click `target` until `shows` appears. On a loaded machine a click can be lost when the page moves
 * under it (a card above it finishes loading); a click that did land is not repeated once `target` is gone.
 */
export async function clickUntil(target: Locator, shows: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await target.isVisible()) await target.click();
    try {
      await shows.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Log out through the user menu and wait for the login form. */
export async function logout(page: Page): Promise<void> {
  const form = page.locator('input[name=username]');
  if (await form.isVisible()) return;
  await chooseMenuItem(page.getByTestId('user-menu'), page.getByTestId('logout'), (timeout) =>
    form.waitFor({ timeout }),
  );
}

/** Switch the console's language from the header's menu; resolves once the page is in `locale`. */
export async function switchLanguage(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  await chooseMenuItem(page.getByTestId('lang-switch'), page.getByTestId(`lang-${locale}`), (timeout) =>
    page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached', timeout }),
  );
}

/**
 * Choose an antd Select option by its text, until `shows` appears. The dropdown animates open and a
 * click that lands mid-animation can be lost on a loaded machine, so the choice is made again (up to
 * three times) when what it should show does not come.
 */
export async function chooseOption(page: Page, select: Locator, text: string, shows: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: text })
      .click();
    try {
      await shows.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
