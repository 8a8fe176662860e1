/**
 * Feedback to founders and the showcase in Chromium (issue 15): a judge writes a comment for the
 * startup and one for the jury only; the organiser withholds another judge's comment; the results
 * are published (in process: the seal and the publication have their own tests) and the founder
 * opens the feedback from the link of the notice and reads only what was meant for them. Then the
 * public showcase at phone and laptop sizes (screenshots with SCREENSHOTS=1).
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { suggestFinalists } from '~/domain/shortlist';
import { getDb, schema } from '~/utils/db.server';
import { publishResults, sealFinalRound } from '~/utils/publication.server';
import { roundRankingView } from '~/utils/rankings.server';
import { confirmShortlist } from '~/utils/shortlist.server';
import { assign, judgingEdition, scoresheet } from '../fixtures/judging';
import { setRoundState } from '../fixtures/results';
import { baseURL, horizontalOverflow, hydrated, loginAs, openBrowser, screenshot, seeded, url } from './fixtures';

const YEAR = 2093;

describe('feedback from the jury', () => {
  it('a judge writes both comments, the organiser withholds one and publishes, the founder reads the feedback from the mail link', async () => {
    const e = await judgingEdition(YEAR, { applications: 4, judges: 3 });
    const [mine, ...others] = e.applications;
    const [writer, second, third] = e.judges;
    for (const app of e.applications) {
      for (const judge of [second, third]) {
        assign(e.screening.id, judge.id, app.id);
        scoresheet(e, e.screening.id, judge.id, app.id);
      }
    }
    for (const app of others) {
      assign(e.screening.id, writer.id, app.id);
      scoresheet(e, e.screening.id, writer.id, app.id);
    }
    assign(e.screening.id, writer.id, mine.id);
    const rude = getDb()
      .update(schema.scoresheets)
      .set({ sharedOverallComment: 'A remark the organiser will withhold' })
      .where(and(eq(schema.scoresheets.judgeId, second.id), eq(schema.scoresheets.applicationId, mine.id)))
      .returning()
      .get();

    // The judge, on a tablet: scores, then a comment of each kind.
    const judge = await openBrowser({ viewport: { width: 1024, height: 768 } });
    await loginAs(judge, writer.email, `/judge/${YEAR}/rounds/${e.screening.id}/${mine.id}`);
    await hydrated(judge.page);
    await judge.page.getByRole('group', { name: 'Impact' }).getByRole('radio', { name: '8' }).click();
    await judge.page.getByRole('group', { name: 'Team' }).getByRole('radio', { name: '4' }).click();
    await judge.page.getByLabel('For the startup — Impact').fill('Show the savings for a small town in numbers.');
    await judge.page.getByLabel('For the jury only — Impact').fill('Their pilot city is my former employer’s client.');
    await judge.page.getByRole('button', { name: 'Submit my scores' }).click();
    await judge.page.waitForURL((u) => u.pathname === `/judge/${YEAR}` && u.searchParams.has('submitted'));

    // The organiser reads the comments for the startups and withholds one.
    const organiser = await openBrowser({ viewport: { width: 1366, height: 768 } });
    await loginAs(organiser, e.organiser.email, `/organise/${YEAR}/feedback`);
    await hydrated(organiser.page);
    const card = organiser.page.locator(`#comment-${rude.id}-overall`);
    await card.getByLabel('Reason for withholding').fill('Not constructive');
    await card.getByRole('button', { name: 'Withhold this comment' }).click();
    await organiser.page.getByText('Withheld: Not constructive').waitFor();
    await organiser.page.getByText('Show the savings for a small town in numbers.').waitFor();

    // Publication, with the notice to founders.
    const act = { editionId: e.edition.id, actorId: e.organiser.id };
    setRoundState(e.screening.id, 'locked');
    const ranked = roundRankingView(e.edition.id, e.screening.id).rows.filter((r) => r.rank !== null).map((r) => ({ applicationId: r.applicationId, rank: r.rank! }));
    const finalists = suggestFinalists(ranked, new Map(e.applications.map((a) => [a.id, null])), 'overall', 2);
    confirmShortlist({ ...act, mode: 'overall', n: 2, selected: finalists, reason: '' });
    for (const applicationId of finalists) {
      for (const j of e.judges) {
        assign(e.final.id, j.id, applicationId);
        scoresheet(e, e.final.id, j.id, applicationId);
      }
    }
    setRoundState(e.final.id, 'locked');
    sealFinalRound(act);
    publishResults({ ...act, mail: { origin: baseURL(), lang: 'en' } });
    const notice = getDb().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, e.founders[0].email)).get()!;
    const link = (notice.params as { feedbackUrl: string }).feedbackUrl;
    expect(link).toBe(url(`/me/feedback/${YEAR}`));

    // The founder follows the link of the notice.
    const founder = await openBrowser({ viewport: { width: 1366, height: 768 } });
    await loginAs(founder, e.founders[0].email, new URL(link).pathname);
    await founder.page.getByRole('heading', { level: 1, name: `Feedback from the jury — ${mine.startupName}` }).waitFor();
    const text = await founder.page.locator('main').innerText();
    expect(text).toContain('Show the savings for a small town in numbers.');
    expect(text).toMatch(/Judge [A-C]/);
    expect(text).not.toContain('former employer');
    expect(text).not.toContain('withhold');
    expect(text).not.toContain(writer.email);
    await screenshot(founder.page, 'feedback-founder-1366x768');
  });
});

describe.skipIf(!seeded())('the showcase', () => {
  it.each([
    { name: 'phone-390x844', viewport: { width: 390, height: 844 }, mobile: true },
    { name: 'laptop-1366x768', viewport: { width: 1366, height: 768 }, mobile: false },
  ])('lists the consenting startups and shows one history at $name, filters working without JavaScript', async ({ name, viewport, mobile }) => {
    const { page } = await openBrowser({ viewport, isMobile: mobile, hasTouch: mobile, javaScriptEnabled: !mobile });
    await page.goto(url('/startups'));
    await page.getByRole('heading', { level: 1, name: 'The startups of the competition' }).waitFor();
    const all = await page.locator('.showcase-card').count();
    expect(all).toBeGreaterThan(3);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(viewport.width);
    await screenshot(page, `showcase-list-${name}`, { fullPage: false });
    await page.getByLabel('Award', { exact: true }).selectOption('any');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('award') === 'any');
    // With JavaScript the address changes before the new list is drawn: wait for the list itself.
    await expect.poll(() => page.locator('.showcase-card').count()).toBeLessThan(all);
    expect(await page.locator('.showcase-card').count()).toBeGreaterThan(0);
    await page.locator('.showcase-card a').first().click();
    await page.getByRole('heading', { level: 2, name: 'In the competition' }).waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(viewport.width);
    await screenshot(page, `showcase-startup-${name}`);
  });
});
