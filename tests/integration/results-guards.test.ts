/**
 * Who may open the organiser's result pages and post to them: organisers only. A visitor is sent
 * to log in, anyone else gets a 403, a round of another edition or an unknown one is a 404, and a
 * refused POST changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as calibrationLoader } from '~/routes/organise.$year.rounds.$roundId.calibration';
import { loader as rankingLoader } from '~/routes/organise.$year.rounds.$roundId.ranking';
import { action as resultsAction, loader as resultsLoader } from '~/routes/organise.$year.results';
import { action as shortlistAction, loader as shortlistLoader } from '~/routes/organise.$year.shortlist';
import { context, formRequest, getRequest, outcome } from '../fixtures/http';
import { resultsState, resultsWorld, setRoundState, type ResultsWorld } from '../fixtures/results';

let world: ResultsWorld;
let other: ResultsWorld;

beforeAll(async () => {
  world = await resultsWorld(2071);
  other = await resultsWorld(2072);
  setRoundState(world.screeningId, 'locked');
});

type Page = { name: string; path: (w: ResultsWorld, round?: number) => string; run: (request: Request, params: Record<string, string>) => unknown; params: (w: ResultsWorld, round?: number) => Record<string, string> };

const PAGES: Page[] = [
  {
    name: 'ranking',
    path: (w, round = w.screeningId) => `/organise/${w.year}/rounds/${round}/ranking`,
    params: (w, round = w.screeningId) => ({ year: String(w.year), roundId: String(round) }),
    run: (request, params) => rankingLoader({ request, params, context: context() }),
  },
  {
    name: 'calibration',
    path: (w, round = w.screeningId) => `/organise/${w.year}/rounds/${round}/calibration`,
    params: (w, round = w.screeningId) => ({ year: String(w.year), roundId: String(round) }),
    run: (request, params) => calibrationLoader({ request, params, context: context() }),
  },
  {
    name: 'shortlist',
    path: (w) => `/organise/${w.year}/shortlist`,
    params: (w) => ({ year: String(w.year) }),
    run: (request, params) => shortlistLoader({ request, params, context: context() }),
  },
  {
    name: 'results',
    path: (w) => `/organise/${w.year}/results`,
    params: (w) => ({ year: String(w.year) }),
    run: (request, params) => resultsLoader({ request, params, context: context() }),
  },
];

describe.each(PAGES)('the $name page', (page) => {
  it('sends a visitor to log in, and back here afterwards', async () => {
    const result = await outcome(() => page.run(getRequest(page.path(world)), page.params(world)));
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/login?${new URLSearchParams({ redirectTo: page.path(world) })}`);
  });

  it('refuses founders and judges (403)', async () => {
    for (const cookie of [world.founder.cookie, world.judges[0].cookie]) {
      const result = await outcome(() => page.run(getRequest(page.path(world), { cookie }), page.params(world)));
      expect(result.status).toBe(403);
    }
  });

  it('opens for an organiser, and is a 404 for an unknown edition', async () => {
    expect((await outcome(() => page.run(getRequest(page.path(world), { cookie: world.organiser.cookie }), page.params(world)))).status).toBe(200);
    const missing = { ...page.params(world), year: '1999' };
    expect((await outcome(() => page.run(getRequest(page.path(world)), missing))).status).toBe(302);
    expect((await outcome(() => page.run(getRequest(page.path(world), { cookie: world.organiser.cookie }), missing))).status).toBe(404);
  });
});

describe('round pages', () => {
  it.each(PAGES.slice(0, 2))('$name: a round of another edition, or no round at all, is a 404', async (page) => {
    for (const round of [String(other.screeningId), '999999', 'final', '-1']) {
      const params = { year: String(world.year), round };
      const result = await outcome(() => page.run(getRequest(page.path(world), { cookie: world.organiser.cookie }), params));
      expect(result.status, round).toBe(404);
    }
  });
});

describe('posting to the result pages', () => {
  const posts = [
    {
      name: 'shortlist',
      run: (cookie?: string) =>
        outcome(() =>
          shortlistAction({
            request: formRequest(`/organise/${world.year}/shortlist`, { mode: 'overall', n: '2', selected: String(world.apps.Votabl), reason: 'x' }, { cookie }),
            params: { year: String(world.year) },
            context: context(),
          }),
        ),
    },
    ...(['seal', 'publish'] as const).map((intent) => ({
      name: intent,
      run: (cookie?: string) =>
        outcome(() =>
          resultsAction({
            request: formRequest(`/organise/${world.year}/results`, { intent, confirm: 'yes' }, { cookie }),
            params: { year: String(world.year) },
            context: context(),
          }),
        ),
    })),
  ];

  it.each(posts)('$name: a visitor is sent to log in, founders and judges get a 403, and nothing changes', async (post) => {
    const before = resultsState(world);
    expect((await post.run()).status).toBe(302);
    expect((await post.run(world.founder.cookie)).status).toBe(403);
    expect((await post.run(world.judges[0].cookie)).status).toBe(403);
    expect(resultsState(world)).toEqual(before);
  });

  it('an unknown intent is a 400', async () => {
    const result = await outcome(() =>
      resultsAction({
        request: formRequest(`/organise/${world.year}/results`, { intent: 'unpublish', confirm: 'yes' }, { cookie: world.organiser.cookie }),
        params: { year: String(world.year) },
        context: context(),
      }),
    );
    expect(result.status).toBe(400);
  });
});
