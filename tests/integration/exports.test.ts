/**
 * Files people open: the organisers' Excel workbooks (applications, a round's ranking with its
 * scores, the audit log), read back with read-excel-file as a spreadsheet would; and the open
 * data's datapackage.json, whose columns must be exactly the CSV files' columns.
 */
import { eq } from 'drizzle-orm';
import readExcelFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_CSV_COLUMNS, SCORES_CSV_COLUMNS } from '~/domain/open-data';
import * as datapackageRoute from '~/routes/editions.$year.datapackage[.json]';
import * as resultsCsvRoute from '~/routes/editions.$year.results[.csv]';
import * as applicationsXlsx from '~/routes/organise.$year.applications[.xlsx]';
import * as auditXlsx from '~/routes/organise.$year.audit[.xlsx]';
import * as rankingXlsx from '~/routes/organise.$year.rounds.$roundId.ranking[.xlsx]';
import { getDb, schema } from '~/utils/db.server';
import { context, getRequest, outcome } from '../fixtures/http';
import { resultsWorld, type ResultsWorld } from '../fixtures/results';

const YEAR = 2046;
let world: ResultsWorld;

type Loader = (args: { request: Request; params: Record<string, string>; context: ReturnType<typeof context> }) => Promise<Response>;

async function get(loader: Loader, path: string, params: Record<string, string>, { cookie, headers }: { cookie?: string; headers?: Record<string, string> } = {}) {
  try {
    return await loader({ request: getRequest(path, { cookie, headers }), params, context: context() });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function workbook(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(response.headers.get('Cache-Control')).toBe('private, no-store');
  return readExcelFile(Buffer.from(await response.arrayBuffer()));
}

beforeAll(async () => {
  world = await resultsWorld(YEAR);
  getDb()
    .insert(schema.auditEvents)
    .values({
      editionId: world.editionId,
      actorId: world.organiser.id,
      at: new Date('2046-03-01T09:30:00Z'),
      action: 'round.lock',
      entityType: 'round',
      entityId: String(world.screeningId),
      before: { state: 'open' },
      after: { state: 'locked' },
    })
    .run();
});

describe('Excel exports for organisers', () => {
  it('applications.xlsx: the list’s applications, one typed row each, in the organiser’s language', async () => {
    const english = await workbook(await get(applicationsXlsx.loader as Loader, `/organise/${YEAR}/applications.xlsx`, { year: String(YEAR) }, { cookie: world.organiser.cookie }));
    expect(english.map((s) => s.sheet)).toEqual(['Applications']);
    const [header, ...rows] = english[0].data;
    expect(header[0]).toBe('Id');
    expect(header[1]).toBe('Startup name');
    expect(rows).toHaveLength(9);
    const civix = rows.find((r) => r[1] === 'Civix')!;
    expect(civix[0]).toBe(world.apps.Civix);
    expect(typeof civix[0]).toBe('number');

    const french = await workbook(
      await get(applicationsXlsx.loader as Loader, `/organise/${YEAR}/applications.xlsx?status=withdrawn`, { year: String(YEAR) }, {
        cookie: world.organiser.cookie,
        headers: { 'Accept-Language': 'fr-FR' },
      }),
    );
    expect(french[0].sheet).toBe('Candidatures');
    expect(french[0].data.slice(1).map((r) => r[1])).toEqual(['Gone']);
  });

  it('ranking.xlsx: the round’s ranking and every counted sheet, per criterion', async () => {
    const sheets = await workbook(
      await get(rankingXlsx.loader as Loader, `/organise/${YEAR}/rounds/${world.screeningId}/ranking.xlsx`, {
        year: String(YEAR),
        roundId: String(world.screeningId),
      }, { cookie: world.organiser.cookie }),
    );
    expect(sheets.map((s) => s.sheet)).toEqual(['Ranking', 'Scores']);
    const [header, ...ranked] = sheets[0].data;
    expect(header.slice(0, 4)).toEqual(['Rank', 'Tied after every tie-break', 'Application no.', 'Startup']);
    // Eight startups ranked (the withdrawn one is not in the round), best first, scores as numbers.
    expect(ranked).toHaveLength(8);
    expect(ranked[0][0]).toBe(1);
    expect(ranked[0][3]).toBe('Votabl');
    const score = ranked[0][6] as number;
    expect(typeof score).toBe('number');
    expect(Math.round(score * 1e9) / 1e9).toBe(score);
    expect(ranked[0][7]).toBeCloseTo(score, 1);
    // 4 judges × 8 applications × 3 criteria, under the judges' names.
    const [scoresHeader, ...values] = sheets[1].data;
    expect(scoresHeader).toContain('Judge');
    expect(values).toHaveLength(4 * 8 * 3);
    expect(new Set(values.map((v) => v[0]))).toEqual(new Set(world.judges.map((j) => j.email.split('@')[0])));
  });

  it('audit.xlsx: each event with its label, its raw code and its raw values', async () => {
    const [log] = await workbook(await get(auditXlsx.loader as Loader, `/organise/${YEAR}/audit.xlsx`, { year: String(YEAR) }, { cookie: world.organiser.cookie }));
    const [header, ...events] = log.data;
    expect(header).toContain('action');
    const lock = events.find((e) => e[4] === 'round.lock')!;
    expect(lock).toBeDefined();
    expect(lock[1]).toBe('2046-03-01 10:30');
    expect(lock[2]).toBe(world.organiser.email.split('@')[0]);
    expect(JSON.parse(lock[9] as string)).toEqual({ state: 'locked' });
  });

  it('are for organisers only', async () => {
    const response = await outcome(() => get(auditXlsx.loader as Loader, `/organise/${YEAR}/audit.xlsx`, { year: String(YEAR) }, { cookie: world.judges[0].cookie }));
    expect(response.status).toBe(403);
  });
});

describe('datapackage.json', () => {
  it('is a 404 before publication', async () => {
    expect((await get(datapackageRoute.loader as Loader, `/editions/${YEAR}/datapackage.json`, { year: String(YEAR) })).status).toBe(404);
  });

  it('describes exactly the columns of results.csv and scores.csv, with the licence, and revalidates', async () => {
    getDb().update(schema.editions).set({ status: 'published', publishedAt: new Date('2046-03-02T10:00:00Z') }).where(eq(schema.editions.id, world.editionId)).run();
    const response = await get(datapackageRoute.loader as Loader, `/editions/${YEAR}/datapackage.json`, { year: String(YEAR) });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const pkg = JSON.parse(await response.text());
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.licenses[0]).toMatchObject({ name: 'etalab-2.0' });
    const [results, scores] = pkg.resources;
    expect(results).toMatchObject({ path: 'results.csv', format: 'csv', encoding: 'utf-8', dialect: { delimiter: ',', header: true } });
    expect(results.schema.fields.map((f: { name: string }) => f.name)).toEqual([...RESULTS_CSV_COLUMNS]);
    expect(scores.schema.fields.map((f: { name: string }) => f.name)).toEqual([...SCORES_CSV_COLUMNS]);
    for (const field of [...results.schema.fields, ...scores.schema.fields]) {
      expect(['integer', 'number', 'string', 'boolean']).toContain(field.type);
      expect(field.description.length).toBeGreaterThan(10);
    }
    expect(results.schema.fields.find((f: { name: string }) => f.name === 'score').description).toContain('9 decimals');

    // The published CSV's header is the described one, and its scores have at most 9 decimals.
    const csv = await (await get(resultsCsvRoute.loader as Loader, `/editions/${YEAR}/results.csv`, { year: String(YEAR) })).text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(RESULTS_CSV_COLUMNS.join(','));
    const scoreAt = RESULTS_CSV_COLUMNS.indexOf('score');
    for (const line of lines.slice(1)) {
      const score = line.split(',')[scoreAt];
      if (score) expect(score).toMatch(/^-?\d+(\.\d{1,9})?$/);
    }

    const etag = response.headers.get('ETag')!;
    expect((await get(datapackageRoute.loader as Loader, `/editions/${YEAR}/datapackage.json`, { year: String(YEAR) }, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});
