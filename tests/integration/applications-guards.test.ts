/**
 * The guard matrix of the applications routes: anonymous visitors are sent to log in (keeping
 * where they were going), the wrong role gets a 403 — loaders and actions both. Founders'
 * routes are for founders; the applications list, detail and CSV for organisers.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import * as applyFrame from '~/routes/apply.$year';
import * as applyReview from '~/routes/apply.$year._index';
import * as applySection from '~/routes/apply.$year.$section';
import * as applyFiles from '~/routes/apply.$year.files';
import * as applyUpload from '~/routes/apply.$year.upload';
import * as applyWithdraw from '~/routes/apply.$year.withdraw';
import * as fileRoute from '~/routes/files.$fileId';
import * as csv from '~/routes/organise.$year.applications[.csv]';
import * as detail from '~/routes/organise.$year.applications.$applicationId';
import * as list from '~/routes/organise.$year.applications._index';
import { getDb, schema } from '~/utils/db.server';
import { createOpenEdition, multipartRequest, tinyPdf } from '../fixtures/applications';
import { context, formRequest, getRequest, outcome } from '../fixtures/http';
import { createUser, guardCookies, type GuardRole } from '../fixtures/users';

const YEAR = 2046;
let cookies: Record<GuardRole, string | undefined>;
let applicationId = 0;
let fileId = 0;

beforeAll(async () => {
  const { edition } = createOpenEdition(YEAR);
  cookies = await guardCookies(edition.id, 'guard-apply');
  const owner = await createUser('guard-apply-owner@example.org', 'founder');
  // Someone else's application and deck: the founder of the matrix is not its owner.
  const file = getDb()
    .insert(schema.files)
    .values({ kind: 'deck', sha256: 'c'.repeat(64), mimeType: 'application/pdf', sizeBytes: 1, originalName: 'x.pdf', uploadedBy: owner.id })
    .returning()
    .get();
  fileId = file.id;
  applicationId = getDb()
    .insert(schema.applications)
    .values({ editionId: edition.id, founderId: owner.id, deckFileId: file.id, updatedAt: new Date() })
    .returning()
    .get().id;
});

const LOGIN = 302;
const FOUNDERS_ONLY = { anonymous: LOGIN, founder: 200, judge: 403, organiser: 403 } as const;
const ORGANISERS_ONLY = { anonymous: LOGIN, founder: 403, judge: 403, organiser: 200 } as const;

const pages: { path: () => string; params: () => Record<string, string>; loader: (args: LoaderFunctionArgs) => unknown; expected: Record<GuardRole, number> }[] = [
  { path: () => `/apply/${YEAR}`, params: () => ({ year: String(YEAR) }), loader: applyFrame.loader, expected: FOUNDERS_ONLY },
  { path: () => `/apply/${YEAR}`, params: () => ({ year: String(YEAR) }), loader: applyReview.loader, expected: FOUNDERS_ONLY },
  { path: () => `/apply/${YEAR}/pitch`, params: () => ({ year: String(YEAR), section: 'pitch' }), loader: applySection.loader, expected: FOUNDERS_ONLY },
  { path: () => `/apply/${YEAR}/files`, params: () => ({ year: String(YEAR) }), loader: applyFiles.loader, expected: FOUNDERS_ONLY },
  // The withdrawal page sends a founder without an application back to /apply/:year.
  { path: () => `/apply/${YEAR}/withdraw`, params: () => ({ year: String(YEAR) }), loader: applyWithdraw.loader, expected: { ...FOUNDERS_ONLY, founder: 302 } },
  // The upload endpoint answers POST only.
  { path: () => `/apply/${YEAR}/upload`, params: () => ({ year: String(YEAR) }), loader: applyUpload.loader, expected: { ...FOUNDERS_ONLY, founder: 405 } },
  { path: () => `/organise/${YEAR}/applications`, params: () => ({ year: String(YEAR) }), loader: list.loader, expected: ORGANISERS_ONLY },
  { path: () => `/organise/${YEAR}/applications/${applicationId}`, params: () => ({ year: String(YEAR), applicationId: String(applicationId) }), loader: detail.loader, expected: ORGANISERS_ONLY },
  { path: () => `/organise/${YEAR}/applications.csv`, params: () => ({ year: String(YEAR) }), loader: csv.loader, expected: ORGANISERS_ONLY },
  // Someone else's file: logged-in people who may not see it get a 404; the organiser gets past
  // the guard (then a 404 too here, as no bytes were stored for this row).
  { path: () => `/files/${fileId}`, params: () => ({ fileId: String(fileId) }), loader: fileRoute.loader, expected: { anonymous: LOGIN, founder: 404, judge: 404, organiser: 404 } },
];

describe.each(pages)('GET $path', ({ path, params, loader, expected }) => {
  it.each(Object.keys(expected) as GuardRole[])('as %s', async (role) => {
    const result = await outcome(() => loader({ request: getRequest(path(), { cookie: cookies[role] }), params: params(), context: context() }));
    expect(result.status).toBe(expected[role]);
    if (role === 'anonymous') expect(result.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(path())}`);
  });
});

const posts: { path: string; params: Record<string, string>; action: (args: ActionFunctionArgs) => unknown; body: () => Request }[] = [
  { path: `/apply/${YEAR}`, params: { year: String(YEAR) }, action: applyReview.action, body: () => formRequest(`/apply/${YEAR}`, { intent: 'submit', revision: '0' }) },
  { path: `/apply/${YEAR}/team`, params: { year: String(YEAR), section: 'team' }, action: applySection.action, body: () => formRequest(`/apply/${YEAR}/team`, { revision: '0', team: 'x' }) },
  { path: `/apply/${YEAR}/withdraw`, params: { year: String(YEAR) }, action: applyWithdraw.action, body: () => formRequest(`/apply/${YEAR}/withdraw`, {}) },
  {
    path: `/apply/${YEAR}/files`,
    params: { year: String(YEAR) },
    action: applyFiles.action,
    body: () => multipartRequest(`/apply/${YEAR}/files`, [{ name: 'deck', filename: 'd.pdf', contentType: 'application/pdf', data: tinyPdf() }]).request,
  },
  {
    path: `/apply/${YEAR}/upload`,
    params: { year: String(YEAR) },
    action: applyUpload.action,
    body: () => multipartRequest(`/apply/${YEAR}/upload`, [{ name: 'deck', filename: 'd.pdf', contentType: 'application/pdf', data: tinyPdf() }]).request,
  },
];

function withCookie(request: Request, cookie: string | undefined): Request {
  const headers = new Headers(request.headers);
  if (cookie) headers.set('Cookie', cookie);
  return new Request(request, { headers });
}

describe.each(posts)('POST $path', ({ path, params, action, body }) => {
  it('sends the anonymous to log in, keeping where they were going', async () => {
    const result = await outcome(() => action({ request: body(), params, context: context() }));
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
  });

  it.each(['judge', 'organiser'] as const)('refuses a %s with 403', async (role) => {
    const result = await outcome(() => action({ request: withCookie(body(), cookies[role]), params, context: context() }));
    expect(result.status).toBe(403);
  });
});
