/**
 * Judging on a tablet, in Chromium: a judge invited by the organiser scores by tapping, with the
 * keyboard alone, without JavaScript and with the sheet open twice (a dropped connection is
 * offline.test.ts's); the organiser follows it on the progress page. With SCREENSHOTS=1, screenshots
 * (tests/.tmp/screenshots/) of the scoresheet at 768×1024 and 1024×768 are for a human to look at.
 *
 * The demo seed's 2021 edition is in judging (screening round open). Each test uses its own judge
 * (judge3, 6, 7, 8 or a freshly invited one) so that they do not step on each other.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  horizontalOverflow,
  hydrated,
  loginAs,
  openBrowser,
  screenshot,
  seeded,
  uniqueEmail,
  url,
  VIEWPORTS,
  type BrowserHandle,
  type BrowserOptions,
} from './fixtures';

const TABLET = { hasTouch: true, isMobile: true } as const;
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const SAVED = /^✓(Saved at|Enregistré à) \d\d:\d\d$/;
const SCORE_NEXT = /^(Score next: |À noter ensuite[\s\u202f]: )/;

/** What the judge actually sees: the viewport only (the sticky save bar where it really is). */
function viewportShot(page: Page, name: string) {
  return screenshot(page, name, { fullPage: false });
}

/** The criteria of the sheet: each a group holding radios. */
function scales(page: Page): Locator {
  return page.getByRole('group').filter({ has: page.getByRole('radio') });
}

function saveStatus(page: Page): Locator {
  return page.locator('.scoresheet__actions .save-status');
}

/** The sheet saves by itself this long after the last change (AUTOSAVE_DELAY_MS, app/components/ScoresheetForm.tsx). */
const AUTOSAVE_DELAY_MS = 800;

/**
 * A judge's browser whose pages run on Playwright's clock: time flows as usual, and `allSaved`
 * moves it past the autosave's delay instead of waiting for it.
 */
async function judgeBrowser(options: BrowserOptions): Promise<BrowserHandle> {
  const handle = await openBrowser(options);
  await handle.context.clock.install();
  return handle;
}

/**
 * Every change has reached the server: the status says so and the device's outbox holds nothing
 * unsent. The page's clock (judgeBrowser) is first moved past the autosave's delay: the save the
 * last change scheduled goes now, by itself.
 */
async function allSaved(page: Page) {
  await page.clock.fastForward(AUTOSAVE_DELAY_MS);
  await expect
    .poll(
      async () => ({
        status: (await saveStatus(page).textContent()) ?? '',
        unsent: await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('palmares', 1);
              open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'id' });
              open.onsuccess = () => {
                const all = open.result.transaction('outbox').objectStore('outbox').getAll();
                all.onsuccess = () => {
                  resolve((all.result as { changes: number }[]).filter((r) => r.changes > 0).length);
                  open.result.close();
                };
              };
            }),
        ),
      }),
      { timeout: 15_000 },
    )
    .toMatchObject({ status: expect.stringMatching(SAVED), unsent: 0 });
}

/** Taps one value in every scale: the `pick`-th step (1-based), or the last one on shorter scales. */
async function tapEveryScale(page: Page, pick: number) {
  const groups = scales(page);
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const radios = groups.nth(i).getByRole('radio');
    const target = radios.nth(Math.min(pick, await radios.count()) - 1);
    await target.tap();
    await expect.poll(() => target.isChecked(), { timeout: 5_000 }).toBe(true);
  }
}

async function checkedValue(group: Locator): Promise<string | null> {
  return group.evaluate((el) => (el.querySelector('input[type=radio]:checked') as HTMLInputElement | null)?.value ?? null);
}

/**
 * Opens the next pitch to score from the judge's page of 2021 (loaded first unless the page is on
 * it already, e.g. right after a submit); returns the startup's name.
 */
async function openNextPitch(page: Page): Promise<string> {
  if (new URL(page.url()).pathname !== '/judge/2021') await page.goto(url('/judge/2021'));
  await hydrated(page);
  const next = page.getByRole('link', { name: SCORE_NEXT });
  const name = ((await next.textContent()) ?? '').replace(SCORE_NEXT, '').trim();
  await next.click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await hydrated(page);
  return name;
}

async function submitAndExpectNotice(page: Page, startup: string) {
  await page.getByRole('button', { name: 'Submit my scores' }).click();
  await page.waitForURL((u) => u.pathname === '/judge/2021' && u.searchParams.has('submitted'));
  await page.getByText(`Your scores for ${startup} are submitted.`).waitFor();
}

