/**
 * The live final in Chromium, with the people who hold each screen: the organiser's stage control
 * (1024×768), the projector (1920×1080, and 1280×720), a judge's tablet (768×1024) and a phone in
 * the audience (390×844). Each test builds its own final edition in the server's database
 * (tests/fixtures/stage.ts: finalists, judges, a final round whose sheets are submitted) and
 * seals it the same way before the reveal.
 *
 * The tablet test needs StageFollower mounted on the judge's pages (judge.$year._index.tsx and the
 * scoresheet route). With SCREENSHOTS=1, screenshots go to tests/.tmp/screenshots/stage-*.png: the
 * judge's live view at 768×1024 and 1024×768, the projector at 1920×1080 (and 1280×720) during a
 * pitch with the vote open and at each step of the reveal, the vote on a 390×844 phone.
 * The last test prints the paper fallback of the demo's live final (2023), which the finals built
 * here (2083–2086) leave alone.
 *
 * No real time is waited for: the evening's projector runs on Playwright's clock (its context's
 * Date and timers), moved forward for a timer to run out; the projector without JavaScript, which
 * reloads itself every 10 s, is opened at the start of that test and looked at well after.
 */
import net from 'node:net';
import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, schema } from '~/utils/db.server';
import { buildFinalWorld, sealFinal } from '../fixtures/stage';
import { hydrated, loginAs, openBrowser, routerIdle, screenshot, seeded, url, VIEWPORTS } from './fixtures';

const PROJECTOR = { width: 1920, height: 1080 };
const PROJECTOR_SMALL = { width: 1280, height: 720 };
const CONTROL = { width: 1024, height: 768 };
const WITHIN_MS = 2_000;

/** The projector fits its screen: no scrollbar either way. */
async function expectNoScroll(page: Page) {
  const size = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    width: window.innerWidth,
    height: window.innerHeight,
  }));
  expect(size.scrollWidth, `${size.scrollWidth}px wide in ${size.width}px`).toBeLessThanOrEqual(size.width);
  expect(size.scrollHeight, `${size.scrollHeight}px high in ${size.height}px`).toBeLessThanOrEqual(size.height);
}

/** Screenshots the projector at 1920×1080 and at 1280×720, checking both fit. */
async function projectorShots(page: Page, name: string) {
  await expectNoScroll(page);
  await screenshot(page, `stage-projector-${name}-1920x1080`);
  await page.setViewportSize(PROJECTOR_SMALL);
  await expectNoScroll(page);
  await screenshot(page, `stage-projector-${name}-1280x720`);
  await page.setViewportSize(PROJECTOR);
}

/** A stage command that changes the projector: its button opens a confirmation, then "Yes, …" posts it. */
async function confirmCommand(page: Page, label: string | RegExp, confirm: string) {
  await page.locator('summary', { hasText: label }).click();
  await page.getByRole('button', { name: confirm }).click();
}

async function live(page: Page, selector: string) {
  // Attached, not visible: the tablet's follower shows nothing while scoring is closed.
  await page.locator(`${selector}[data-connection="live"]`).waitFor({ state: 'attached' });
}

/**
 * What a phone's camera would read from the QR code on the screen: a screenshot of it (PNG), turned
 * into pixels by the page's own image decoder, then decoded by jsQR (an encoder-independent reader).
 */
async function readQrCode(page: Page, code: Locator): Promise<string | null> {
  const png = (await code.screenshot({ animations: 'disabled' })).toString('base64');
  const { width, height, rgba } = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let binary = '';
    for (let i = 0; i < pixels.length; i += 0x8000) binary += String.fromCharCode(...pixels.subarray(i, i + 0x8000));
    return { width: bitmap.width, height: bitmap.height, rgba: btoa(binary) };
  }, png);
  return jsQR(new Uint8ClampedArray(Buffer.from(rgba, 'base64')), width, height)?.data ?? null;
}

/**
 * A TCP relay to the server, to drop the projector's connection for real: `cut()` closes every
 * open socket and refuses new ones (a Wi-Fi outage), `restore()` lets connections through again.
 */
