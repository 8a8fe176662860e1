/**
 * A judge never loses a score or sees an error page because of the network (issue 12, item 1;
 * docs/decisions/032-judges-offline.md), in Chromium with its offline emulation:
 * the first tap after a full page load (and its correction), a save cut in the middle, a reload, moving to another
 * sheet and closing the tab, all offline; and the same sheet changed on another device meanwhile.
 * Each test reads what the server stored straight from its database, and expects everything there
 * within 5 s of the network coming back. With SCREENSHOTS=1: "N changes waiting" and the choice
 * between two versions at 768×1024 and 1024×768.
 *
 * The test's own edition (scoringWorld, year 2091): one judge per test, two sheets each.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assign, postSheet, scoringWorld, sheetOf, sheetPath, type ScoringWorld } from '../fixtures/scoring';
import { hydrated, loginAs, openBrowser, screenshot, seeded, url, VIEWPORTS, type BrowserHandle } from './fixtures';

const YEAR = 2091;
const TABLET = { hasTouch: true, isMobile: true } as const;
/** Everything offline must reach the server this soon after the network is back. */
const RECONNECT_MS = 5_000;
const WAITING = /(\d+) changes? waiting to be sent/;

let world: ScoringWorld;
const [A, B] = ['Civix', 'OpenLedger'];

beforeAll(async () => {
  if (!seeded()) return;
  world = await scoringWorld(YEAR, 6);
  for (const judge of world.judges) assign(world.roundId, judge.id, world.apps[A], world.apps[B]);
});

/** A tablet logged in as the test's judge; the network errors offline are expected, nothing else. */
async function tablet(judge: number, viewport: { width: number; height: number } = VIEWPORTS.tabletLandscape): Promise<BrowserHandle> {
  const handle = await openBrowser({ viewport, ...TABLET });
  // Chromium's own reports of requests that met no network (the worker's registration included).
  handle.allowConsoleError(/net::ERR_INTERNET_DISCONNECTED|Failed to fetch manifest patches|status of 503|error occurred when fetching the script/);
  await loginAs(handle, world.judges[judge].email);
  return handle;
}

function scale(page: Page, criterion: 'Impact' | 'Feasibility' | 'Team'): Locator {
  return page.getByRole('group', { name: criterion });
}

async function tap(page: Page, criterion: 'Impact' | 'Feasibility' | 'Team', value: number) {
  const radio = scale(page, criterion).getByRole('radio', { name: String(value), exact: true });
  await radio.tap();
  await expect.poll(() => radio.isChecked()).toBe(true);
}

/** The sheet, not an error page. */
async function stillTheSheet(page: Page) {
  await page.getByRole('heading', { name: 'Your scores' }).waitFor();
  expect(await page.getByText(/Something went wrong|500/).count()).toBe(0);
}

async function waiting(page: Page, count: number) {
  await page.getByRole('status').filter({ hasText: WAITING }).filter({ hasText: `${count} change` }).first().waitFor();
}

/** What the server stored for this judge's sheet: criterion name → value. */
function stored(judge: number, startup: string) {
  const sheet = sheetOf(world.roundId, world.judges[judge].id, world.apps[startup]);
  if (!sheet) return null;
  const { impact, feasibility, team } = world.criteria;
  return { Impact: sheet.values[impact] ?? null, Feasibility: sheet.values[feasibility] ?? null, Team: sheet.values[team] ?? null, revision: sheet.revision };
}

/** Waits for the server to hold `expected`, at most RECONNECT_MS after `since`. */
async function reachesServer(since: number, judge: number, startup: string, expected: Partial<ReturnType<typeof stored> & object>) {
  await expect.poll(() => stored(judge, startup), { timeout: RECONNECT_MS, interval: 100 }).toMatchObject(expected);
  expect(Date.now() - since).toBeLessThanOrEqual(RECONNECT_MS);
}

