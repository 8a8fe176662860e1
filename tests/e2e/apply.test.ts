/**
 * A founder's application end to end, in Chromium against the built server and the demo seed
 * (2022 open): two sections, log out, come back, the rest, a deck upload, submission and the
 * status — with JavaScript (XMLHttpRequest upload with a progress bar) and without (plain form
 * posts). Then the organisers find the application in the list, its detail and the CSV export.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tinyPdf } from '../fixtures/applications';
import { fillAndSave, main, startApplication } from './application-form';
import { hydrated, loginAs, openBrowser, screenshot, seeded, url, VIEWPORTS, horizontalOverflow, type BrowserHandle } from './fixtures';

const YEAR = 2022;
const EDITION = 'GovTech Summit 2022 — Pitch competition';

/** Chromium's report of an expected 4xx answer (a refused form), for the document or the single-fetch request. */
function expectedRefusal(path: string, status: number) {
  return new RegExp(`: Failed to load resource: the server responded with a status of ${status} .*\\(https?://[^/]+${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.data)?(\\?[^ ]*)?:\\d+\\)$`);
}


/** Against the viewport asked for: a mobile browser widens its layout viewport to fit what overflows. */
async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth } = await horizontalOverflow(page);
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(page.viewportSize()!.width);
}

async function saveSection(page: Page, button: 'Save and continue' | 'Save and go to the review') {
  await main(page).getByRole('button', { name: button }).click();
}

async function logOutAndBackIn(browser: BrowserHandle, email: string) {
  const { page } = browser;
  await hydrated(page);
  await page.locator('header.site-header').getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await loginAs(browser, email, '/me');
}