async function flakyNetwork(target: URL) {
  const sockets = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port), '127.0.0.1');
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', drop).on('close', drop);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: (pathname: string) => `http://localhost:${port}${pathname}`,
    cut() {
      up = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      up = true;
    },
    close() {
      up = false;
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A final of its own (tests/fixtures/stage.ts), its stage control open for the organiser on a laptop, and a projector's browser. */
async function finalWithControl(year: number) {
  const world = await buildFinalWorld(year);
  const control = await openBrowser({ viewport: CONTROL });
  const projector = await openBrowser({ viewport: PROJECTOR });
  await loginAs(control, world.organiser.email, `/organise/${year}/stage`);
  return { world, control, projector };
}

describe('the live final', () => {
  it('selecting a startup and opening scoring updates the projector and the judge’s tablet within 2 s', async () => {
    const { world, control, projector } = await finalWithControl(2083);
    const tablet = await openBrowser({ viewport: VIEWPORTS.tabletPortrait, hasTouch: true, isMobile: true });
    await hydrated(control.page);
    await projector.page.goto(url('/editions/2083/stage'));
    await hydrated(projector.page);
    await loginAs(tablet, world.judges[0].email, '/judge/2083');
    await hydrated(tablet.page);
    await Promise.all([
      live(control.page, '.stage-control'),
      live(projector.page, '.projector'),
      live(tablet.page, '[data-stage-follower]'),
    ]);
    await projector.page.getByRole('heading', { level: 1, name: 'Running order' }).waitFor();

    // A mark in the tablet's document: still there after the tablet moves means no reload happened.
    await tablet.page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    let started = Date.now();
    await confirmCommand(control.page, 'Put on stage Civix', 'Yes, put Civix on stage');
    await projector.page.getByRole('heading', { level: 1, name: 'Civix' }).waitFor({ timeout: WITHIN_MS });
    expect(Date.now() - started).toBeLessThan(WITHIN_MS);

    started = Date.now();
    await control.page.getByRole('button', { name: 'Open scoring for Civix' }).click();
    const sheet = `/judge/2083/rounds/${world.finalRoundId}/${world.apps.Civix}`;
    await tablet.page.waitForURL((current) => current.pathname === sheet, { timeout: WITHIN_MS });
    await projector.page.getByText('Judges are scoring').waitFor({ timeout: WITHIN_MS });
    expect(Date.now() - started).toBeLessThan(WITHIN_MS);
    expect(await tablet.page.evaluate(() => '__sameDocument' in window)).toBe(true);
    await tablet.page.getByRole('heading', { level: 1, name: 'Civix' }).waitFor();
    await screenshot(tablet.page, 'stage-tablet-followed-768x1024');

    // The judge goes back to an earlier page: nothing pulls them to the sheet again.
    await tablet.page.goto(url('/judge/2083'));
    await hydrated(tablet.page);
    await live(tablet.page, '[data-stage-follower]');
    // The notice comes from the same answer that would have navigated: once it shows and the
    // router is idle, a pull to the sheet would have happened.
    await tablet.page.getByRole('link', { name: 'Open the scoresheet of Civix' }).waitFor();
    await routerIdle(tablet.page);
    expect(new URL(tablet.page.url()).pathname).toBe('/judge/2083');
    await screenshot(tablet.page, 'stage-tablet-notice-768x1024');
    await tablet.page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(tablet.page, 'stage-tablet-notice-1024x768');
  });

  it('runs the final on the projector: timers, the vote by QR code, and the reveal in order', async () => {
    const { world, control, projector } = await finalWithControl(2084);
    // A projector without JavaScript, opened before anything changes: a snapshot of the running order
    // that reloads itself every 10 s (looked at again once Votabl is on stage, below).
    const snapshot = await openBrowser({ viewport: PROJECTOR, javaScriptEnabled: false });
    await snapshot.page.goto(url('/editions/2084/stage'));
    await snapshot.page.getByRole('heading', { level: 1, name: 'Running order' }).waitFor();
    const phone = await openBrowser({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
    // The projector's page runs on a clock the test can move forward (its context's timers and
    // Date), so that a timer runs out without waiting for it; it ticks on its own until then.
    await projector.context.clock.install();
    // The organiser is logged in on the projector's laptop too: the clicker works there.
    await loginAs(projector, world.organiser.email, '/editions/2084/stage');
    await hydrated(control.page);
    await hydrated(projector.page);
    await Promise.all([live(control.page, '.stage-control'), live(projector.page, '.projector')]);
    await projectorShots(projector.page, 'running-order');

    // On stage, with the pitch timer running.
    await confirmCommand(control.page, 'Put on stage Votabl', 'Yes, put Votabl on stage');
    await projector.page.getByRole('heading', { level: 1, name: 'Votabl' }).waitFor();
    await control.page.getByRole('button', { name: 'Start the pitch timer' }).click();
    await projector.page.locator('.timer[data-phase="normal"] .timer__clock', { hasText: /^[45]:\d\d$/ }).waitFor();
    await projectorShots(projector.page, 'on-stage');
    await screenshot(control.page, 'stage-control-1024x768');

    // The last 30 seconds: bigger, yellow, and said in words with an icon.
    await control.page.getByLabel('Pitch (minutes)').fill('0.5');
    await control.page.getByRole('button', { name: 'Start the pitch timer' }).click();
    const finalStretch = projector.page.locator('.timer[data-phase="final"]');
    await finalStretch.getByText('Last 30 seconds').waitFor();
    await projectorShots(projector.page, 'timer-last-30s');

    // Overtime: counted up, "time is up". The projector reads the 15 s of questions from the server's
    // start time and its own clock: 16 s later on that clock, the time is up (the server's clock is
    // read again at the next message of the live channel).
    await control.page.getByLabel('Questions (minutes)').fill('0.25');
    await control.page.getByRole('button', { name: 'Start the questions timer' }).click();
    const questions = projector.page.locator('.timer[data-phase="final"]', { hasText: 'Questions' });
    await questions.waitFor();
    expect(await projector.page.locator('.timer[data-phase="over"]').count()).toBe(0);
    await projector.page.clock.fastForward(16_000);
    await projector.page.locator('.timer[data-phase="over"]').getByText('Time is up').waitFor();
    await projector.page.locator('.timer[data-phase="over"] .timer__clock', { hasText: /^\+0:\d\d$/ }).waitFor();
    await projectorShots(projector.page, 'timer-over');

    // The audience vote beside the pitch and its timer: the projector's QR code, read from the
    // screen, is the vote page's address with the presence code (decision 034), also printed under it.
    await confirmCommand(control.page, 'Open the audience vote', 'Yes, open the vote');
    await projector.page.locator('.projector-vote-aside .projector-vote__qr').waitFor();
    await projector.page.getByRole('heading', { level: 1, name: 'Votabl' }).waitFor();
    await projector.page.locator('.projector-stage__timer .timer').waitFor();
    const voteUrl = url('/vote/2084');
    const scanned = await readQrCode(projector.page, projector.page.locator('.projector-vote__qr'));
    expect(scanned).toMatch(new RegExp(`^${voteUrl.replace(/[.?/]/g, '\\$&')}\\?c=[2-9A-Z]{6}$`));
    const code = new URL(scanned!).searchParams.get('c')!;
    await projector.page.getByText(voteUrl.replace(/^https?:\/\//, '')).waitFor();
    await projectorShots(projector.page, 'pitch-with-vote');

    // Knowing the address is not enough: without the code the page asks to scan it, or type it.
    await phone.page.goto(voteUrl);
    await hydrated(phone.page);
    await phone.page.getByRole('heading', { name: 'Scan the code on the screen' }).waitFor();
    expect(await phone.page.getByRole('button', { name: 'Vote for Votabl' }).count()).toBe(0);
    await phone.page.getByLabel('Code shown on the screen').fill(code.toLowerCase());
    await phone.page.getByRole('button', { name: 'Continue' }).click();
    await phone.page.getByRole('button', { name: 'Vote for Votabl' }).waitFor();
    await phone.page.goto(scanned!);
    await hydrated(phone.page);
    await screenshot(phone.page, 'stage-vote-390x844');
    await phone.page.getByRole('button', { name: 'Vote for Votabl' }).click();
    await phone.page.getByRole('heading', { name: 'Confirm your vote' }).waitFor();
    // Focus moved to the confirmation, so that a screen reader reads it out.
    await phone.page.locator('.vote-confirm:focus').waitFor();
    await screenshot(phone.page, 'stage-vote-confirm-390x844');
    await phone.page.getByRole('button', { name: 'Confirm my vote for Votabl' }).click();
    await phone.page.getByText('Thank you! Your vote for Votabl is counted.').waitFor();
    await screenshot(phone.page, 'stage-vote-thanks-390x844');
    const phoneWidth = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(phoneWidth).toBeLessThanOrEqual(VIEWPORTS.phone.width);

    // The projector without JavaScript reloaded itself meanwhile (at most 10 s after it opened): the
    // startup on stage and its timer, as the server renders them. Closed before the reveal.
    await snapshot.page.getByRole('heading', { level: 1, name: 'Votabl' }).waitFor({ timeout: 15_000 });
    await snapshot.page.locator('.timer[data-phase]').waitFor();
    await screenshot(snapshot.page, 'stage-projector-no-js-1920x1080');
    await snapshot.close();

    await confirmCommand(control.page, 'Close the audience vote', 'Yes, close the vote');
    await phone.page
      .getByRole('heading', { name: 'Voting has not opened yet' })
      .or(phone.page.getByRole('heading', { name: 'Voting is closed' }))
      .waitFor();
    await projector.page.getByRole('heading', { level: 1, name: 'Votabl' }).waitFor();

    // The reveal needs the sealed final round: refused before, then run from the stage control and the clicker.
    expect(await control.page.getByRole('button', { name: /Start the reveal/ }).isDisabled()).toBe(true);
    sealFinal(world.editionId);
    await control.page.reload();
    await hydrated(control.page);
    await live(control.page, '.stage-control');
    await confirmCommand(control.page, /Start the reveal/, 'Yes, start the reveal');

    const expected = [
      { slide: 'peoplesChoice-suspense', text: 'And the people’s choice award goes to…' },
      { slide: 'peoplesChoice', text: 'Votabl' },
      { slide: 'place-3-suspense', text: 'And the third place goes to…' },
      { slide: 'place-3', text: 'OpenLedger' },
      { slide: 'place-2-suspense', text: 'And the second place goes to…' },
      { slide: 'place-2', text: 'Civix' },
      { slide: 'place-1-suspense', text: 'And the first place goes to…' },
      { slide: 'place-1', text: 'Votabl' },
      { slide: 'tracks', text: 'Track awards' },
      { slide: 'ranking', text: 'Final ranking' },
    ];
    const seen: string[] = [];
    for (const [i, step] of expected.entries()) {
      // The presenter presses once the previous press is answered: a press while one is in flight
      // makes Remix abort the first request and log an AbortError (single fetch), which the guard counts.
      if (i > 0) await routerIdle(projector.page);
      if (i > 0) await projector.page.keyboard.press(i % 2 === 1 ? 'ArrowRight' : i % 4 === 0 ? 'PageDown' : 'Space');
      const slide = projector.page.locator(`[data-slide="${step.slide}"]`);
      await slide.waitFor({ timeout: WITHIN_MS });
      await slide.getByText(step.text, { exact: true }).waitFor();
      seen.push(step.slide);
      await projectorShots(projector.page, `reveal-${i + 1}-${step.slide}`);
    }
    expect(seen).toEqual(expected.map((s) => s.slide));
    const seal = await projector.page.locator('.reveal__seal-hash').getAttribute('aria-label');
    expect(seal).toMatch(/^[0-9a-f]{64}$/);
    // And back two steps with the clicker.
    await routerIdle(projector.page);
    await projector.page.keyboard.press('ArrowLeft');
    await projector.page.locator('[data-slide="tracks"]').waitFor({ timeout: WITHIN_MS });
    await routerIdle(projector.page);
    await projector.page.keyboard.press('ArrowLeft');
    await projector.page.locator('[data-slide="place-1"]').waitFor({ timeout: WITHIN_MS });
    await control.page.getByText('Step 8 of 10: first place (the winner)').waitFor();
  }, 120_000); // The whole evening in one test, with four browsers: twice the default.

  it('respects reduced motion, and speaks French to a French browser', async () => {
    const projector = await openBrowser({ viewport: PROJECTOR, locale: 'fr-FR' });
    await projector.page.emulateMedia({ reducedMotion: 'reduce' });
    await projector.page.goto(url('/editions/2084/stage'));
    await hydrated(projector.page);
    // The previous test left the reveal on the first place.
    const slide = projector.page.locator('[data-slide="place-1"]');
    await slide.getByText('Premier prix').waitFor();
    const winner = slide.locator('.reveal__winner');
    expect(await winner.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await screenshot(projector.page, 'stage-projector-fr-reveal-1920x1080');
  });

  it('after a dropped connection, says it is reconnecting, then shows the current state', async () => {
    const world = await buildFinalWorld(2085);
    const network = await flakyNetwork(new URL(url('/')));
    try {
      const control = await openBrowser({ viewport: CONTROL });
      const projector = await openBrowser({ viewport: PROJECTOR });
      // What Chromium reports while the server cannot be reached.
      projector.allowConsoleError(/net::ERR_|Failed to load resource/);
      await loginAs(control, world.organiser.email, '/organise/2085/stage');
      await hydrated(control.page);
      await live(control.page, '.stage-control');
      await projector.page.goto(network.url('/editions/2085/stage'));
      await hydrated(projector.page);
      await live(projector.page, '.projector');

      network.cut();
      await projector.page.locator('.projector[data-connection="reconnecting"]').waitFor({ timeout: 5_000 });
      await projector.page.getByRole('status').filter({ hasText: 'Reconnecting…' }).waitFor();
      await screenshot(projector.page, 'stage-projector-reconnecting-1920x1080');
      // The stage moves on while the projector is cut off (the control, still connected, shows it)…
      await confirmCommand(control.page, 'Put on stage Parlio', 'Yes, put Parlio on stage');
      await control.page.locator('.stage-order__item--current', { hasText: 'Parlio' }).waitFor();
      expect(await projector.page.getByRole('heading', { level: 1, name: 'Parlio' }).count()).toBe(0);
      expect(await projector.page.locator('.projector[data-connection="reconnecting"]').count()).toBe(1);
      // …and the projector catches up by itself as soon as the network is back.
      network.restore();
      await projector.page.getByRole('heading', { level: 1, name: 'Parlio' }).waitFor({ timeout: 15_000 });
      await live(projector.page, '.projector');
      expect(await projector.page.getByText('Reconnecting…').count()).toBe(0);
    } finally {
      await network.close();
    }
  });

  // The projector without JavaScript (a snapshot that reloads itself) is in the evening's test above.
  it('works without JavaScript: the stage control’s forms', async () => {
    const world = await buildFinalWorld(2086);
    const control = await openBrowser({ viewport: CONTROL, javaScriptEnabled: false });
    await loginAs(control, world.organiser.email, '/organise/2086/stage');

    await confirmCommand(control.page, 'Put on stage Budgetly', 'Yes, put Budgetly on stage');
    await control.page.locator('.stage-order__item--current', { hasText: 'Budgetly' }).waitFor();
    expect(new URL(control.page.url()).pathname).toBe('/organise/2086/stage');
    // A second laptop (another tab) shows the stage as it is now…
    const second = await control.context.newPage();
    await second.goto(url('/organise/2086/stage'));
    await control.page.getByRole('button', { name: 'Start the pitch timer' }).click();
    await control.page.locator('.timer--control').getByText('Pitch').waitFor();
    // …then posts from that older page: refused (409), with the reason next to the button.
    control.allowConsoleError(/status of 409/);
    await second.getByRole('button', { name: 'Open scoring for Budgetly' }).click();
    await second.getByRole('alert').filter({ hasText: 'The stage changed on another screen' }).waitFor();
  });
});

describe('the paper fallback', () => {
  /** Pages of a PDF written by Chromium: one `/Type /Page` object each (`/Pages` is the tree). */
  const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

  // The demo's live final (2023, final round open): a French and an English judge's sheets.
  it.skipIf(!seeded())('prints one sheet per A4 page, in the judge’s language', async () => {
    const organiser = await openBrowser({ viewport: CONTROL });
    await loginAs(organiser, 'organiser@example.org');
    const cases = [
      { email: 'judge1@example.org', lang: 'fr', criterion: 'Critère', edition: 'GovTech Summit 2023 — Concours de pitchs' },
      { email: 'judge2@example.org', lang: 'en', criterion: 'Criterion', edition: 'GovTech Summit 2023 — Pitch competition' },
    ];
    for (const { email, lang, criterion, edition } of cases) {
      const judge = getDb().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).get()!;
      await organiser.page.emulateMedia({ media: 'screen' });
      await organiser.page.goto(url(`/organise/2023/paper?judge=${judge.id}`));
      const sheets = organiser.page.locator('article.paper-sheet');
      await sheets.first().waitFor();
      const count = await sheets.count();
      expect(count).toBeGreaterThan(0);
      expect(await sheets.first().getAttribute('lang')).toBe(lang);
      await sheets.first().getByRole('columnheader', { name: criterion }).waitFor();
      await sheets.first().getByText(edition, { exact: true }).waitFor();
      await organiser.page.emulateMedia({ media: 'print' });
      // Only the sheets are printed: no header, no form, no list.
      expect(await organiser.page.locator('.site-header').isVisible()).toBe(false);
      expect(await organiser.page.locator('.paper-screen').first().isVisible()).toBe(false);
      expect(pdfPages(await organiser.page.pdf({ format: 'A4' }))).toBe(count);
      await organiser.page.setViewportSize({ width: 703, height: 1032 }); // A4 less its 12 mm margins
      await screenshot(organiser.page, `paper-2023-${lang}-print`);
      await organiser.page.setViewportSize(CONTROL);
    }
  });
});
