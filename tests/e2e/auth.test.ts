/**
 * Accounts end to end, in Chromium against the built server: sign-up, log-out, log-in,
 * the language switch, the failed log-in, the same journey without JavaScript, and the
 * round trip through /login?redirectTo=….
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  EXPECTED_400_ON_LOGIN,
  hydrated,
  openBrowser,
  seeded,
  uniqueEmail,
  url,
  VIEWPORTS,
} from './fixtures';

const PASSWORD = 'a long and memorable sentence 2026';
const INVALID_CREDENTIALS = 'The email address or the password is not right.';

/** The form in <main> (the header holds the language and log-out forms). */
function mainForm(page: Page) {
  return page.locator('main form');
}

async function signUp(page: Page, name: string, email: string, password: string) {
  await page.goto(url('/signup'));
  await hydrated(page);
  const form = mainForm(page);
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.getByRole('button', { name: 'Create my account' }).click();
}

/**
 * An address that has an account: a demo founder when the database is seeded; otherwise one
 * created here (sign-ups are rate-limited per address, so the tests create as few as they can).
 */
async function knownAccount(page: Page): Promise<string> {
  if (seeded()) return 'founder1@example.org';
  const email = uniqueEmail('known');
  await signUp(page, 'Jonas Berg', email, PASSWORD);
  await page.waitForURL((u) => u.pathname === '/me');
  await hydrated(page);
  await page.locator('header.site-header').getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  return email;
}

async function htmlLang(page: Page) {
  return page.locator('html').getAttribute('lang');
}

/**
 * The whole founder journey, with or without JavaScript: every step is a plain form post that
 * the enhanced forms only speed up.
 */
async function founderJourney(page: Page, { touch }: { touch: boolean }) {
  const press = (locator: ReturnType<Page['locator']>) => (touch ? locator.tap() : locator.click());
  const email = uniqueEmail();
  const name = 'Awa Diop';

  await signUp(page, name, email, PASSWORD);
  await page.waitForURL((u) => u.pathname === '/me');
  await page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
  await page.getByText(`Hello ${name}.`).waitFor();
  const header = page.locator('header.site-header');
  await header.getByRole('link', { name: `Account of ${name}` }).waitFor();

  // Log out: a POST from the header.
  await hydrated(page);
  await press(header.getByRole('button', { name: 'Log out' }));
  await page.waitForURL((u) => u.pathname === '/');
  await header.getByRole('link', { name: 'Log in' }).waitFor();
  expect(await header.getByRole('button', { name: 'Log out' }).count()).toBe(0);

  // /me is closed again.
  await page.goto(url('/me'));
  await page.waitForURL((u) => u.pathname === '/login');
  expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/me');

  // Log back in from /login (no redirectTo): a founder lands on /me.
  await page.goto(url('/login'));
  await hydrated(page);
  await mainForm(page).locator('input[name="email"]').fill(email);
  await mainForm(page).locator('input[name="password"]').fill(PASSWORD);
  await press(mainForm(page).getByRole('button', { name: 'Log in' }));
  await page.waitForURL((u) => u.pathname === '/me');
  await page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
  expect(await htmlLang(page)).toBe('en');

  // The language switch: a form post that comes back to the same page, in French.
  await hydrated(page);
  await press(header.getByRole('button', { name: 'Afficher en français' }));
  await page.getByRole('heading', { level: 1, name: 'Mes candidatures' }).waitFor();
  await expect.poll(() => htmlLang(page)).toBe('fr');
  expect(new URL(page.url()).pathname).toBe('/me');
  await header.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  expect(await header.getByRole('button', { name: 'Afficher en français' }).getAttribute('aria-pressed')).toBe('true');
  expect(await header.getByRole('button', { name: 'Show in English' }).getAttribute('aria-pressed')).toBe('false');

  // The choice persists: a new document request, then an in-app navigation.
  await page.goto(url('/'));
  await page.getByRole('heading', { level: 1, name: 'Le concours de pitchs du GovTech Summit' }).waitFor();
  expect(await htmlLang(page)).toBe('fr');
  await hydrated(page);
  await press(header.getByRole('link', { name: 'Mes candidatures' }));
  await page.waitForURL((u) => u.pathname === '/me');
  await page.getByRole('heading', { level: 1, name: 'Mes candidatures' }).waitFor();
  expect(await htmlLang(page)).toBe('fr');
}