/** The whole journey; `js` says whether the browser runs JavaScript. */
async function journey(browser: BrowserHandle, { email, startup, js }: { email: string; startup: string; js: boolean }) {
  const { page } = browser;
  const tag = js ? 'js' : 'nojs';
  browser.allowConsoleError(expectedRefusal(`/apply/${YEAR}/startup`, 400));

  await loginAs(browser, email, '/me');
  await main(page).getByRole('heading', { level: 2, name: 'Open for applications' }).waitFor();
  await main(page).getByRole('link', { name: `Apply to ${EDITION}` }).click();
  await page.waitForURL((u) => u.pathname === `/apply/${YEAR}`);
  await main(page).getByText(/Applications close on .* \(Paris time\)/).waitFor();
  await main(page).getByText(/\d+ days? and \d+ hours? left\./).waitFor();
  await hydrated(page);
  // First sitting, section 1: a bad website is refused next to its field, the rest kept.
  const form = await startApplication(page, YEAR, { name: startup, theme: 'Transparency and accountability' });
  await form.getByLabel('Website (optional)').fill('not a web address');
  await saveSection(page, 'Save and continue');
  const summary = main(page).getByRole('alert');
  await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await summary.getByRole('link', { name: 'Website: Enter a web address like https://example.org' }).waitFor();
  expect(await form.getByLabel('Startup name').inputValue()).toBe(startup);
  expect(await form.getByLabel('Website (optional)').inputValue()).toBe('not a web address');
  if (js) await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
  await screenshot(page, `apply-${tag}-startup-error-1024x768`);

  await form.getByLabel('Website (optional)').fill(`${startup.toLowerCase()}.example`);
  await saveSection(page, 'Save and continue');
  await page.waitForURL((u) => u.pathname === `/apply/${YEAR}/pitch`);
  await main(page).getByText('Saved: Startup.').waitFor();

  // Section 2, half filled, then to the review.
  await fillAndSave(
    page,
    { 'One-liner': 'Open public spending, line by line.', Problem: 'Citizens cannot follow public spending.\nJournalists lose weeks.' },
    `/apply/${YEAR}`,
    'Save and go to the review',
  );
  const nav = main(page).getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link', { name: /^Startup\s+Complete$/ }).waitFor();
  await nav.getByRole('link', { name: /^Pitch\s+In progress$/ }).waitFor();

  // Leave, and come back another day: nothing to retype.
  await logOutAndBackIn(browser, email);
  await main(page).getByRole('heading', { level: 2, name: `${startup} — ${YEAR}` }).waitFor();
  await main(page).getByRole('link', { name: new RegExp(`^Continue my application \\(${startup}, ${YEAR}\\)`) }).click();
  await page.waitForURL((u) => u.pathname === `/apply/${YEAR}`);
  await main(page).getByText('Open public spending, line by line.').waitFor();
  await hydrated(page);
  await nav.getByRole('link', { name: /^Pitch\s+In progress$/ }).click();
  await page.waitForURL((u) => u.pathname === `/apply/${YEAR}/pitch`);
  expect(await main(page).getByLabel('Problem').inputValue()).toBe('Citizens cannot follow public spending.\nJournalists lose weeks.');
  await fillAndSave(page, { Solution: 'A public ledger of every invoice, searchable by anyone.' }, `/apply/${YEAR}/impact`);
  await fillAndSave(page, { 'Impact for the public sector': 'Three ministries publish every invoice within a week.' }, `/apply/${YEAR}/business`);
  await fillAndSave(
    page,
    { 'Business model': 'Free for citizens; administrations pay a yearly licence.', Traction: 'Three ministries, 40,000 monthly visitors.' },
    `/apply/${YEAR}/team`,
  );
  await fillAndSave(page, { Team: 'Tomás (CEO) and Ana (CTO), with four engineers in Mexico City.' }, `/apply/${YEAR}/files`);

  // The deck: a small valid PDF, padded so the upload takes a moment.
  await hydrated(page);
  const deck = Buffer.concat([tinyPdf(startup), Buffer.alloc(js ? 3 * 1024 * 1024 : 64 * 1024, 0x20)]);
  const deckBox = main(page).getByRole('region', { name: 'Pitch deck' });
  await deckBox.getByLabel('Choose your pitch deck').setInputFiles({ name: `${startup} pitch.pdf`, mimeType: 'application/pdf', buffer: deck });
  if (js) {
    // Slow the upload down (about 2 s) to see the progress bar move.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: (12 * 1024 * 1024) / 8 });
    await deckBox.getByRole('button', { name: 'Upload the pitch deck' }).click();
    const progress = deckBox.locator('progress');
    await progress.waitFor();
    await deckBox.getByRole('button', { name: 'Cancel the upload' }).waitFor();
    await screenshot(page, 'apply-js-upload-progress-1024x768');
    await deckBox.getByText('Pitch deck uploaded.').waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(page.url()).toContain(`/apply/${YEAR}/files`);
  } else {
    await deckBox.getByRole('button', { name: 'Upload the pitch deck' }).click();
    await page.waitForURL((u) => u.pathname === `/apply/${YEAR}/files` && u.searchParams.get('uploaded') === 'deck');
    await main(page).getByText('Pitch deck uploaded.').waitFor();
  }
  const deckLink = deckBox.getByRole('link', { name: new RegExp(`${startup} pitch\\.pdf`) });
  await deckLink.waitFor();
  await nav.getByRole('link', { name: /^Pitch deck and logo\s+Complete$/ }).waitFor();
  await screenshot(page, `apply-${tag}-files-1024x768`);

  // The deck opens in the browser (inline, sandboxed) as it was sent, from the guarded route.
  const href = await deckLink.getAttribute('href');
  const download = await page.request.get(url(href!));
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  // What browsers read: the first value (server.js adds its own site-wide nosniff after the route's).
  expect(download.headers()['x-content-type-options'].split(',')[0].trim()).toBe('nosniff');
  expect(download.headers()['content-disposition']).toBe(`inline; filename="${startup} pitch.pdf"; filename*=UTF-8''${startup}%20pitch.pdf`);
  expect(Buffer.from(await download.body()).equals(deck)).toBe(true);

  // Consent, then review and submit.
  await hydrated(page);
  await main(page).getByRole('link', { name: 'Continue' }).click();
  await page.waitForURL((u) => u.pathname === `/apply/${YEAR}/consent`);
  await hydrated(page);
  await main(page).getByRole('group', { name: 'Publication of your name and logo' }).getByRole('radio', { name: /^Yes/ }).check();
  await saveSection(page, 'Save and continue');
  await page.waitForURL((u) => u.pathname === `/apply/${YEAR}`);
  await main(page).locator('.apply-nav__count').getByText('7 of 7 complete').waitFor();
  await hydrated(page);
  await main(page).getByRole('button', { name: 'Submit my application' }).click();
  await page.waitForURL((u) => u.pathname === `/apply/${YEAR}` && u.searchParams.get('submitted') === '1');
  await main(page).getByRole('heading', { name: 'Application submitted' }).waitFor();
  await main(page).locator('.apply-header').getByText('Submitted', { exact: true }).waitFor();
  await main(page).getByText(/Submitted on .*\. You can still change it until the deadline/).waitFor();
  await expectNoHorizontalScroll(page);
  await screenshot(page, `apply-${tag}-submitted-1024x768`);

  // The status on "My applications".
  await page.goto(url('/me'));
  const card = main(page).getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${startup} — ${YEAR}` }) });
  await card.locator('.card__head').getByText('Submitted', { exact: true }).waitFor();
  await card.getByRole('link', { name: /^View or change my application/ }).waitFor();
  await card.getByText(/^Deadline:/).waitFor();
}

describe.skipIf(!seeded())('a founder applies to 2022', () => {
  it('with JavaScript, at 1024×768', async () => {
    const browser = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    await journey(browser, { email: 'founder2@example.org', startup: 'OpenLedger', js: true });
  });

  it('without JavaScript, at 1024×768', async () => {
    const browser = await openBrowser({ viewport: VIEWPORTS.tabletLandscape, javaScriptEnabled: false });
    await journey(browser, { email: 'founder3@example.org', startup: 'Votabl', js: false });
  });

  it('on a phone (390×844), the sections and the form fit the screen', async () => {
    const founder = await openBrowser({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
    const { page } = founder;
    await loginAs(founder, 'founder1@example.org', `/apply/${YEAR}`);
    // The sections fold into one line on a phone.
    await main(page).locator('summary').getByText(/^(Review and submit|The whole application)$/).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'apply-review-phone-390x844');
    await page.goto(url(`/apply/${YEAR}/startup`));
    await main(page).getByLabel('Startup name').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'apply-startup-phone-390x844');
    await page.goto(url(`/apply/${YEAR}/files`));
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'apply-files-phone-390x844');
  });
});

describe.skipIf(!seeded())('organisers see every application', () => {
  it('search, filter, the detail with its history, and the CSV export', async () => {
    const organiser = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    const { page } = organiser;
    await loginAs(organiser, 'organiser@example.org', `/organise/${YEAR}/applications`);
    await main(page).getByRole('heading', { name: /^By status/ }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'organise-applications-1024x768');

    await hydrated(page);
    await main(page).getByRole('searchbox', { name: 'Search' }).fill('OPENLEDGER');
    await main(page).getByRole('combobox', { name: 'Status' }).selectOption('submitted');
    await main(page).getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'OPENLEDGER' && u.searchParams.get('status') === 'submitted');
    const table = main(page).getByRole('table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await table.getByRole('link', { name: 'OpenLedger' }).waitFor();

    const csvHref = await main(page).getByRole('link', { name: /Download these applications \(CSV\)/ }).getAttribute('href');
    expect(csvHref).toBe(`/organise/${YEAR}/applications.csv?q=OPENLEDGER&status=submitted`);
    const csv = await page.request.get(url(csvHref!));
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const body = Buffer.from(await csv.body());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain('OpenLedger');

    await table.getByRole('link', { name: 'OpenLedger' }).click();
    await page.waitForURL((u) => /\/organise\/2022\/applications\/\d+$/.test(u.pathname));
    await main(page).getByRole('heading', { level: 2, name: 'OpenLedger' }).waitFor();
    await main(page).getByRole('heading', { name: 'History' }).waitFor();
    await main(page).getByText('Status changed').first().waitFor();
    await main(page).getByRole('link', { name: /OpenLedger pitch\.pdf/ }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'organise-application-detail-1024x768');

    const organiserPhone = await openBrowser({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
    const phone = organiserPhone.page;
    await loginAs(organiserPhone, 'organiser@example.org', `/organise/${YEAR}/applications`);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'organise-applications-phone-390x844');
  });

  it('an unknown application is not found inside the edition frame, its tabs kept', async () => {
    const browser = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    browser.allowConsoleError(/the server responded with a status of 404 \(Not Found\)/);
    const { page } = browser;
    await loginAs(browser, 'organiser@example.org');
    const response = await page.goto(url('/organise/2021/applications/999999'));
    expect(response?.status()).toBe(404);
    await main(page).getByRole('heading', { level: 2, name: 'Page not found' }).waitFor();
    const tabs = main(page).getByRole('navigation', { name: /2021/ });
    await hydrated(page);
    await tabs.getByRole('link', { name: 'Applications' }).click();
    await page.waitForURL((u) => u.pathname === '/organise/2021/applications');
    await main(page).getByRole('heading', { name: /^By status/ }).waitFor();
  });
});
