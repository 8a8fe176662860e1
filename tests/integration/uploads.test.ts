/**
 * Uploads, from the multipart body to the disk: the type comes from the bytes, the size limit
 * stops the reading (the body beyond it is never pulled), refused files leave nothing on disk,
 * accepted ones are stored under their SHA-256.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FILE_RULES } from '~/domain/file-types';
import { Refusal } from '~/domain/refusal';
import * as filesRoute from '~/routes/apply.$year.files';
import * as uploadRoute from '~/routes/apply.$year.upload';
import { founderApplication } from '~/utils/applications.server';
import { getDb, schema } from '~/utils/db.server';
import { receiveUpload, sweepAbandonedParts, uploadsDir } from '~/utils/uploads.server';
import { createOpenEdition, multipartRequest, tinyPdf, tinyPng, type Part } from '../fixtures/applications';
import { context, formRequest, outcome } from '../fixtures/http';
import { createUser, sessionCookie } from '../fixtures/users';

const YEAR = 2042;
let edition: ReturnType<typeof createOpenEdition>['edition'];

/** Every file under UPLOADS_DIR, temporary ones included. */
function filesOnDisk(): string[] {
  const dir = uploadsDir();
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => fs.statSync(path.join(dir, name)).isFile());
}

async function founder(email: string) {
  const user = await createUser(email, 'founder');
  return { ...user, cookie: await sessionCookie(user.id) };
}

function postFiles(cookie: string, parts: Part[], route: 'files' | 'upload' = 'files', year = YEAR) {
  const { request, read } = multipartRequest(`/apply/${year}/${route}`, parts, { cookie });
  const action = route === 'files' ? filesRoute.action : uploadRoute.action;
  return { result: outcome(() => action({ request, params: { year: String(year) }, context: context() })), read };
}

