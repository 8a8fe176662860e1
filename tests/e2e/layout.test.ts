/**
 * Layouts only a browser shows, on the built server and the demo seed: the phone header's menu
 * without JavaScript (a <details>) in visual = keyboard order, the founder's folded sections, and
 * the organisers' tables on a 1366×768 and a 1024×768 laptop (no page overflow, the ranking's
 * flags in view, the applications table without a hidden column).
 * With SCREENSHOTS=1: phone header, menu open, founder sections, /editions/2019; the two tables.
 */
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getDb, schema } from '~/utils/db.server';
import { horizontalOverflow, loginAs, openBrowser, screenshot, seeded, url, VIEWPORTS } from './fixtures';

const LAPTOP = { width: 1366, height: 768 };

async function expectNoHorizontalScroll(page: Page, width: number) {
  const { scrollWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `the document is ${scrollWidth}px wide in a ${width}px window`).toBeLessThanOrEqual(width);
}

describe.skipIf(!seeded())('phone layout', () => {
  it('without JavaScript: the brand and a Menu button; the menu opens, in visual order, and leads to /method', async () => {
    const { page } = await openBrowser({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, javaScriptEnabled: false });
    await page.goto(url('/'));
    const header = page.locator('header.site-header');
    const menu = header.getByText('Menu', { exact: true });
    await menu.waitFor();
    const height = (await header.boundingBox())!.height;
    expect(height, `the header is ${height}px high`).toBeLessThan(80);
    // The sections are inside the closed menu: not shown, not reachable.
    expect(await header.getByRole('link', { name: 'Method' }).count()).toBe(0);
    await screenshot(page, 'layout-phone-header-390x844', { fullPage: false });

    // Keyboard order = visual order: skip link, brand, Menu, then the menu's links.
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await focused()).toContain('Palmarès');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Menu');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Editions');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Method');
    await screenshot(page, 'layout-phone-menu-open-390x844', { fullPage: false });
    await expectNoHorizontalScroll(page, VIEWPORTS.phone.width);

    await header.getByRole('link', { name: 'Method' }).click();
    await page.waitForURL((u) => u.pathname === '/method');
  });

  it('the founder’s sections fold into “Section 2 of 7”, and a published edition fits the screen', async () => {
    const founder = await openBrowser({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    const { page } = founder;
    await loginAs(founder, 'founder1@example.org', '/apply/2022/pitch');
    const summary = page.locator('main summary', { hasText: 'Section 2 of 7: Pitch' });
    await summary.waitFor();
    await expectNoHorizontalScroll(page, VIEWPORTS.phone.width);
    await screenshot(page, 'layout-phone-founder-sections-390x844', { fullPage: false });
    expect(await page.locator('main').getByRole('link', { name: /Team/ }).count()).toBe(0);
    await summary.click();
    await page.locator('main').getByRole('link', { name: /Team/ }).waitFor();
    // The one-liner is a textarea: it wraps instead of scrolling sideways.
    expect(await page.locator('main textarea[name="oneLiner"]').count()).toBe(1);

    await page.goto(url('/editions/2019'));
    await page.getByRole('heading', { name: 'Final ranking' }).waitFor();
    await expectNoHorizontalScroll(page, VIEWPORTS.phone.width);
    await screenshot(page, 'layout-phone-edition-2019-390x844');
  });
});

describe.skipIf(!seeded())('organisers’ tables on a laptop', () => {
  it('1366×768: the screening ranking keeps its flags in view; 1024×768: the applications table hides no column', async () => {
    const db = getDb();
    const edition = db.select().from(schema.editions).where(eq(schema.editions.year, 2021)).get()!;
    const screening = db
      .select()
      .from(schema.rounds)
      .where(and(eq(schema.rounds.editionId, edition.id), eq(schema.rounds.kind, 'screening')))
      .get()!;
    const organiser = await openBrowser({ viewport: LAPTOP });
    const { page } = organiser;
    await loginAs(organiser, 'organiser@example.org', `/organise/2021/rounds/${screening.id}/ranking`);
    const region = page.getByRole('region', { name: /^Table: / });
    await region.waitFor();
    await expectNoHorizontalScroll(page, LAPTOP.width);
    const flag = region.locator('.flag--insufficient').first();
    await flag.scrollIntoViewIfNeeded();
    const box = (await flag.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(LAPTOP.width);
    // The region is reachable by keyboard.
    expect(await region.getAttribute('tabindex')).toBe('0');
    await region.scrollIntoViewIfNeeded();
    await screenshot(page, 'layout-ranking-1366x768', { fullPage: false });

    await page.setViewportSize(VIEWPORTS.tabletLandscape);
    await page.goto(url('/organise/2021/applications'));
    const table = page.getByRole('region', { name: /Applications/ });
    await table.waitFor();
    await expectNoHorizontalScroll(page, VIEWPORTS.tabletLandscape.width);
    const { scrollWidth, clientWidth } = await table.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth, 'a column of the applications table is out of view').toBeLessThanOrEqual(clientWidth + 1);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'layout-applications-1024x768', { fullPage: false });
  });
});