describe.skipIf(!seeded())('the scoresheet on a tablet', () => {
  /** The sheet fits the viewport it is shown in: 44 px targets, scales on two rows at most, nothing sideways. */
  async function expectFits(page: Page, viewport: { width: number; height: number }) {
    const boxes = await page.locator('.scale__option').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    // A 1–10 scale takes one row, or two at most.
    const rows = await page.locator('.scale__options').evaluateAll((all) =>
      all.map((options) => new Set([...options.children].map((el) => Math.round(el.getBoundingClientRect().top))).size),
    );
    for (const n of rows) expect(n).toBeLessThanOrEqual(2);
    const { scrollWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(viewport.width);
  }

  // Each language's sheet is loaded in one orientation, checked, then turned to the other one
  // (the other language starts from the other orientation): the four cases in two page loads.
  it.each([
    {
      locale: 'en-GB',
      cases: [
        { name: 'portrait-768x1024', viewport: VIEWPORTS.tabletPortrait, tap: '7' },
        { name: 'landscape-1024x768', viewport: VIEWPORTS.tabletLandscape, tap: '6' },
      ],
    },
    {
      locale: 'fr-FR',
      cases: [
        { name: 'landscape-1024x768-fr', viewport: VIEWPORTS.tabletLandscape, tap: '5' },
        { name: 'portrait-768x1024-fr', viewport: VIEWPORTS.tabletPortrait, tap: '4' },
      ],
    },
  ])('fits without scrolling sideways, with 44 px targets, in portrait and landscape ($locale)', async ({ locale, cases }) => {
    const judge = await judgeBrowser({ viewport: cases[0].viewport, locale, ...TABLET });
    const { page } = judge;
    await loginAs(judge, 'judge8@example.org', '/judge/2021');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, `judge-edition-${cases[0].name}`);
    await openNextPitch(page);

    for (const { name, viewport, tap } of cases) {
      await page.setViewportSize(viewport);
      await expectFits(page, viewport);
      await screenshot(page, `scoresheet-${name}`);
      await viewportShot(page, `scoresheet-${name}-top`);

      // A tap is saved by itself, and the sticky bar says so.
      const first = scales(page).first();
      await first.scrollIntoViewIfNeeded();
      await first.getByRole('radio', { name: tap }).tap();
      await allSaved(page);
      expect(await checkedValue(first)).toBe(tap);
      await viewportShot(page, `scoresheet-${name}-saved`);
    }
  });
});

