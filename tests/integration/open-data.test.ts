/**
 * The open data of the seeded editions, fetched through the resource routes' loaders as a
 * client would: every ranking recomputed from results.json alone by an implementation written
 * here (not the app's ranking engine), the seal recomputed with node:crypto, the reference
 * Python script of /method run on the file, the CSV files, caching (ETag, 304) and the 404s of
 * editions whose results are not published.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECOMPUTE_PYTHON } from '~/domain/open-data';
import { loader as editionLoader } from '~/routes/editions.$year';
import { loader as resultsCsvLoader } from '~/routes/editions.$year.results[.csv]';
import { loader as resultsJsonLoader } from '~/routes/editions.$year.results[.json]';
import { loader as scoresCsvLoader } from '~/routes/editions.$year.scores[.csv]';
import { getDb, schema } from '~/utils/db.server';
import { publicCacheStats } from '~/utils/public-cache.server';
import { seedDemo } from '../../db/seed-demo';
import { context, getRequest, outcome } from '../fixtures/http';
import { sessionCookie } from '../fixtures/users';

const PUBLISHED = [2018, 2019, 2020];
const NOW = new Date('2026-03-02T09:30:00.000Z');

type Loader = typeof resultsJsonLoader;
const FILES: [string, Loader][] = [
  ['results.json', resultsJsonLoader],
  ['results.csv', resultsCsvLoader],
  ['scores.csv', scoresCsvLoader],
];

async function fetchFile(loader: Loader, year: number | string, file: string, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return (await loader({ request: getRequest(`/editions/${year}/${file}`, { headers }), params: { year: String(year) }, context: context() })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function resultsJson(year: number) {
  const response = await fetchFile(resultsJsonLoader, year, 'results.json');
  expect(response.status).toBe(200);
  return JSON.parse(await response.text());
}

// ─── SCORING.md, written again from the text, for results.json ──────────────

interface DocCriterion {
  id: number;
  weight: number;
  min: number;
  max: number;
  position: number;
}
interface DocSheet {
  judge: string;
  applicationId: number;
  scores: Record<string, number>;
}
interface DocRound {
  id: number;
  method: 'mean' | 'trimmed' | 'zscore';
  minSheets: number;
  seal: string | null;
  ranking: { rank: number; applicationId: number; startup: string; score: number; sheets: number; tie: boolean }[];
  unranked: { applicationId: number; startup: string; sheets: number }[];
  sheets: DocSheet[];
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9 + 0;
const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const populationSd = (xs: number[]) => {
  if (xs.length < 2) return 0;
  const m = average(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
};

function recompute(criteria: DocCriterion[], round: DocRound) {
  const ordered = [...criteria].sort((a, b) => a.position - b.position || a.id - b.id);
  const tieBreak = [...criteria].sort((a, b) => b.weight - a.weight || a.position - b.position || a.id - b.id);
  const weights = ordered.reduce((s, c) => s + c.weight, 0);
  const norm = (c: DocCriterion, sheet: DocSheet) => (sheet.scores[String(c.id)] - c.min) / (c.max - c.min);
  const total = (sheet: DocSheet) => (100 * ordered.reduce((s, c) => s + c.weight * norm(c, sheet), 0)) / weights;

  const byApplication = new Map<number, DocSheet[]>();
  const byJudge = new Map<string, number[]>();
  for (const sheet of round.sheets) {
    byApplication.set(sheet.applicationId, [...(byApplication.get(sheet.applicationId) ?? []), sheet]);
    byJudge.set(sheet.judge, [...(byJudge.get(sheet.judge) ?? []), total(sheet)]);
  }
  const z = (sheet: DocSheet) => {
    const totals = byJudge.get(sheet.judge)!;
    const sd = populationSd(totals);
    return totals.length < 3 || round9(sd) === 0 ? 0 : (total(sheet) - average(totals)) / sd;
  };
  const score = (sheets: DocSheet[]) => {
    const totals = sheets.map(total);
    if (round.method === 'zscore') return average(sheets.map(z));
    if (round.method === 'trimmed' && totals.length >= 5) return average([...totals].sort((a, b) => a - b).slice(1, -1));
    return average(totals);
  };
  const entries = [...byApplication]
    .filter(([, sheets]) => sheets.length >= round.minSheets)
    .map(([applicationId, sheets]) => ({
      applicationId,
      score: score(sheets),
      sheets: sheets.length,
      key: [round9(score(sheets)), ...tieBreak.map((c) => round9(average(sheets.map((s) => norm(c, s))))), sheets.length],
    }));
  const ahead = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
    return false;
  };
  return entries.map((e) => ({
    applicationId: e.applicationId,
    rank: 1 + entries.filter((o) => ahead(o.key, e.key)).length,
    tie: entries.some((o) => o !== e && !ahead(o.key, e.key) && !ahead(e.key, o.key)),
    score: e.score,
    sheets: e.sheets,
  }));
}

/** RFC 8785 for what the seal holds (objects, arrays, integers, strings), written here. */
function jcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${jcs((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function sealOf(year: number, round: DocRound): string {
  const sheets = [...round.sheets]
    .sort((a, b) => a.applicationId - b.applicationId || Number(a.judge.slice(1)) - Number(b.judge.slice(1)))
    .map((s) => ({ applicationId: s.applicationId, judge: s.judge, scores: s.scores }));
  const text = jcs({ edition: year, method: round.method, minSheets: round.minSheets, round: round.id, sheets, version: 1 });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

beforeAll(async () => {
  await seedDemo(getDb(), { now: NOW, hashPassword: async () => 'locked' });
}, 120_000);

describe('results.json of a published edition', () => {
  it.each(PUBLISHED)('%i: every round recomputes from the file alone, rank for rank', async (year) => {
    const doc = await resultsJson(year);
    expect(doc.rounds.map((r: DocRound & { kind: string }) => r.kind)).toEqual(['screening', 'final']);
    for (const round of doc.rounds as DocRound[]) {
      const mine = recompute(doc.criteria, round);
      expect(mine.length).toBe(round.ranking.length);
      for (const entry of round.ranking) {
        const again = mine.find((m) => m.applicationId === entry.applicationId)!;
        expect(again, `application ${entry.applicationId}`).toBeDefined();
        expect(again.rank).toBe(entry.rank);
        expect(again.tie).toBe(entry.tie);
        expect(again.sheets).toBe(entry.sheets);
        expect(Math.abs(again.score - entry.score)).toBeLessThan(1e-9);
      }
      // Listed best first; unranked ones really have too few sheets.
      const ranks = round.ranking.map((r) => r.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      for (const u of round.unranked) {
        expect(u.sheets).toBeLessThan(round.minSheets);
        expect(round.sheets.filter((s) => s.applicationId === u.applicationId)).toHaveLength(u.sheets);
      }
    }
  });

  it.each(PUBLISHED)('%i: the seal recomputes from the final round’s published sheets, and is the one stored', async (year) => {
    const doc = await resultsJson(year);
    const final = (doc.rounds as (DocRound & { kind: string })[]).find((r) => r.kind === 'final')!;
    expect(doc.seal).toMatch(/^[0-9a-f]{64}$/);
    expect(final.seal).toBe(doc.seal);
    expect(doc.sealedRound).toBe(final.id);
    expect(sealOf(year, final)).toBe(doc.seal);
    const stored = getDb().select().from(schema.rounds).where(eq(schema.rounds.id, final.id)).get()!;
    expect(stored.sealHash).toBe(doc.seal);
  });

  it('has the documented shape, with a licence, pseudonymous judges and neutral labels where consent was not given', async () => {
    const doc = await resultsJson(2019);
    expect(doc.licence).toMatchObject({ name: 'Licence Ouverte / Open Licence 2.0', url: expect.stringContaining('etalab') });
    expect(doc.edition).toMatchObject({ year: 2019, name: expect.any(String) });
    expect(doc.criteria[0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      nameFr: expect.any(String),
      weight: expect.any(Number),
      min: expect.any(Number),
      max: expect.any(Number),
      position: expect.any(Number),
    });
    const round = doc.rounds[1];
    expect(Object.keys(round)).toEqual(expect.arrayContaining(['id', 'name', 'method', 'minSheets', 'ranking', 'unranked', 'sheets']));
    expect(Object.keys(round.ranking[0])).toEqual(expect.arrayContaining(['rank', 'applicationId', 'startup', 'score', 'sheets', 'tie']));
    expect(Object.keys(round.sheets[0]).sort()).toEqual(['applicationId', 'judge', 'scores']);
    const judges = new Set(doc.rounds.flatMap((r: DocRound) => r.sheets.map((s) => s.judge)));
    for (const judge of judges) expect(judge).toMatch(/^J[1-9]\d*$/);
    for (const sheet of doc.rounds.flatMap((r: DocRound) => r.sheets) as DocSheet[]) {
      expect(Object.keys(sheet.scores).map(Number).sort()).toEqual(doc.criteria.map((c: DocCriterion) => c.id).sort());
      for (const v of Object.values(sheet.scores)) expect(Number.isInteger(v)).toBe(true);
    }

    const text = JSON.stringify(doc);
    const edition = getDb().select().from(schema.editions).where(eq(schema.editions.year, 2019)).get()!;
    const applications = getDb().select().from(schema.applications).where(eq(schema.applications.editionId, edition.id)).all();
    const hidden = applications.filter((a) => !a.consentToPublication && a.status !== 'withdrawn' && a.status !== 'draft');
    expect(hidden.length).toBeGreaterThan(0);
    for (const a of hidden) {
      expect(text).not.toContain(`"${a.startupName}"`);
      expect(text).toContain(`"Startup A${a.id}"`);
    }
    const withdrawn = applications.filter((a) => a.status === 'withdrawn');
    for (const a of withdrawn) expect(text).not.toContain(`"applicationId":${a.id},`);
    for (const user of getDb().select().from(schema.users).all()) {
      expect(text).not.toContain(user.email);
      if (user.role === 'judge') expect(text).not.toContain(user.name);
    }
  });

  it.skipIf(spawnSync('python3', ['--version']).status !== 0)('passes the reference script of the method page', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-recompute-'));
    try {
      fs.writeFileSync(path.join(dir, 'recompute.py'), RECOMPUTE_PYTHON);
      for (const year of PUBLISHED) {
        const file = path.join(dir, `results-${year}.json`);
        fs.writeFileSync(file, await (await fetchFile(resultsJsonLoader, year, 'results.json')).text());
        const run = spawnSync('python3', [path.join(dir, 'recompute.py'), file], { encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.status, run.stdout).toBe(0);
        expect(run.stdout).toMatch(/Screening: \d+ ranked, same ranks/);
        expect(run.stdout).toMatch(/Final: seal [0-9a-f]{64} matches/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000); // a Python process per published edition: seconds on a loaded machine
});

describe('the open-data files over HTTP', () => {
  it('serve JSON and CSV with caching headers, open CORS, and a 304 when the client has them', async () => {
    for (const [file, loader] of FILES) {
      const first = await fetchFile(loader, 2020, file);
      expect(first.status).toBe(200);
      expect(first.headers.get('Content-Type')).toContain(file.endsWith('json') ? 'application/json' : 'text/csv');
      expect(first.headers.get('Cache-Control')).toBe('public, max-age=300, must-revalidate');
      expect(first.headers.get('Access-Control-Allow-Origin')).toBe('*');
      const etag = first.headers.get('ETag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await fetchFile(loader, 2020, file, { 'If-None-Match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('ETag')).toBe(etag);
      expect((await fetchFile(loader, 2020, file, { 'If-None-Match': '"something-else"' })).status).toBe(200);
    }
  });

  it('CSV: UTF-8 with a byte-order mark, one row per application and round, and per sheet and criterion', async () => {
    const doc = await resultsJson(2018);
    const results = new Uint8Array(await (await fetchFile(resultsCsvLoader, 2018, 'results.csv')).arrayBuffer());
    expect([...results.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const resultLines = new TextDecoder().decode(results).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(resultLines[0]).toBe('edition,round_id,round_kind,round,method,rank,tie,application_id,startup,track,score,sheets,status');
    expect(resultLines).toHaveLength(1 + doc.rounds.reduce((n: number, r: DocRound) => n + r.ranking.length + r.unranked.length, 0));
    const scores = (await (await fetchFile(scoresCsvLoader, 2018, 'scores.csv')).text()).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(scores).toHaveLength(1 + doc.rounds.reduce((n: number, r: DocRound) => n + r.sheets.length, 0) * doc.criteria.length);
    const [first] = doc.rounds[0].sheets;
    expect(scores[1].startsWith(`2018,${doc.rounds[0].id},screening,${first.judge},${first.applicationId},`)).toBe(true);
  });

  it('answer 404 for an edition whose results are not published, or that does not exist', async () => {
    for (const year of [2021, 2022, 1999, 'latest']) {
      for (const [file, loader] of FILES) {
        expect((await fetchFile(loader, year, file)).status, `${year}/${file}`).toBe(404);
      }
    }
  });
});

describe('the public edition page', () => {
  function page(year: number, headers: Record<string, string> = {}, cookie?: string) {
    return outcome(() => editionLoader({ request: getRequest(`/editions/${year}`, { headers, cookie }), params: { year: String(year) }, context: context() }));
  }

  it('shows nothing of the scores of an unpublished edition', async () => {
    const judging = await page(2021);
    expect(judging.status).toBe(200);
    expect(judging.data.results).toBeNull();
    expect(judging.headers.get('ETag')).toBeNull();
    // The page's messages name rankings and seals (the dictionary's words, not this edition's data).
    const { messages, ...data } = judging.data;
    expect(messages['results.public.metaUnpublished']).toBeTruthy();
    expect(JSON.stringify(data)).not.toMatch(/score|seal|rank/i);
  });

  it('is built once per language; its data is revalidated for a 304 by visitors; private for someone logged in', async () => {
    // Remix fetches a page's data on client-side navigations with Accept: */*.
    const english = { 'Accept-Language': 'en-GB,en;q=0.9', Accept: '*/*' };
    const first = await page(2019, english);
    expect(first.status).toBe(200);
    expect(first.data.results.seal).toMatch(/^[0-9a-f]{64}$/);
    expect(first.data.results.podium.map((w: { place: number }) => w.place)).toEqual([1, 2, 3]);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=300, must-revalidate');
    expect(first.headers.get('Vary')).toBe('Accept, Cookie, Accept-Language');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^W\/"/);
    const built = publicCacheStats().builds;
    const second = await page(2019, english);
    expect(second.headers.get('ETag')).toBe(etag);
    expect(second.data).toEqual(first.data);
    expect(publicCacheStats().builds).toBe(built);
    expect((await page(2019, { ...english, 'If-None-Match': etag })).status).toBe(304);
    const french = await page(2019, { 'Accept-Language': 'fr-FR', Accept: '*/*' });
    expect(french.headers.get('ETag')).not.toBe(etag);
    expect(french.data.results.final.name).toBe('Finale');

    // The HTML document: shared-cacheable, but never answered with a 304 (see publicPageHeaders).
    const html = { 'Accept-Language': 'en-GB', Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' };
    const document = await page(2019, { ...html, 'If-None-Match': etag });
    expect(document.status).toBe(200);
    expect(document.headers.get('Cache-Control')).toBe('public, max-age=300, must-revalidate');
    expect(document.headers.get('ETag')).toBeNull();
    expect(document.data).toEqual(first.data);
    expect(publicCacheStats().builds).toBe(built + 1);

    const organiser = getDb().select().from(schema.users).where(eq(schema.users.email, 'organiser@example.org')).get()!;
    const personal = await page(2019, { ...english, 'If-None-Match': etag }, await sessionCookie(organiser.id));
    expect(personal.status).toBe(200);
    expect(personal.headers.get('Cache-Control')).toBe('private, no-cache');
    expect(personal.headers.get('ETag')).toBeNull();
  });

  it('honours a founder withdrawing consent after publication at once, cache or not', async () => {
    const before = await page(2020, { Accept: '*/*' });
    const place = before.data.results.podium.findIndex((w: { named: boolean }) => w.named);
    const winner = before.data.results.podium[place];
    expect(winner).toBeDefined();
    getDb().update(schema.applications).set({ consentToPublication: false }).where(eq(schema.applications.id, winner.applicationId)).run();
    const after = await page(2020, { Accept: '*/*' });
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'));
    expect(after.data.results.podium[place]).toMatchObject({ name: `Startup A${winner.applicationId}`, named: false, oneLiner: null, logoUrl: null });
    const doc = await resultsJson(2020);
    expect(JSON.stringify(doc)).not.toContain(`"${winner.name}"`);
  });
});
