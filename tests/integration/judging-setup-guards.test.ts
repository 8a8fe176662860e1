/**
 * The guard matrix of the judging set-up pages, loaders and actions both: organiser pages
 * are for organisers; a judge's conflicts page is for judges of that edition only.
 * Nothing is written by a refused request.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import * as conflictsPage from '~/routes/judge.$year.conflicts';
import * as assignmentsPage from '~/routes/organise.$year.assignments';
import * as auditPage from '~/routes/organise.$year.audit';
import * as judgesPage from '~/routes/organise.$year.judges';
import * as setupPage from '~/routes/organise.$year._index';
import { auditCount, judgingEdition, load, post, type JudgingEdition } from '../fixtures/judging';
import { sessionCookie } from '../fixtures/users';

type Role = 'anonymous' | 'founder' | 'judge' | 'otherJudge' | 'organiser';
const cookies: Partial<Record<Role, string>> = {};
let e: JudgingEdition;

beforeAll(async () => {
  e = await judgingEdition(2081, { applications: 1, judges: 1 });
  const other = await judgingEdition(2082, { applications: 0, judges: 1 });
  cookies.founder = await sessionCookie(e.founders[0].id);
  cookies.judge = e.judges[0].cookie;
  cookies.otherJudge = other.judges[0].cookie;
  cookies.organiser = e.organiser.cookie;
});

const LOGIN = 302;
const year = '2081';

interface Page {
  path: string;
  loader: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
  body?: Record<string, string>;
  expected: Record<Role, number>;
}

const organiserOnly = { anonymous: LOGIN, founder: 403, judge: 403, otherJudge: 403, organiser: 200 };
const pages: Page[] = [
  { path: `/organise/${year}`, loader: setupPage.loader, action: setupPage.action, body: { intent: 'round.lock', id: '1' }, expected: organiserOnly },
  { path: `/organise/${year}/judges`, loader: judgesPage.loader, action: judgesPage.action, body: { intent: 'invitation.create', email: 'x@example.org' }, expected: organiserOnly },
  {
    path: `/organise/${year}/assignments`,
    loader: assignmentsPage.loader,
    action: assignmentsPage.action,
    body: { intent: 'assign.auto', roundId: '1', seed: '1' },
    expected: organiserOnly,
  },
  { path: `/organise/${year}/audit`, loader: auditPage.loader, expected: organiserOnly },
  {
    path: `/judge/${year}/conflicts`,
    loader: conflictsPage.loader,
    action: conflictsPage.action,
    body: { applicationId: '1', reason: 'guard test' },
    expected: { anonymous: LOGIN, founder: 403, judge: 200, otherJudge: 403, organiser: 403 },
  },
];

describe.each(pages)('GET $path', ({ path, loader, expected }) => {
  it.each(Object.keys(expected) as Role[])('as %s', async (role) => {
    const result = await load(loader, path, { year }, cookies[role]);
    expect(result.status).toBe(expected[role]);
    if (role === 'anonymous') expect(result.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
  });
});

describe.each(pages.filter((p) => p.action))('POST $path', ({ path, action, body, expected }) => {
  it.each((Object.keys(expected) as Role[]).filter((role) => expected[role] !== 200))('as %s is refused and writes nothing', async (role) => {
    const before = auditCount();
    const result = await post(action!, path, { year }, body!, cookies[role]);
    expect(result.status).toBe(expected[role]);
    if (role === 'anonymous') expect(result.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    expect(auditCount()).toBe(before);
  });
});

it('answers 404 for an edition that does not exist, even to an organiser', async () => {
  const result = await load(setupPage.loader, '/organise/1999', { year: '1999' }, cookies.organiser);
  expect(result.status).toBe(404);
});
