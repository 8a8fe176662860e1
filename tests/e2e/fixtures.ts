/**
 * Browser helpers for the e2e tests: Debian's Chromium driven by playwright-core (no downloaded
 * browser), launched once per test file, and a fresh browser context per `openBrowser()` — what a
 * new device sees: its own cookies, storage and cache, nothing shared with the other contexts
 * (docs/decisions/019-one-browser-per-e2e-file.md). A guard fails the test when a page logs a
 * console error or throws (a hydration mismatch, a CSP violation, a failed script all end up there).
 *
 * Importing this module registers an `afterEach` that closes every context the test opened and
 * fails the test if any of them saw an error, and an `afterAll` that closes the file's browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, inject } from 'vitest';
import { getDb, schema } from '~/utils/db.server';
import { startSession } from '~/utils/session.server';
import { cookieFrom } from '../fixtures/http';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOT_DIR = path.join(ROOT, 'tests', '.tmp', 'screenshots');
/** Screenshots are for a human to look at, so only taken when asked for: `SCREENSHOTS=1 npx vitest run --project e2e`. */
export const SCREENSHOTS = process.env.SCREENSHOTS === '1';

export { DEMO_PASSWORD } from '../../db/seed-data/people';

/** The origin of this file's server (its worker's: tests/e2e/setup.ts), e.g. http://localhost:41234. */
export function baseURL(): string {
  const base = process.env.E2E_BASE_URL;
  if (!base) throw new Error('baseURL: no E2E_BASE_URL (tests/e2e/setup.ts sets it; run e2e files with `--project e2e`)');
  return base;
}

export function seeded(): boolean {
  return inject('seeded');
}

/** An absolute URL on the server under test. */
export function url(pathname: string): string {
  return new URL(pathname, baseURL()).toString();
}

export const VIEWPORTS = {
  tabletLandscape: { width: 1024, height: 768 },
  tabletPortrait: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
} as const;

export interface BrowserOptions {
  viewport?: { width: number; height: number };
  /** Sets navigator.language and Accept-Language. */
  locale?: string;
  hasTouch?: boolean;
  isMobile?: boolean;
  javaScriptEnabled?: boolean;
}

export interface BrowserHandle {
  context: BrowserContext;
  page: Page;
  /** What the page reported so far (console errors and uncaught exceptions). */
  errors: string[];
  /**
   * Tolerates console errors matching this pattern from now on (for example an expected 400).
   * It is tested against the whole entry: "console.error on <page>: <text> (<source url>:<line>)".
   */
  allowConsoleError(pattern: RegExp): void;
  /** Closes the context, then fails if any of its pages reported an error. */
  close(): Promise<void>;
}

/** Chromium's report of a refused log-in (400), for the document (no JavaScript) or the single-fetch request. */
export const EXPECTED_400_ON_LOGIN =
  /: Failed to load resource: the server responded with a status of 400 \(Bad Request\) \(https?:\/\/[^/]+\/login(\.data)?(\?[^ ]*)?:\d+\)$/;

let browser: Promise<Browser> | null = null;

/**
 * Chromium features turned off for the tests. Chromium keeps only the last `--disable-features`
 * it is given, and ours comes after Playwright's, so Playwright's own list (playwright-core 1.65,
 * src/server/chromium/chromiumSwitches.ts, `disabledFeatures`, less two Edge-only names) is
 * repeated first.
 *
 * Then ours, each one a renderer process that no test page uses, started for every browser
 * context (decision 046): Chromium 156 preloads the omnibox's drop-down as a WebUI page (two
 * `chrome://omnibox-popup.top-chrome` documents in their own renderer) in every new window, and
 * keeps a spare renderer ready for the next site. Measured on the 2-core machine: a context and
 * its first page load cost about 3.0 CPU-seconds of Chromium with them, about 1.5 without, against
 * 0.4 for a later page load in the same context.
 */
const DISABLED_FEATURES = [
  // Playwright's list.
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  // Ours.
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'SpareRendererForSitePerProcess',
];

/**
 * The file's Chromium, launched on first use. `chromium.launch()` and not
 * `launchPersistentContext()`: a persistent context is the browser's one default context and
 * cannot make others, while a launched browser makes as many fresh contexts as the test needs.
 */
function fileBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  });
  return browser;
}