describe.skipIf(!seeded())('a judge invited on a tablet', () => {
  // Two people's whole journey in one test: 58 s of the project's 60 s on a machine at load 17–20
  // (before and after this file's changes), so twice the default, as the edition journey has.
  it('accepts, declares a conflict, scores two pitches by tapping, corrects a score, submits; the organiser sees it', { timeout: 120_000 }, async () => {
    // The organiser, on a laptop, invites a new address and reads the link.
    const organiser = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    await loginAs(organiser, 'organiser@example.org', '/organise/2021/judges');
    await hydrated(organiser.page);
    const email = uniqueEmail('judge');
    const name = `Judge ${email.split('@')[0].split('-').slice(1).join(' ')}`;
    await organiser.page.locator('#invite').getByLabel('Email address').fill(email);
    await organiser.page.getByRole('button', { name: 'Invite', exact: true }).click();
    const link = await organiser.page.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);

    // The judge, on a tablet in portrait, accepts it.
    const judge = await judgeBrowser({ viewport: VIEWPORTS.tabletPortrait, ...TABLET });
    const page = judge.page;
    await page.goto(link);
    await hydrated(page);
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Password', { exact: true }).fill('a long judge password');
    await page.getByRole('button', { name: 'Create my judge account' }).tap();
    await page.waitForURL((u) => u.pathname === '/judge/2021');
    await page.getByText('You have declared no conflict of interest in this edition.').waitFor();
    await page.getByText('No pitch is assigned to you yet.', { exact: false }).waitFor();

    // Declares a conflict.
    await page.getByRole('link', { name: 'Declare a conflict of interest' }).tap();
    await page.waitForURL((u) => u.pathname === '/judge/2021/conflicts');
    await hydrated(page);
    // One form: pick the application, give the reason.
    const application = page.getByLabel('Application', { exact: true });
    const firstOption = application.locator('option').nth(1);
    const conflicted = ((await firstOption.textContent()) ?? '').split(' — ')[0].replace(/ \(.*$/, '').trim();
    await application.selectOption((await firstOption.getAttribute('value'))!);
    await page.getByRole('textbox', { name: 'Reason' }).fill('I advised its founders last year.');
    await page.getByRole('button', { name: 'Declare the conflict' }).tap();
    await page.getByText(`Conflict with ${conflicted} declared.`).waitFor();

    // The organiser assigns two other pitches of the screening round to the new judge (one tap per
    // cell of the assignments matrix); the conflicted pair offers no such button.
    await organiser.page.goto(url('/organise/2021/assignments'));
    await hydrated(organiser.page);
    const assignPrefix = `Assign ${name} to `;
    const offers = await organiser.page.getByRole('button', { name: startsWith(assignPrefix) }).evaluateAll((buttons) =>
      buttons.map((b) => b.textContent ?? ''),
    );
    const startups = offers.map((label) => label.replace(/^\+/, '').replace(assignPrefix, '').trim());
    expect(startups).not.toContain(conflicted);
    // The last two rows: each change comes back at its row, not at the top of the matrix (30 rows below it).
    const assigned = startups.slice(-2);
    for (const startup of assigned) {
      await organiser.page.getByRole('button', { name: `${assignPrefix}${startup}`, exact: true }).click();
      const taken = organiser.page.getByRole('button', { name: `Take ${name} off ${startup}`, exact: true });
      await taken.waitFor();
      await expect
        .poll(() => taken.evaluate((button) => button.getBoundingClientRect().top >= 0 && button.getBoundingClientRect().bottom <= window.innerHeight))
        .toBe(true);
    }

    // The judge's page: two pitches, the conflicted one nowhere, nothing submitted yet.
    await page.goto(url('/judge/2021'));
    await hydrated(page);
    await page.getByText('You have declared 1 conflict of interest in this edition.').waitFor();
    const pitches = page.getByRole('list', { name: 'Pitches of the round Screening' }).getByRole('link');
    expect((await pitches.locator('.pitch__name').allTextContents()).sort()).toEqual([...assigned].sort());
    expect(await page.locator('main').textContent()).not.toContain(conflicted);
    await page.getByText('0 of 2 submitted').waitFor();
    await screenshot(page, 'judging-journey-edition');

    // First pitch: tap every scale, submit.
    const first = await openNextPitch(page);
    await tapEveryScale(page, 7);
    await allSaved(page);
    await submitAndExpectNotice(page, first);
    await page.getByText('1 of 2 submitted').waitFor();

    // Second pitch: tap, correct a mis-tap, submit.
    const second = await openNextPitch(page);
    expect(second).not.toBe(first);
    await tapEveryScale(page, 8);
    const impact = scales(page).first();
    await impact.getByRole('radio', { name: '3' }).tap();
    await allSaved(page);
    expect(await checkedValue(impact)).toBe('3');
    await screenshot(page, 'judging-journey-scoresheet');
    await submitAndExpectNotice(page, second);
    await page.getByText('2 of 2 submitted').waitFor();
    await page.getByText('You have submitted every pitch of this round.', { exact: false }).waitFor();

    // A submitted sheet can still be corrected until the round is locked; the change is kept.
    await page.getByRole('link', { name: startsWith(first) }).tap();
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    await hydrated(page);
    await page.getByText(/^Submitted on /).waitFor();
    await scales(page).first().getByRole('radio', { name: '5' }).tap();
    await allSaved(page);
    await page.reload();
    expect(await checkedValue(scales(page).first())).toBe('5');
    await page.getByRole('button', { name: 'Save changes' }).waitFor();

    // The organiser's progress page shows the judge done.
    await organiser.page.goto(url('/organise/2021/progress'));
    const row = organiser.page.getByRole('row').filter({ has: organiser.page.getByRole('rowheader', { name: startsWith(name) }) });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['2', '0', '2', expect.stringContaining('2 of 2 submitted')]);
    await screenshot(organiser.page, 'progress-2021');
    await organiser.page.getByLabel('Only what is incomplete').check();
    await organiser.page.getByRole('button', { name: 'Show', exact: true }).click();
    await organiser.page.waitForURL((u) => u.searchParams.get('only') === 'incomplete');
    // The URL can change before the filtered rows are rendered: wait for the row to go (fails on timeout).
    await organiser.page.getByRole('rowheader', { name: startsWith(name) }).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await organiser.page.getByRole('rowheader', { name: startsWith(name) }).count()).toBe(0);
    await screenshot(organiser.page, 'progress-2021-incomplete');
  });
});

