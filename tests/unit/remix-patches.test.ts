/**
 * The load-time edits of remix-patches.js (decision 047) against the installed Remix: each edit's
 * text is found (a new version that moved it fails here, not silently in production), editing is
 * idempotent, and the edited code answers exactly as the original. The files are compiled here as
 * private copies, so this process's own @remix-run/router is left as it is.
 */
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { cacheRouteMatching, EDITS, patchedSource } from '../../remix-patches.js';

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route };
type Router = { matchRoutes: (routes: Route[], location: string | { pathname: string }, basename?: string) => Match[] | null };

/** A CommonJS file compiled from `source` as a module of its own (not in require's cache). */
function compiled(file: string, source: string) {
  const m = new Module(file) as Module & { _compile(source: string, file: string): void; paths: string[] };
  m.filename = file;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  m._compile(source, file);
  return m.exports;
}

const [routerEdit, loaderEdit] = EDITS;
const routerSource = fs.readFileSync(routerEdit.file, 'utf8');

/** Shaped like the app's table: a root layout, flat routes with params, index routes, files, a pathless layout, a splat. */
function routeTable(): Route[] {
  return [
    {
      id: 'root',
      path: '',
      children: [
        { id: 'index', index: true },
        { id: 'healthz', path: 'healthz' },
        { id: 'editions.$year', path: 'editions/:year', children: [{ id: 'editions.$year._index', index: true }] },
        { id: 'editions.$year.results.json', path: 'editions/:year/results.json' },
        { id: 'editions.$year.stage', path: 'editions/:year/stage' },
        {
          id: 'organise.$year',
          path: 'organise/:year',
          children: [
            { id: 'organise.$year._index', index: true },
            { id: 'organise.$year.applications._index', path: 'applications', index: false },
            { id: 'organise.$year.applications.$applicationId', path: 'applications/:applicationId' },
            { id: 'organise.$year.rounds.$roundId.ranking', path: 'rounds/:roundId/ranking' },
          ],
        },
        { id: 'organise.new', path: 'organise/new' },
        { id: '_auth', children: [{ id: '_auth.login', path: 'login' }] },
        { id: 'lang', path: ':lang?/about' },
        { id: 'Case', path: 'CaseSensitive', caseSensitive: true },
        { id: 'splat', path: '*' },
      ],
    },
  ];
}

const PATHS = [
  '/',
  '/healthz',
  '/healthz/',
  '/editions/2019',
  '/editions/2019/results.json',
  '/editions/2019/stage',
  '/organise/2021',
  '/organise/2021/applications',
  '/organise/2021/applications/17',
  '/organise/2021/rounds/3/ranking',
  '/organise/new',
  '/login',
  '/about',
  '/fr/about',
  '/CaseSensitive',
  '/casesensitive',
  '/editions/%C3%A9t%C3%A9',
  '/no/such/page',
  '/organise/2021?tab=1#x',
];

const plain = (matches: Match[] | null) => matches && matches.map((m) => ({ params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase, id: m.route.id }));

describe('route matching once per path', () => {
  it('finds its text in the installed @remix-run/router, and editing twice changes nothing', () => {
    const patched = patchedSource(routerEdit, routerSource);
    expect(patched).not.toBeNull();
    expect(patchedSource(routerEdit, patched!)).toBe(patched);
  });

  it('answers as the original router, first and second time, on the same table and on a copy of it', () => {
    const original = compiled(routerEdit.file, routerSource) as Router;
    const patched = compiled(routerEdit.file, patchedSource(routerEdit, routerSource)!) as Router;
    expect(cacheRouteMatching(patched)).toBe(true);
    const table = routeTable();
    const copy = routeTable();
    for (const pathname of PATHS) {
      const expected = plain(original.matchRoutes(routeTable(), pathname));
      for (const [routes, round] of [
        [table, 'first'],
        [table, 'memo'],
        [copy, 'copy'],
        [table, 'object location'],
      ] as const) {
        const location = round === 'object location' ? { pathname: pathname.split(/[?#]/)[0] } : pathname;
        const got = patched.matchRoutes(routes, location);
        expect(plain(got), `${pathname} (${round})`).toEqual(expected);
        // The caller's own route objects, and one params object per answer, as the router gives.
        for (const m of got ?? []) {
          expect(routes.flatMap(function all(r: Route): Route[] {
            return [r, ...(r.children ?? []).flatMap(all)];
          })).toContain(m.route);
          expect(m.params).toBe(got![0].params);
        }
      }
    }
  });

  it('gives every caller a fresh params object, so a change to one answer does not reach the next', () => {
    const patched = compiled(routerEdit.file, patchedSource(routerEdit, routerSource)!) as Router;
    cacheRouteMatching(patched);
    const table = routeTable();
    for (let i = 0; i < 3; i++) {
      const answer = patched.matchRoutes(table, '/organise/2021')!; // a miss, then answers from the memo
      expect(answer[1].params).toEqual({ year: '2021' });
      answer[0].params.year = 'changed';
    }
  });

  it('with a basename, as the router', () => {
    const original = compiled(routerEdit.file, routerSource) as Router;
    const patched = compiled(routerEdit.file, patchedSource(routerEdit, routerSource)!) as Router;
    cacheRouteMatching(patched);
    for (const pathname of ['/app/healthz', '/healthz', '/app']) {
      for (let i = 0; i < 2; i++) expect(plain(patched.matchRoutes(routeTable(), pathname, '/app'))).toEqual(plain(original.matchRoutes(routeTable(), pathname, '/app')));
    }
  });
});

describe('a loader gets the request itself when there is nothing to strip', () => {
  const source = fs.readFileSync(loaderEdit.file, 'utf8');
  type Data = { callRouteLoader(args: { loader: (args: { request: Request }) => unknown; request: Request; singleFetch: boolean; params: object; routeId: string; loadContext?: unknown }): Promise<unknown> };
  const seen = (data: Data, request: Request) => data.callRouteLoader({ loader: ({ request }) => request, request, singleFetch: true, params: {}, routeId: 'r' }) as Promise<Request>;

  it('finds its text in the installed @remix-run/server-runtime, and editing twice changes nothing', () => {
    const patched = patchedSource(loaderEdit, source);
    expect(patched).not.toBeNull();
    expect(patchedSource(loaderEdit, patched!)).toBe(patched);
  });

  it('passes the request without a query string as it is, and strips index and _routes as before otherwise', async () => {
    const original = compiled(loaderEdit.file, source) as Data;
    const patched = compiled(loaderEdit.file, patchedSource(loaderEdit, source)!) as Data;
    const plainRequest = new Request('http://localhost/organise/2021', { headers: { Cookie: 'a=1' } });
    expect(await seen(patched, plainRequest)).toBe(plainRequest);
    const before = await seen(original, plainRequest);
    expect(before).not.toBe(plainRequest);
    expect([before.url, before.method, before.headers.get('Cookie')]).toEqual([plainRequest.url, plainRequest.method, 'a=1']);

    const withQuery = new Request('http://localhost/organise/2021?index&_routes=root&tab=1&index=keep');
    const after = await seen(patched, withQuery);
    expect(after).not.toBe(withQuery);
    expect(after.url).toBe((await seen(original, withQuery)).url);
    expect(after.url).toBe('http://localhost/organise/2021?tab=1&index=keep');
  });
});