afterAll(async () => {
  const launched = browser;
  browser = null;
  await (await launched?.catch(() => null))?.close();
});

const open = new Set<BrowserHandle>();

/** A fresh browser context (a new device: no cookie, no storage) with one page. */
export async function openBrowser(options: BrowserOptions = {}): Promise<BrowserHandle> {
  const context = await (await fileBrowser()).newContext({
    viewport: options.viewport ?? VIEWPORTS.tabletLandscape,
    locale: options.locale ?? 'en-GB',
    hasTouch: options.hasTouch ?? false,
    isMobile: options.isMobile ?? false,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    timezoneId: 'Europe/Paris',
  });
  // A locator that never matches fails well before the test's own timeout, with a useful message.
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);

  const errors: string[] = [];
  const allowed: RegExp[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location();
      const entry = `console.error on ${page.url()}: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`;
      if (!allowed.some((pattern) => pattern.test(entry))) errors.push(entry);
    });
    page.on('pageerror', (error) => {
      errors.push(`uncaught exception on ${page.url()}: ${error.stack ?? error.message}`);
    });
  };
  const watched = new WeakSet<Page>();
  const watchOnce = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    watch(page);
  };
  context.on('page', watchOnce);
  const page = await context.newPage();
  watchOnce(page);

  let closed = false;
  const handle: BrowserHandle = {
    context,
    page,
    errors,
    allowConsoleError(pattern) {
      allowed.push(pattern);
    },
    async close() {
      if (!closed) {
        closed = true;
        open.delete(handle);
        await context.close();
      }
      if (errors.length > 0) {
        throw new Error(
          `The page reported ${errors.length} error(s) (console.error or an uncaught exception):\n${errors.map((e) => `  - ${e}`).join('\n')}`,
        );
      }
    },
  };
  open.add(handle);
  return handle;
}

afterEach(async () => {
  const handles = [...open];
  const failures: unknown[] = [];
  for (const handle of handles) {
    try {
      await handle.close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
});

/**
 * Logs the context in as that account without the form: a session started exactly as a
 * successful log-in starts one (`startSession`, in the server's database), its cookie set in the
 * context, then `pathname` opened if given. The form itself is tested in auth.test.ts.
 */
export async function loginAs(browser: BrowserHandle, email: string, pathname?: string): Promise<void> {
  const user = getDb().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).get();
  if (!user) throw new Error(`loginAs: no account ${email} in the server's database`);
  const pair = cookieFrom(await startSession(user.id, { ip: '127.0.0.1', userAgent: 'e2e loginAs' }));
  const at = pair.indexOf('=');
  await browser.context.addCookies([
    { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseURL(), httpOnly: true, sameSite: 'Lax' },
  ]);
  if (pathname !== undefined) await browser.page.goto(url(pathname));
}

/**
 * Resolves once React has hydrated the document, so that a click goes through the enhanced
 * form rather than racing the hydration. A no-op when JavaScript is disabled: then the inline
 * script that defines window.__remixContext never ran (goto waits for `load`, after it).
 */
export async function hydrated(page: Page): Promise<void> {
  const scripting = await page.evaluate(() => '__remixContext' in window);
  if (!scripting) return;
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main !== null && Object.keys(main).some((key) => key.startsWith('__reactFiber'));
  });
}

/**
 * Resolves once Remix's router has nothing in flight: no navigation, no revalidation, no fetcher
 * loading or submitting. What a change the page started has become is then on screen.
 */
export async function routerIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    type Router = { state: { navigation: { state: string }; revalidation: string; fetchers: Map<string, { state: string }> } };
    const state = (window as { __remixRouter?: Router }).__remixRouter?.state;
    return (
      state !== undefined &&
      state.navigation.state === 'idle' &&
      state.revalidation === 'idle' &&
      [...state.fetchers.values()].every((fetcher) => fetcher.state === 'idle')
    );
  });
}

/**
 * A PNG at tests/.tmp/screenshots/<name>.png for a human to look at, when SCREENSHOTS=1 (else
 * nothing): the full page, or only the viewport (what a tablet shows, sticky bars where they are).
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
}

/** A unique address per call, so that runs never collide on the one database. */
export function uniqueEmail(prefix = 'founder'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** Horizontal overflow of the document: how many CSS pixels wider than the viewport it is. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}