/** The judge's page, loaded in full, with the service worker in charge and the assigned sheets kept. */
async function judgePageKept(handle: BrowserHandle) {
  const { page } = handle;
  await page.goto(url(`/judge/${YEAR}`));
  await hydrated(page);
  const sheets = [sheetPath(world, world.apps[A]), sheetPath(world, world.apps[B])];
  await expect
    .poll(
      () =>
        page.evaluate(async (paths) => {
          if (!navigator.serviceWorker.controller) return false;
          const cache = await caches.open('palmares-judge-pages');
          for (const path of paths) {
            if (!(await cache.match(`${location.origin}${path}.data`)) || !(await cache.match(`${location.origin}${path}`))) return false;
          }
          return true;
        }, sheets),
      { interval: 100, timeout: 10_000 },
    )
    .toBe(true);
}

/**
 * Opens a sheet by a full page load, and waits until the router has looked its address up (right
 * after hydration, while online): what a judge's first seconds on the page do.
 */
async function openSheetInFull(page: Page, startup: string) {
  const discovered = page.waitForResponse((r) => new URL(r.url()).pathname === '/__manifest');
  await page.goto(url(sheetPath(world, world.apps[startup])));
  await hydrated(page);
  await discovered;
}

async function openFromJudgePage(page: Page, startup: string) {
  await page.getByRole('link', { name: new RegExp(startup) }).first().click();
  await page.getByRole('heading', { level: 1, name: startup }).waitFor();
  await hydrated(page);
}

