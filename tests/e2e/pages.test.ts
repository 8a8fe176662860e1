/**
 * The public and role pages in Chromium at tablet and phone sizes: the editions list without
 * horizontal scrolling, the skip link, and each main page without horizontal scrolling (with
 * SCREENSHOTS=1, a screenshot of each for a human to look at, in tests/.tmp/screenshots/).
 *
 * And the error guard of fixtures.ts, checked against the real server: a console.error, an
 * uncaught exception and a CSP violation each make `close()` fail. If that part fails, every other
 * e2e test could pass while the pages log errors. (It was tests/e2e/guard.test.ts: here it uses
 * this file's Chromium instead of starting one, and a test file less to start.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXPECTED_400_ON_LOGIN, horizontalOverflow, hydrated, loginAs, openBrowser, screenshot, url, VIEWPORTS, type BrowserOptions } from './fixtures';

const SIZES: { name: string; options: BrowserOptions }[] = [
  { name: 'tablet-landscape-1024x768', options: { viewport: VIEWPORTS.tabletLandscape, hasTouch: true } },
  { name: 'tablet-portrait-768x1024', options: { viewport: VIEWPORTS.tabletPortrait, hasTouch: true } },
  { name: 'phone-390x844', options: { viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true } },
];

const SEEDED_YEARS = [2018, 2019, 2020, 2021, 2022, 2023];

async function expectNoHorizontalScroll(page: Page, viewportWidth: number) {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `the document is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
  // With isMobile, an overflowing page makes Chromium widen the layout viewport: check the device width too.
  expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
}

describe('home page', () => {
  it.each(SIZES)('lists the editions without horizontal scrolling at $name', async ({ name, options }) => {
    const { page } = await openBrowser(options);
    await page.goto(url('/'));
    await page.getByRole('heading', { level: 1, name: 'The GovTech Summit pitch competition' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Editions' }).waitFor();
    for (const year of SEEDED_YEARS) {
      const link = page.getByRole('link', { name: `Edition ${year}`, exact: true });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/editions/${year}`);
    }
    await hydrated(page);
    await expectNoHorizontalScroll(page, options.viewport!.width);
    await screenshot(page, `home-${name}`);
  });

  it('Tab from the top reaches "Skip to content" first, and it moves focus to main', async () => {
    const { page } = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    await page.goto(url('/'));
    await hydrated(page);
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { tag: el?.tagName ?? null, text: el?.textContent?.trim() ?? null, id: el?.id ?? null, href: el?.getAttribute('href') ?? null };
      });
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Skip to content', href: '#main' });
    // Once focused, the link is on screen (it may be hidden until then).
    const box = await page.getByRole('link', { name: 'Skip to content' }).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThan(1);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'home-skip-link-focused');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('main');
    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement) ?? false)).toBe(
      true,
    );
  });
});

describe('screenshots of the main pages (tablet, 1024×768)', () => {
  it('login with errors', async () => {
    const browser = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    browser.allowConsoleError(EXPECTED_400_ON_LOGIN);
    const { page } = browser;
    await page.goto(url('/login'));
    await hydrated(page);
    await page.locator('main input[name="email"]').fill('not-an-email');
    await page.locator('main form').getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.locator('#login-email-error').waitFor();
    await page.locator('#login-password-error').waitFor();
    await expectNoHorizontalScroll(page, VIEWPORTS.tabletLandscape.width);
    await screenshot(page, 'login-errors');
  });

  it('/me in French', async () => {
    const founder = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    const { page } = founder;
    await loginAs(founder, 'founder1@example.org', '/me');
    await page.waitForURL((u) => u.pathname === '/me');
    await hydrated(page);
    await page.getByRole('button', { name: 'Afficher en français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes candidatures' }).waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await expectNoHorizontalScroll(page, VIEWPORTS.tabletLandscape.width);
    await screenshot(page, 'me-fr');
  });

  it.each([
    { path: '/organise', as: 'organiser@example.org', heading: 'Organise' },
    { path: '/judge', as: 'judge1@example.org', heading: 'Judging' },
  ])('$path as $as', async ({ path, as, heading }) => {
    const browser = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    const { page } = browser;
    await loginAs(browser, as, path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await hydrated(page);
    await expectNoHorizontalScroll(page, VIEWPORTS.tabletLandscape.width);
    await screenshot(page, path.slice(1));
  });

  it('/editions/2019', async () => {
    const { page } = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    await page.goto(url('/editions/2019'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('2019');
    await hydrated(page);
    await expectNoHorizontalScroll(page, VIEWPORTS.tabletLandscape.width);
    await screenshot(page, 'edition-2019');
  });
});

describe('the console guard', () => {
  it('a clean page passes', async () => {
    const browser = await openBrowser();
    await browser.page.goto(url('/'));
    await hydrated(browser.page);
    await browser.close();
  });

  it.each([
    { what: 'console.error', error: () => console.error('guard check'), message: /guard check/ },
    {
      what: 'an uncaught exception',
      error: () =>
        setTimeout(() => {
          throw new Error('guard boom');
        }),
      message: /guard boom/,
    },
  ])('fails on $what', async ({ error, message }) => {
    const browser = await openBrowser();
    await browser.page.goto(url('/'));
    await browser.page.evaluate(error);
    await expect.poll(() => browser.errors.length).toBe(1);
    await expect(browser.close()).rejects.toThrow(message);
  });

  it('fails on a Content-Security-Policy violation (an inline script without the nonce)', async () => {
    const browser = await openBrowser();
    await browser.page.goto(url('/'));
    await browser.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    });
    await expect.poll(() => browser.errors.length).toBeGreaterThan(0);
    expect(await browser.page.evaluate(() => '__injected' in window)).toBe(false);
    await expect(browser.close()).rejects.toThrow(/Content Security Policy/);
  });
});
