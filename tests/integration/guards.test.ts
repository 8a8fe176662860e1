/**
 * The guard matrix: every protected route so far × anonymous / founder / judge /
 * organiser → the status each must get. Loaders and actions both.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import * as account from '~/routes/account';
import * as judgeHome from '~/routes/judge._index';
import * as me from '~/routes/me';
import * as organiseHome from '~/routes/organise._index';
import { context, formRequest, getRequest, outcome } from '../fixtures/http';
import { createEdition, guardCookies, type GuardRole } from '../fixtures/users';

let cookies: Record<GuardRole, string | undefined>;

beforeAll(async () => {
  cookies = await guardCookies(createEdition(2031, 'judging').id, 'guard');
});

const LOGIN = 302;
const matrix: { path: string; loader: (args: LoaderFunctionArgs) => unknown; expected: Record<GuardRole, number> }[] = [
  { path: '/me', loader: me.loader, expected: { anonymous: LOGIN, founder: 200, judge: 403, organiser: 403 } },
  { path: '/judge', loader: judgeHome.loader, expected: { anonymous: LOGIN, founder: 403, judge: 200, organiser: 403 } },
  { path: '/organise', loader: organiseHome.loader, expected: { anonymous: LOGIN, founder: 403, judge: 403, organiser: 200 } },
  { path: '/account', loader: account.loader, expected: { anonymous: LOGIN, founder: 200, judge: 200, organiser: 200 } },
];

describe.each(matrix)('GET $path', ({ path, loader, expected }) => {
  it.each(Object.keys(expected) as GuardRole[])('as %s', async (role) => {
    const result = await outcome(() =>
      loader({ request: getRequest(path, { cookie: cookies[role] }), params: {}, context: context() }),
    );
    expect(result.status).toBe(expected[role]);
    if (role === 'anonymous') {
      expect(result.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });
});

const actions: { path: string; action: (args: ActionFunctionArgs) => unknown; body: Record<string, string> }[] = [
  { path: '/account', action: account.action, body: { session: 'a'.repeat(64) } },
];

describe.each(actions)('POST $path', ({ path, action, body }) => {
  it('sends the anonymous to log in, keeping where they were going', async () => {
    const result = await outcome(() => action({ request: formRequest(path, body), params: {}, context: context() }));
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
  });
});

it('keeps the query string in redirectTo', async () => {
  const result = await outcome(() =>
    organiseHome.loader({ request: getRequest('/organise?year=2031'), params: {}, context: context() }),
  );
  expect(result.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent('/organise?year=2031')}`);
});
