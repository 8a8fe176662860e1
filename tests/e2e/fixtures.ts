/**
 * Browser helpers for the e2e tests: Debian's Chromium driven by playwright-core (no
 * downloaded browser), a fresh profile per browser, and a guard that fails the test when
 * the page logs a console error or throws (a hydration mismatch, a CSP violation, a
 * failed script all end up there).
 *
 * Importing this module registers an `afterEach` that closes every browser the test
 * opened and fails the test if any of them saw an error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, inject } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = path.join(ROOT, 'tests', '.tmp', 'screenshots');

export const DEMO_PASSWORD = 'palmares-demo-2026';

export function baseURL(): string {
  return inject('baseURL');
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
  /** Closes the browser, removes its profile, then fails if the page reported any error. */
  close(): Promise<void>;
}

/** Chromium's report of a refused log-in (400), for the document (no JavaScript) or the single-fetch request. */
export const EXPECTED_400_ON_LOGIN =
  /: Failed to load resource: the server responded with a status of 400 \(Bad Request\) \(https?:\/\/[^/]+\/login(\.data)?(\?[^ ]*)?:\d+\)$/;

const open = new Set<BrowserHandle>();

export async function openBrowser(options: BrowserOptions = {}): Promise<BrowserHandle> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
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
    ],
    viewport: options.viewport ?? VIEWPORTS.tabletLandscape,
    locale: options.locale ?? 'en-GB',
    hasTouch: options.hasTouch ?? false,
    isMobile: options.isMobile ?? false,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    timezoneId: 'Europe/Paris',
  }).catch((error: unknown) => {
    fs.rmSync(profileDir, { recursive: true, force: true });
    throw error;
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
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());

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
        try {
          await context.close();
        } finally {
          fs.rmSync(profileDir, { recursive: true, force: true });
        }
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

/** Full-page PNG at tests/.tmp/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return file;
}

/** Logs in through the form at /login (any language) and waits to leave the page. */
export async function loginAs(page: Page, email: string, password: string, redirectTo?: string): Promise<void> {
  const target = redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : '/login';
  await page.goto(url(target));
  await hydrated(page);
  await page.locator('main input[name="email"]').fill(email);
  await page.locator('main input[name="password"]').fill(password);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((current) => current.pathname !== '/login');
}

/** A unique address per call, so that runs never collide on the one database. */
export function uniqueEmail(prefix = 'founder'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** Horizontal overflow of the document: how many CSS pixels wider than the viewport it is. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}