describe('accounts', () => {
  it('a founder signs up on a tablet, logs out, logs back in and switches to French', async () => {
    const { page } = await openBrowser({ viewport: VIEWPORTS.tabletLandscape, hasTouch: true });
    await founderJourney(page, { touch: true });
  });

  it('the same journey works with JavaScript disabled (every form is a plain POST)', async () => {
    const { page } = await openBrowser({ viewport: VIEWPORTS.tabletLandscape, javaScriptEnabled: false });
    await founderJourney(page, { touch: false });
    // Nothing ran: the pages really were served and submitted without scripts.
    expect(await page.evaluate(() => '__remixContext' in window)).toBe(false);
  });

  describe.each([
    { scripts: true, label: 'with JavaScript' },
    { scripts: false, label: 'without JavaScript' },
  ])('a failed log-in, $label', ({ scripts, label }) => {
    it(`a wrong password shows the error summary, keeps the email and does not tell whether the account exists (${label})`, async () => {
      const browser = await openBrowser({ viewport: VIEWPORTS.tabletLandscape, hasTouch: true, javaScriptEnabled: scripts });
      // A refused log-in answers 400, which Chromium reports as a failed resource.
      browser.allowConsoleError(EXPECTED_400_ON_LOGIN);
      const { page } = browser;

      const existing = await knownAccount(page);

      const attempt = async (email: string, password: string) => {
        await page.goto(url('/login'));
        await hydrated(page);
        await mainForm(page).locator('input[name="email"]').fill(email);
        await mainForm(page).locator('input[name="password"]').fill(password);
        await mainForm(page).getByRole('button', { name: 'Log in' }).click();
        const summary = page.getByRole('alert');
        await summary.waitFor();
        return summary;
      };

      // An existing account with the wrong password.
      const summary = await attempt(existing, 'not the right password at all');
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
      await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
      const knownText = (await summary.innerText()).trim();
      expect(knownText).toContain(INVALID_CREDENTIALS);
      // The summary sits right above the form.
      expect(
        await page.evaluate(() => {
          const alert = document.querySelector('main .error-summary');
          const form = document.querySelector('main form');
          return Boolean(alert && form && alert.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING);
        }),
      ).toBe(true);
      if (scripts) {
        // It takes focus, so that a screen reader reads it first.
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
          .toBe(true);
      } else {
        // The server never sends the password back.
        expect(await mainForm(page).locator('input[name="password"]').inputValue()).toBe('');
        expect(await page.content()).not.toContain('not the right password at all');
      }
      // The typed email is kept.
      expect(await mainForm(page).locator('input[name="email"]').inputValue()).toBe(existing);

      // An address that has no account: word for word the same answer.
      const unknown = uniqueEmail('nobody');
      const unknownSummary = await attempt(unknown, 'not the right password at all');
      expect((await unknownSummary.innerText()).trim()).toBe(knownText);
      expect(await mainForm(page).locator('input[name="email"]').inputValue()).toBe(unknown);
      const body = (await page.locator('main').innerText()).toLowerCase();
      for (const telltale of ['no account with', 'not found', 'does not exist', 'unknown', 'not registered']) {
        expect(body).not.toContain(telltale);
      }

      // A missing password: the message sits next to the field, tied to it, and the summary links to it.
      await page.goto(url('/login'));
      await hydrated(page);
      await mainForm(page).locator('input[name="email"]').fill(existing);
      await mainForm(page).getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('alert').waitFor();
      const password = mainForm(page).locator('input[name="password"]');
      expect(await password.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
      expect(describedBy.split(' ')).toContain('login-password-error');
      expect(await page.locator('#login-password-error').innerText()).toContain('Enter your password');
      expect(
        await page.getByRole('alert').getByRole('link', { name: 'Password: Enter your password' }).getAttribute('href'),
      ).toBe('#login-password');
      expect(await mainForm(page).locator('input[name="email"]').inputValue()).toBe(existing);
    });
  });

  it('an anonymous visit to /organise goes to /login with redirectTo', async () => {
    const { page } = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    await page.goto(url('/organise'));
    await page.waitForURL((u) => u.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/organise');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(await mainForm(page).locator('input[name="redirectTo"]').inputValue()).toBe('/organise');
  });

  it.skipIf(!seeded())('after logging in, the organiser goes back to /organise', async () => {
    const { page } = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    await page.goto(url('/organise'));
    await page.waitForURL((u) => u.pathname === '/login');
    await hydrated(page);
    await mainForm(page).locator('input[name="email"]').fill('organiser@example.org');
    await mainForm(page).locator('input[name="password"]').fill(DEMO_PASSWORD);
    await mainForm(page).getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((u) => u.pathname === '/organise');
    await page.getByRole('heading', { level: 1, name: 'Organise' }).waitFor();
  });

});