describe.skipIf(!seeded())('scoring with the keyboard alone', () => {
  it('moves through the scales with Tab, chooses with Space and the arrow keys, and submits with Enter', async () => {
    const judge = await openBrowser({ viewport: VIEWPORTS.tabletPortrait });
    const { page } = judge;
    await loginAs(judge, 'judge6@example.org', '/judge/2021');
    const startup = await openNextPitch(page);
    // "Go to the scores", then Tab into the first scale.
    await page.getByRole('link', { name: 'Go to the scores' }).focus();
    await page.keyboard.press('Enter');
    const count = await scales(page).count();
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement;
        return { type: el.type, name: el.name, value: Number(el.value), checked: el.checked };
      });
      expect(focused.type).toBe('radio');
      if (!focused.checked) await page.keyboard.press('Space');
      // Walk to 4 with the arrow keys (the group is one tab stop; arrows move and choose).
      const steps = 4 - focused.value;
      for (let s = 0; s < Math.abs(steps); s++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
      expect(await checkedValue(scales(page).nth(i))).toBe('4');
      // Tab to the criterion's two comments (for the startup, then for the jury only); type one for the first.
      for (const kind of ['shared', 'jury']) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.tagName), `${kind} comment of criterion ${i + 1}`).toBe('TEXTAREA');
      }
      if (i === 0) await page.keyboard.type('Clear public value.');
    }
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).name)).toBe('sharedOverallComment');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).name)).toBe('overallComment');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save draft');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Submit my scores');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.has('submitted'));
    await page.getByText(`Your scores for ${startup} are submitted.`).waitFor();
  });
});

describe.skipIf(!seeded())('scoring without JavaScript', () => {
  it('saves a draft with the button, refuses a submit with a criterion missing next to it, then submits', async () => {
    const judge = await openBrowser({ viewport: VIEWPORTS.tabletPortrait, javaScriptEnabled: false });
    const { page } = judge;
    // The refused submit is a 400 document; Chromium reports it on the console.
    judge.allowConsoleError(/status of 400 \(Bad Request\) \(https?:\/\/[^/]+\/judge\/2021\/rounds\/\d+\/\d+(#scores-title)?:\d+\)$/);
    await loginAs(judge, 'judge7@example.org', '/judge/2021');
    const pitch = page.locator('.pitch').filter({ hasText: 'Not started' }).first();
    const startup = (await pitch.locator('.pitch__name').textContent())!;
    await pitch.click();
    await page.getByRole('heading', { level: 1, name: startup }).waitFor();
    await page.getByText('Not saved yet').waitFor();

    const groups = scales(page);
    const count = await groups.count();
    // Every criterion but the last, then "Submit": refused, with the message on the missing one.
    for (let i = 0; i < count - 1; i++) await groups.nth(i).getByRole('radio', { name: '2' }).check();
    await page.getByRole('button', { name: 'Submit my scores' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    const missing = groups.nth(count - 1);
    await missing.getByText('Choose a score for this criterion').waitFor();
    expect(await checkedValue(groups.first())).toBe('2');
    expect(await checkedValue(missing)).toBeNull();
    await screenshot(page, 'scoresheet-no-js-refused');

    // "Save draft" keeps what is there.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('status').filter({ hasText: SAVED }).waitFor();
    await page.getByText(`Draft: ${count - 1} of ${count} criteria scored. Not submitted yet.`).waitFor();

    await missing.getByRole('radio', { name: '1' }).check();
    await page.getByRole('button', { name: 'Submit my scores' }).click();
    await page.waitForURL((u) => u.searchParams.has('submitted'));
    await page.getByText(`Your scores for ${startup} are submitted.`).waitFor();
  });
});

// A dropped connection while scoring (retrying, the page kept, a second change behind the first,
// everything saved once back) is offline.test.ts's.
describe.skipIf(!seeded())('a second tab', () => {
  it('shows both versions when the sheet was saved in another tab, and keeps the one the judge chooses', async () => {
    const judge = await judgeBrowser({ viewport: VIEWPORTS.tabletLandscape, ...TABLET });
    judge.allowConsoleError(/status of 409 \(Conflict\)/);
    const { page, context } = judge;
    await loginAs(judge, 'judge3@example.org', '/judge/2021');
    await openNextPitch(page);
    const sheetUrl = page.url();
    const other = await context.newPage();
    await other.goto(sheetUrl);
    await hydrated(other);

    // Two values for the first criterion, each a change from what the sheet holds (the seed's draft may hold one).
    const current = await checkedValue(scales(other).first());
    const [theirs, mine] = ['2', '6', '3', '7'].filter((value) => value !== current);
    await scales(other).first().getByRole('radio', { name: theirs }).tap();
    await allSaved(other);
    await scales(page).first().getByRole('radio', { name: mine }).tap();
    const alert = page.getByRole('alert').filter({ hasText: 'This scoresheet was changed elsewhere' });
    await alert.waitFor();
    const row = alert.getByRole('row').filter({ hasText: 'different' }).first();
    expect(await row.getByRole('cell').allTextContents()).toEqual([mine, theirs]);
    await viewportShot(page, 'scoresheet-revision-conflict');
    await alert.getByRole('button', { name: 'Keep the version on this device' }).tap();
    await allSaved(page);
    await other.reload();
    expect(await checkedValue(scales(other).first())).toBe(mine);
  });
});