describe.skipIf(!seeded())('a judge through a dropped network', () => {
  it('keeps the first tap after a full page load, offline, and a correction of it, and saves the last one when the network is back', async () => {
    const judge = await tablet(0);
    const { page, context } = judge;
    await openSheetInFull(page, A);
    await context.setOffline(true);
    await tap(page, 'Impact', 7);
    await page.getByText('Not saved — retrying').waitFor();
    await waiting(page, 1);
    await stillTheSheet(page);
    await screenshot(page, 'offline-waiting-landscape-1024x768', { fullPage: false });
    // A second tap on the same scale waits behind the first (still one change: one field).
    await tap(page, 'Impact', 5);
    await waiting(page, 1);
    await stillTheSheet(page);
    await context.setOffline(false);
    await reachesServer(Date.now(), 0, A, { Impact: 5 });
    await page.getByText(/^✓Saved at/).waitFor();
    // The correction is the last word: the first tap was sent first (under its own key, revision 1),
    // the correction on top of it (revision 2), nothing after; the sheet still shows it.
    expect(stored(0, A)).toMatchObject({ Impact: 5, revision: 2 });
    expect(await scale(page, 'Impact').getByRole('radio', { name: '5', exact: true }).isChecked()).toBe(true);
  });

  it('resends a save cut off in the middle under its own key: applied once, the later change on top', async () => {
    const judge = await tablet(1, VIEWPORTS.tabletPortrait);
    const { page, context } = judge;
    await page.goto(url(sheetPath(world, world.apps[A])));
    await hydrated(page);
    // The first save reaches the server, then the network drops before its answer comes back.
    await page.route('**/*.data', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fetch();
      await context.setOffline(true);
      await route.abort('internetdisconnected');
      await page.unroute('**/*.data');
    });
    await tap(page, 'Impact', 4);
    await page.getByText('Not saved — retrying').waitFor();
    expect(stored(1, A)).toMatchObject({ Impact: 4, revision: 1 });
    await tap(page, 'Team', 2);
    await tap(page, 'Feasibility', 8);
    await waiting(page, 3);
    await stillTheSheet(page);
    await screenshot(page, 'offline-waiting-portrait-768x1024', { fullPage: false });
    await context.setOffline(false);
    // Revision 2, not 3: the resent first save was recognised by its key, not applied twice.
    await reachesServer(Date.now(), 1, A, { Impact: 4, Team: 2, Feasibility: 8, revision: 2 });
  });

  it('keeps what was typed offline through a reload while offline', async () => {
    const judge = await tablet(2);
    const { page, context } = judge;
    await judgePageKept(judge);
    await openFromJudgePage(page, A);
    await tap(page, 'Impact', 6);
    await expect.poll(() => stored(2, A)?.Impact ?? null).toBe(6);
    await page.getByText(/^✓Saved at/).waitFor();
    await context.setOffline(true);
    await tap(page, 'Team', 3);
    await page.getByText('Not saved — retrying').waitFor();
    await page.reload();
    await stillTheSheet(page);
    await hydrated(page);
    // The kept page is older than both taps: the outbox has them.
    await expect.poll(() => scale(page, 'Impact').getByRole('radio', { name: '6', exact: true }).isChecked()).toBe(true);
    await expect.poll(() => scale(page, 'Team').getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
    await waiting(page, 1);
    await context.setOffline(false);
    await reachesServer(Date.now(), 2, A, { Impact: 6, Team: 3, revision: 2 });
  });

  it('moves to another assigned sheet offline and scores it; both reach the server', async () => {
    const judge = await tablet(3);
    const { page, context } = judge;
    await judgePageKept(judge);
    await openFromJudgePage(page, A);
    await context.setOffline(true);
    await tap(page, 'Impact', 9);
    await page.getByText('Not saved — retrying').waitFor();
    await page.getByRole('link', { name: 'Back to my pitches' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await waiting(page, 1);
    await openFromJudgePage(page, B);
    await stillTheSheet(page);
    await tap(page, 'Impact', 2);
    await tap(page, 'Team', 5);
    await waiting(page, 3);
    await context.setOffline(false);
    const back = Date.now();
    await reachesServer(back, 3, A, { Impact: 9, revision: 1 });
    await reachesServer(back, 3, B, { Impact: 2, Team: 5 });
  });

  it('keeps what was typed when the tab is closed offline and opened again offline', async () => {
    const judge = await tablet(4);
    const { context } = judge;
    let page = judge.page;
    await judgePageKept(judge);
    await openFromJudgePage(page, B);
    await context.setOffline(true);
    await tap(page, 'Feasibility', 3);
    await page.getByText('Not saved — retrying').waitFor();
    await page.close();
    page = await context.newPage();
    await page.goto(url(sheetPath(world, world.apps[B])));
    await stillTheSheet(page);
    await hydrated(page);
    await expect.poll(() => scale(page, 'Feasibility').getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
    await waiting(page, 1);
    await context.setOffline(false);
    await reachesServer(Date.now(), 4, B, { Feasibility: 3, revision: 1 });
  });

  it('never overwrites a version saved on another device meanwhile: both are shown, the judge chooses', async () => {
    const judge = await tablet(5, VIEWPORTS.tabletPortrait);
    judge.allowConsoleError(/status of 409 \(Conflict\)/);
    const { page, context } = judge;
    await openSheetInFull(page, A);
    await context.setOffline(true);
    await tap(page, 'Impact', 8);
    await page.getByText('Not saved — retrying').waitFor();
    // Meanwhile, on the judge's laptop, the same sheet is saved with another score.
    const laptop = await postSheet(world, world.judges[5], world.apps[A], { revision: 0, values: { impact: 3 } });
    expect(laptop.status).toBe(200);
    await context.setOffline(false);
    const alert = page.getByRole('alert').filter({ hasText: 'This scoresheet was changed elsewhere' });
    await alert.waitFor({ timeout: RECONNECT_MS });
    expect(await alert.getByRole('row').filter({ hasText: 'Impact' }).getByRole('cell').allTextContents()).toEqual(['8', '3']);
    expect(stored(5, A)).toMatchObject({ Impact: 3 });
    await screenshot(page, 'offline-conflict-portrait-768x1024', { fullPage: false });
    await page.setViewportSize(VIEWPORTS.tabletLandscape);
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'offline-conflict-landscape-1024x768', { fullPage: false });
    await alert.getByRole('button', { name: 'Keep the version on this device' }).tap();
    await expect.poll(() => stored(5, A), { timeout: RECONNECT_MS }).toMatchObject({ Impact: 8, revision: 2 });
    await page.getByText(/^✓Saved at/).waitFor();
  });
});