/** The plain form post (no JavaScript) that removes the application's file `fileId` of that kind. */
function removeFile(cookie: string, kind: 'deck' | 'logo', fileId: number) {
  return outcome(() =>
    filesRoute.action({
      request: formRequest(`/apply/${YEAR}/files`, { intent: 'remove', kind, replaces: String(fileId) }, { cookie }),
      params: { year: String(YEAR) },
      context: context(),
    }),
  );
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

beforeAll(() => {
  edition = createOpenEdition(YEAR).edition;
});

beforeEach(() => {
  fs.rmSync(uploadsDir(), { recursive: true, force: true });
});

describe('the upload handler', () => {
  it('refuses a PNG renamed deck.pdf (declared application/pdf), and writes nothing to disk', async () => {
    const { request } = multipartRequest('/apply/x/files', [
      { name: 'intent', value: 'upload' },
      { name: 'deck', filename: 'deck.pdf', contentType: 'application/pdf', data: tinyPng() },
    ]);
    const error = await receiveUpload(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refusal);
    expect(error).toMatchObject({ field: 'deck', status: 415, key: 'apply.files.errors.wrongType.deck' });
    expect(filesOnDisk()).toEqual([]);
  });

  it('stops reading an oversized deck at the limit, without holding it in memory, and removes what it wrote', async () => {
    const size = 25 * 1024 * 1024;
    // Half-way to the limit, the bytes received so far are in a temporary file on disk.
    let onDiskMidway = 0;
    const { request, read } = multipartRequest(
      '/apply/x/files',
      [
        { name: 'intent', value: 'upload' },
        { name: 'deck', filename: 'huge.pdf', contentType: 'application/pdf', head: tinyPdf().subarray(0, 64), size },
      ],
      {
        onPull: (pulled) => {
          if (!onDiskMidway && pulled > FILE_RULES.deck.maxBytes / 2) {
            onDiskMidway = filesOnDisk().reduce((sum, name) => sum + fs.statSync(path.join(uploadsDir(), name)).size, 0);
          }
        },
      },
    );
    const error = await receiveUpload(request).catch((e: unknown) => e);
    expect(error).toMatchObject({ field: 'deck', status: 413, key: 'apply.files.errors.tooLarge' });
    // The body past the limit was never pulled from the client…
    expect(read()).toBeGreaterThan(FILE_RULES.deck.maxBytes);
    expect(read()).toBeLessThan(FILE_RULES.deck.maxBytes + 1024 * 1024);
    // …what was read went to a temporary file as it came (not kept in memory), and that file is gone.
    expect(onDiskMidway).toBeGreaterThan(FILE_RULES.deck.maxBytes / 2 - 1024 * 1024);
    expect(filesOnDisk()).toEqual([]);
  });

  it('stores an accepted file under its SHA-256 only once committed, and a discarded one leaves nothing', async () => {
    const pdf = tinyPdf();
    const upload = async () =>
      receiveUpload(
        multipartRequest('/x', [
          { name: 'kind', value: 'deck' },
          { name: 'deck', filename: '../../Présentation.pdf', contentType: 'application/octet-stream', data: pdf },
        ]).request,
      );
    const kept = await upload();
    expect(kept.fields).toEqual({ kind: 'deck' });
    expect(kept.file).toMatchObject({ kind: 'deck', type: 'pdf', mimeType: 'application/pdf', sizeBytes: pdf.length, sha256: sha256(pdf), originalName: 'Présentation.pdf' });
    expect(filesOnDisk()).toHaveLength(1);
    expect(filesOnDisk()[0]).toMatch(/^\.tmp\/[0-9a-f-]+\.part$/);
    const stored = await kept.file!.commit();
    expect(path.basename(stored)).toBe(sha256(pdf));
    expect(fs.readFileSync(stored).equals(pdf)).toBe(true);

    const dropped = await upload();
    await dropped.file!.discard();
    expect(filesOnDisk()).toEqual([sha256(pdf)]);
  });

  it('refuses an SVG logo and accepts a WebP one, from their bytes', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refused = await receiveUpload(multipartRequest('/x', [{ name: 'logo', filename: 'logo.png', contentType: 'image/png', data: svg }]).request).catch((e: unknown) => e);
    expect(refused).toMatchObject({ field: 'logo', status: 415, key: 'apply.files.errors.wrongType.logo' });
    const webp = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(32)]);
    const accepted = await receiveUpload(multipartRequest('/x', [{ name: 'logo', filename: 'logo', contentType: 'application/octet-stream', data: webp }]).request);
    expect(accepted.file).toMatchObject({ kind: 'logo', type: 'webp', mimeType: 'image/webp' });
    await accepted.file!.discard();
    expect(filesOnDisk()).toEqual([]);
  });

  it('refuses an oversized text field, a second file and an unknown file field', async () => {
    const big = await receiveUpload(multipartRequest('/x', [{ name: 'kind', value: 'x'.repeat(5000) }]).request).catch((e: unknown) => e);
    expect(big).toMatchObject({ status: 400, key: 'apply.files.errors.malformed' });
    const two = await receiveUpload(
      multipartRequest('/x', [
        { name: 'deck', filename: 'a.pdf', contentType: 'application/pdf', data: tinyPdf('one') },
        { name: 'deck', filename: 'b.pdf', contentType: 'application/pdf', data: tinyPdf('two') },
      ]).request,
    ).catch((e: unknown) => e);
    expect(two).toMatchObject({ status: 400, key: 'apply.files.errors.malformed' });
    const unknown = await receiveUpload(multipartRequest('/x', [{ name: 'avatar', filename: 'a.png', contentType: 'image/png', data: tinyPng() }]).request).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 400, key: 'apply.files.errors.malformed' });
    expect(filesOnDisk()).toEqual([]);
  });
});

