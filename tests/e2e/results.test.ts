/**
 * Results in Chromium, on the built server and the demo seed: a published edition's page on a
 * tablet and a phone (no horizontal scrolling, still running its scripts after a reload), the
 * organiser's ranking on a laptop and a 1920 px screen with the other methods previewed without
 * JavaScript, the method page, and the open data over HTTP (ETag, 304, 404 before publication).
 * With SCREENSHOTS=1, screenshots go to tests/.tmp/screenshots/ for a human to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, hydrated, loginAs, openBrowser, screenshot, seeded, url, VIEWPORTS } from './fixtures';

const LAPTOP = { width: 1920, height: 1080 };

async function expectNoHorizontalScroll(page: Page, width: number) {
  const { scrollWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `the document is ${scrollWidth}px wide in a ${width}px window`).toBeLessThanOrEqual(width);
}

/** The id of a round of the demo, from the organiser's results page. */
async function roundHref(page: Page, year: number, round: 'Screening' | 'Final'): Promise<string> {
  await page.goto(url(`/organise/${year}/results`));
  const link = page.getByRole('link', { name: `Ranking — ${round}` }).first();
  return (await link.getAttribute('href'))!;
}

describe.skipIf(!seeded())('a published edition, for the public', () => {
  it.each([
    { name: 'tablet-landscape-1024x768', options: { viewport: VIEWPORTS.tabletLandscape, hasTouch: true } },
    { name: 'phone-390x844', options: { viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true } },
  ])('/editions/2019 shows winners, ranking, charts, seal and open data at $name', async ({ name, options }) => {
    const { page } = await openBrowser(options);
    await page.goto(url('/editions/2019'));
    await hydrated(page);
    for (const heading of ['Winners', 'Final ranking', 'Screening ranking', 'Seal', 'Open data']) {
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    }
    await expect.poll(() => page.locator('.winner--place-1 .winner__name').innerText()).not.toBe('');
    expect(await page.locator('table.public-ranking').first().locator('tbody tr').count()).toBe(6);
    // Each finalist's chart is one image with every value in its name; the table is one click away.
    const charts = page.getByRole('img', { name: /Impact for the public sector \d+/ });
    expect(await charts.count()).toBe(6);
    await page.getByText('Show these figures as a table').click();
    await page.locator('.chart-table table').waitFor();
    expect(await page.locator('code.hash').innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByRole('link', { name: 'results.json' }).getAttribute('href')).toBe('/editions/2019/results.json');
    await expectNoHorizontalScroll(page, options.viewport.width);
    await screenshot(page, `results-edition-2019-${name}`);
    // Cached for visitors, and still running its scripts after a reload (no stale CSP nonce).
    await page.reload();
    await hydrated(page);
    await page.getByRole('heading', { level: 2, name: 'Winners' }).waitFor();
  });

  it('is reached from the list of editions by a client-side navigation, in French too', async () => {
    const { page } = await openBrowser({ viewport: VIEWPORTS.tabletLandscape, locale: 'fr-FR' });
    await page.goto(url('/'));
    await hydrated(page);
    await page.getByRole('link', { name: 'Édition 2019', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/editions/2019');
    await page.getByRole('heading', { level: 2, name: 'Classement de la finale' }).waitFor();
    await page.getByRole('link', { name: 'Comment le classement est calculé, et comment le vérifier' }).click();
    await page.waitForURL((u) => u.pathname === '/method');
    await page.getByRole('heading', { level: 1, name: 'Comment un classement est calculé' }).waitFor();
    expect(await page.locator('pre.code-block code').last().innerText()).toContain('hashlib.sha256');
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Sceau' }).waitFor();
  });

  it('an unpublished edition shows nothing of its scores', async () => {
    const { page } = await openBrowser({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    await page.goto(url('/editions/2021'));
    await page.getByText('The results of this edition are not published yet.').waitFor();
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Final ranking' }).count()).toBe(0);
  });
});

describe.skipIf(!seeded())('the organiser’s ranking', () => {
  it.each([
    { name: '1920x1080', viewport: LAPTOP },
    { name: '1024x768', viewport: VIEWPORTS.tabletLandscape },
  ])('of the 2019 final, with the other methods side by side, at $name', async ({ name, viewport }) => {
    const organiser = await openBrowser({ viewport });
    const { page } = organiser;
    await loginAs(organiser, 'organiser@example.org');
    const href = await roundHref(page, 2019, 'Final');
    await page.goto(url(href));
    await hydrated(page);
    await page.getByRole('heading', { level: 2, name: 'Ranking — Final' }).waitFor();
    expect(await page.locator('table.ranking-table tbody tr').count()).toBe(6);
    await expectNoHorizontalScroll(page, viewport.width);
    await screenshot(page, `results-ranking-2019-final-${name}`);
    await page.getByRole('link', { name: 'Preview the other methods side by side' }).click();
    await page.waitForURL((u) => u.searchParams.get('compare') === 'methods');
    await page.getByRole('columnheader', { name: 'Rank by mean' }).waitFor();
    await page.getByRole('columnheader', { name: 'Rank by trimmed mean' }).waitFor();
    await expectNoHorizontalScroll(page, viewport.width);
    if (viewport.width >= 1920) {
      // On a wide screen every column shows: the table needs no scrolling of its own.
      const region = page.getByRole('region', { name: 'Table: Ranking — Final' });
      const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect(fits).toBe(true);
    }
    await screenshot(page, `results-ranking-2019-final-compare-${name}`);
  });

  it('previews the methods without JavaScript (a link), and shows the calibration chart with its table', async () => {
    const organiser = await openBrowser({ viewport: VIEWPORTS.tabletLandscape, javaScriptEnabled: false });
    const { page } = organiser;
    await loginAs(organiser, 'organiser@example.org');
    const href = await roundHref(page, 2019, 'Screening');
    await page.goto(url(href));
    await page.getByRole('link', { name: 'Preview the other methods side by side' }).click();
    await page.getByRole('columnheader', { name: 'Rank by z-score' }).waitFor();
    // Rank changes are said in words to screen readers.
    expect(await page.locator('.rank-change .visually-hidden').count()).toBeGreaterThan(0);
    await page.goto(url(href.replace(/ranking$/, 'calibration')));
    await page.getByRole('heading', { level: 2, name: 'Judge calibration — Screening' }).waitFor();
    await page.getByRole('img', { name: /^Panel: mean total/ }).waitFor();
    expect(await page.locator('table.calibration-table tbody tr').count()).toBe(8);
    await screenshot(page, 'results-calibration-2019-screening');
  });
});

describe.skipIf(!seeded())('open data over HTTP', () => {
  it('results.json: cached with an ETag, 304 when unchanged, open to every origin', async () => {
    const first = await fetch(url('/editions/2018/results.json'));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(first.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const doc = await first.json();
    expect(doc.seal).toMatch(/^[0-9a-f]{64}$/);
    const etag = first.headers.get('etag')!;
    const again = await fetch(url('/editions/2018/results.json'), { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const csv = await fetch(url('/editions/2018/scores.csv'));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('answers 404 before publication', async () => {
    for (const file of ['results.json', 'results.csv', 'scores.csv']) {
      expect((await fetch(url(`/editions/2021/${file}`))).status).toBe(404);
    }
  });
});
