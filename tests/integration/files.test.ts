/**
 * GET /files/:fileId: the founder, organisers and assigned judges see a file; other founders and
 * other judges get a 404; a finalist's logo is public only with consent once results are
 * published; the headers keep browsers from sniffing and make decks downloads.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as fileRoute from '~/routes/files.$fileId';
import * as uploadRoute from '~/routes/apply.$year.upload';
import { founderApplication } from '~/utils/applications.server';
import { getDb, schema } from '~/utils/db.server';
import { storedFilePath, uploadsDir } from '~/utils/uploads.server';
import { createOpenEdition, multipartRequest, tinyPdf, tinyPng } from '../fixtures/applications';
import { context, getRequest, outcome } from '../fixtures/http';
import { addJudge, createEdition, createUser, sessionCookie } from '../fixtures/users';

const YEAR = 2043;
const cookies: Record<string, string> = {};
let deckId: number;
let logoId: number;
const pdf = tinyPdf('Confidential deck');

async function person(key: string, role: 'founder' | 'judge' | 'organiser') {
  const user = await createUser(`${key}@example.org`, role);
  cookies[key] = await sessionCookie(user.id);
  return user;
}

async function upload(cookie: string, kind: 'deck' | 'logo', filename: string, data: Uint8Array) {
  const { request } = multipartRequest(`/apply/${YEAR}/upload`, [{ name: 'replaces', value: '' }, { name: kind, filename, contentType: 'application/octet-stream', data }], { cookie });
  const result = await outcome(() => uploadRoute.action({ request, params: { year: String(YEAR) }, context: context() }));
  expect(result.status).toBe(200);
  return result.data.file.id as number;
}

function get(id: number | string, cookie?: string, headers?: Record<string, string>) {
  return fileRoute.loader({ request: getRequest(`/files/${id}`, { cookie, headers }), params: { fileId: String(id) }, context: context() });
}

async function statusOf(id: number, who?: string) {
  return (await outcome(() => get(id, who ? cookies[who] : undefined))).status;
}

/** A stored file and its row, for applications made outside the upload form. */
function storeFile(kind: 'deck' | 'logo', data: Buffer, mimeType: string, uploadedBy: number) {
  const sha256 = createHash('sha256').update(data).digest('hex');
  fs.mkdirSync(uploadsDir(), { recursive: true });
  fs.writeFileSync(storedFilePath(sha256), data);
  return getDb().insert(schema.files).values({ kind, sha256, mimeType, sizeBytes: data.length, originalName: `${kind}.bin`, uploadedBy }).returning().get().id;
}

beforeAll(async () => {
  const { edition } = createOpenEdition(YEAR);
  const owner = await person('owner', 'founder');
  await person('other', 'founder');
  await person('organiser', 'organiser');
  const assigned = await person('assigned', 'judge');
  await person('unassigned', 'judge');
  const conflicted = await person('conflicted', 'judge');
  deckId = await upload(cookies.owner, 'deck', 'Présentation « Civix ».pdf', pdf);
  logoId = await upload(cookies.owner, 'logo', 'logo.png', tinyPng());

  const application = founderApplication(edition.id, owner.id)!;
  const round = getDb().insert(schema.rounds).values({ editionId: edition.id, kind: 'screening', nameFr: 'Présélection', nameEn: 'Screening' }).returning().get();
  for (const judge of [assigned, conflicted]) {
    addJudge(edition.id, judge.id);
    getDb().insert(schema.assignments).values({ roundId: round.id, judgeId: judge.id, applicationId: application.id }).run();
  }
  getDb().insert(schema.conflicts).values({ judgeId: conflicted.id, applicationId: application.id, reason: 'Former colleague' }).run();
});

describe('who may see a file', () => {
  it('the founder gets the deck to read in the browser (inline, sandboxed), with a safe name, its type and nosniff', async () => {
    const response = (await get(deckId, cookies.owner)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Disposition')).toBe(
      `inline; filename="Presentation_Civix.pdf"; filename*=UTF-8''Pr%C3%A9sentation%20%C2%AB%20Civix%20%C2%BB.pdf`,
    );
    // Shown, never run: no script, no load, an opaque origin, no framing.
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
    expect(response.headers.get('Cache-Control')).toBe('private, no-cache');
    expect(response.headers.get('Content-Length')).toBe(String(pdf.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('the logo is shown inline', async () => {
    const response = (await get(logoId, cookies.owner)) as Response;
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('Content-Disposition')).toMatch(/^inline; filename="logo.png"/);
  });

  it.each([
    ['organiser', 200],
    ['assigned', 200],
    ['other', 404],
    ['unassigned', 404],
    ['conflicted', 404],
  ])('%s gets %i', async (who, status) => {
    expect(await statusOf(deckId, who)).toBe(status);
    expect(await statusOf(logoId, who)).toBe(status);
  });

  it('a visitor who is not logged in is sent to log in', async () => {
    const result = await outcome(() => get(deckId));
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(`/files/${deckId}`)}`);
  });

  it('an unknown id and a malformed id are 404', async () => {
    expect(await statusOf(999_999, 'owner')).toBe(404);
    expect((await outcome(() => get('../etc/passwd', cookies.owner))).status).toBe(404);
  });

  it('answers 304 when the browser already has this content', async () => {
    const first = (await get(logoId, cookies.owner)) as Response;
    const again = (await get(logoId, cookies.owner, { 'If-None-Match': first.headers.get('ETag')! })) as Response;
    expect(again.status).toBe(304);
  });
});

describe('public logos', () => {
  it("a finalist's logo is public with consent from the live final on; never its deck, never without consent", async () => {
    const published = createEdition(2017, 'judging');
    const founderId = (await createUser('finalist@example.org', 'founder')).id;
    const otherId = (await createUser('shy@example.org', 'founder')).id;
    const png = Buffer.concat([tinyPng(), Buffer.from('consenting')]);
    const shyPng = Buffer.concat([tinyPng(), Buffer.from('shy')]);
    const logo = storeFile('logo', png, 'image/png', founderId);
    const deck = storeFile('deck', tinyPdf('finalist'), 'application/pdf', founderId);
    const shyLogo = storeFile('logo', shyPng, 'image/png', otherId);
    const values = { editionId: published.id, status: 'finalist' as const, updatedAt: new Date() };
    getDb().insert(schema.applications).values({ ...values, founderId, logoFileId: logo, deckFileId: deck, consentToPublication: true }).run();
    getDb().insert(schema.applications).values({ ...values, founderId: otherId, logoFileId: shyLogo, consentToPublication: false }).run();

    // Before the live final, even a consenting finalist's logo is private.
    expect(await statusOf(logo)).toBe(302);
    // On stage it is public (the projector shows it, decision 027), and stays so once published.
    getDb().update(schema.editions).set({ status: 'final' }).where(eq(schema.editions.id, published.id)).run();
    expect(await statusOf(logo)).toBe(200);
    expect(await statusOf(shyLogo)).toBe(302);
    // Publishing freezes the edition (migrations/0004): the applications are written before.
    getDb().update(schema.editions).set({ status: 'published', publishedAt: new Date() }).where(eq(schema.editions.id, published.id)).run();

    const open = (await get(logo)) as Response;
    expect(open.status).toBe(200);
    expect(open.headers.get('Cache-Control')).toBe('public, max-age=3600');
    expect(await statusOf(deck)).toBe(302);
    expect(await statusOf(shyLogo)).toBe(302);
    expect(await statusOf(shyLogo, 'other')).toBe(404);
  });
});
