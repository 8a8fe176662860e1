/**
 * The error guard of fixtures.ts, checked against the real server: a console.error, an uncaught
 * exception and a CSP violation each make `close()` fail. If this file fails, every other e2e test
 * could pass while the pages log errors.
 */
import { describe, expect, it } from 'vitest';
import { hydrated, openBrowser, url } from './fixtures';

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