it('removes temporary files abandoned by a process that stopped mid-upload, and only those', async () => {
  const tmp = path.join(uploadsDir(), '.tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const old = path.join(tmp, 'abandoned.part');
  const fresh = path.join(tmp, 'in-progress.part');
  fs.writeFileSync(old, 'x');
  fs.writeFileSync(fresh, 'y');
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
  fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
  expect(await sweepAbandonedParts(tmp)).toBe(1);
  expect(fs.readdirSync(tmp)).toEqual(['in-progress.part']);
});

describe('uploading through the files page (no JavaScript)', () => {
  it('attaches the deck, redirects back, and keeps the uploader’s name only as a label', async () => {
    const lina = await founder('lina@example.org');
    const pdf = tinyPdf('Lina');
    const { result } = postFiles(lina.cookie, [
      { name: 'intent', value: 'upload' },
      { name: 'kind', value: 'deck' },
      { name: 'replaces', value: '' },
      { name: 'deck', filename: 'Lina <deck>.pdf', contentType: 'application/pdf', data: pdf },
    ]);
    const response = await result;
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(`/apply/${YEAR}/files?uploaded=deck`);
    const application = founderApplication(edition.id, lina.id)!;
    const file = getDb().select().from(schema.files).where(eq(schema.files.id, application.deckFileId!)).get()!;
    expect(file).toMatchObject({ kind: 'deck', sha256: sha256(pdf), sizeBytes: pdf.length, mimeType: 'application/pdf', originalName: 'Lina <deck>.pdf', uploadedBy: lina.id });
    expect(filesOnDisk()).toEqual([sha256(pdf)]);
  });

  it('answers 413 for an oversized logo, with the message for the field, and leaves nothing', async () => {
    const marc = await founder('marc@example.org');
    const { result, read } = postFiles(marc.cookie, [
      { name: 'intent', value: 'upload' },
      { name: 'kind', value: 'logo' },
      { name: 'replaces', value: '' },
      { name: 'logo', filename: 'logo.png', contentType: 'image/png', head: tinyPng(), size: 3 * 1024 * 1024 },
    ]);
    const response = await result;
    expect(response.status).toBe(413);
    expect(response.data).toEqual({ kind: 'logo', error: 'apply.files.errors.tooLarge', params: { max: 2 } });
    expect(read()).toBeLessThan(3 * 1024 * 1024);
    expect(filesOnDisk()).toEqual([]);
    expect(founderApplication(edition.id, marc.id)).toBeNull();
  });

  it('answers 415 for a PNG sent as the deck, and 400 when no file was chosen', async () => {
    const nora = await founder('nora@example.org');
    const wrong = await postFiles(nora.cookie, [
      { name: 'kind', value: 'deck' },
      { name: 'deck', filename: 'deck.pdf', contentType: 'application/pdf', data: tinyPng() },
    ]).result;
    expect(wrong.status).toBe(415);
    expect(wrong.data.error).toBe('apply.files.errors.wrongType.deck');
    const none = await postFiles(nora.cookie, [
      { name: 'kind', value: 'deck' },
      { name: 'deck', filename: '', contentType: 'application/octet-stream', data: new Uint8Array() },
    ]).result;
    expect(none.status).toBe(400);
    expect(none.data).toMatchObject({ kind: 'deck', error: 'apply.files.errors.noFile' });
    expect(filesOnDisk()).toEqual([]);
  });

  it('refuses a stale replacement, and dedupes identical content on disk', async () => {
    const omar = await founder('omar@example.org');
    const first = tinyPdf('first');
    await postFiles(omar.cookie, [{ name: 'replaces', value: '' }, { name: 'deck', filename: 'v1.pdf', contentType: 'application/pdf', data: first }]).result;
    const v1 = founderApplication(edition.id, omar.id)!.deckFileId!;
    // Another tab replaces v1 with the same content under another name: a new row, one file on disk.
    const second = await postFiles(omar.cookie, [{ name: 'replaces', value: String(v1) }, { name: 'deck', filename: 'copy.pdf', contentType: 'application/pdf', data: first }]).result;
    expect(second.status).toBe(302);
    expect(filesOnDisk()).toEqual([sha256(first)]);
    // The first tab, still showing v1, tries to replace it: refused, and its bytes are not kept.
    const stale = await postFiles(omar.cookie, [{ name: 'replaces', value: String(v1) }, { name: 'deck', filename: 'v3.pdf', contentType: 'application/pdf', data: tinyPdf('third') }]).result;
    expect(stale.status).toBe(409);
    expect(stale.data.error).toBe('apply.files.errors.stale');
    expect(filesOnDisk()).toEqual([sha256(first)]);
  });

  it('refuses before reading the body once the deadline has passed', async () => {
    const { edition: closed } = createOpenEdition(2038, { now: new Date(Date.now() - 40 * 24 * 3600_000), closeInDays: 5 });
    const paula = await founder('paula@example.org');
    const { result, read } = postFiles(
      paula.cookie,
      [{ name: 'deck', filename: 'deck.pdf', contentType: 'application/pdf', head: tinyPdf(), size: 5 * 1024 * 1024 }],
      'files',
      closed.year,
    );
    const response = await result;
    expect(response.status).toBe(403);
    expect(response.data.error).toBe('apply.errors.closed');
    expect(read()).toBeLessThan(1024 * 1024);
    expect(filesOnDisk()).toEqual([]);
  });

  it('removes the logo of a draft with a plain form post', async () => {
    const quentin = await founder('quentin@example.org');
    await postFiles(quentin.cookie, [{ name: 'replaces', value: '' }, { name: 'logo', filename: 'l.png', contentType: 'image/png', data: tinyPng() }]).result;
    const logoId = founderApplication(edition.id, quentin.id)!.logoFileId!;
    const removed = await removeFile(quentin.cookie, 'logo', logoId);
    expect(removed.status).toBe(302);
    expect(founderApplication(edition.id, quentin.id)!.logoFileId).toBeNull();
  });
});

describe('uploading with JavaScript (JSON endpoint)', () => {
  it('answers JSON, and after submission a replaced deck is audited', async () => {
    const rose = await founder('rose@example.org');
    const upload = await postFiles(rose.cookie, [{ name: 'replaces', value: '' }, { name: 'deck', filename: 'rose.pdf', contentType: 'application/pdf', data: tinyPdf('rose') }], 'upload').result;
    expect(upload.status).toBe(200);
    expect(upload.data).toMatchObject({ ok: true, kind: 'deck', file: { originalName: 'rose.pdf' } });
    const deckId = upload.data.file.id as number;

    // Submitted directly (submission is tested in applications.test.ts).
    getDb()
      .update(schema.applications)
      .set({ status: 'submitted', submittedAt: new Date() })
      .where(and(eq(schema.applications.founderId, rose.id), eq(schema.applications.editionId, edition.id)))
      .run();
    const replaced = await postFiles(rose.cookie, [{ name: 'replaces', value: String(deckId) }, { name: 'deck', filename: 'rose-v2.pdf', contentType: 'application/pdf', data: tinyPdf('rose v2') }], 'upload').result;
    expect(replaced.status).toBe(200);
    const application = founderApplication(edition.id, rose.id)!;
    const events = getDb().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, String(application.id))).all();
    expect(events).toMatchObject([
      { action: 'application.update', before: { deck: { id: deckId, name: 'rose.pdf' } }, after: { deck: { name: 'rose-v2.pdf' } } },
    ]);

    const wrong = await postFiles(rose.cookie, [{ name: 'replaces', value: '' }, { name: 'logo', filename: 'x.png', contentType: 'image/png', data: tinyPdf() }], 'upload').result;
    expect(wrong.status).toBe(415);
    expect(wrong.data).toEqual({ ok: false, kind: 'logo', error: 'apply.files.errors.wrongType.logo', params: {} });
    // A submitted application keeps a deck: it may be replaced, not removed.
    const current = founderApplication(edition.id, rose.id)!.deckFileId!;
    const removal = await removeFile(rose.cookie, 'deck', current);
    expect(removal.status).toBe(409);
    expect(removal.data.error).toBe('apply.files.errors.deckRequired');
  });
});
