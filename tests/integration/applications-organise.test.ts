/**
 * The organisers' view of applications: counts, search (accents and case folded), filters,
 * sorting and pages from the query string; one application with its history; the CSV export of
 * the same query, read back as a spreadsheet would.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_BOM } from '~/domain/csv';
import * as csvRoute from '~/routes/organise.$year.applications[.csv]';
import * as detailRoute from '~/routes/organise.$year.applications.$applicationId';
import * as listRoute from '~/routes/organise.$year.applications._index';
import { saveSection, submitApplication } from '~/utils/applications.server';
import { getDb, schema } from '~/utils/db.server';
import { createOpenEdition, parseCsv } from '../fixtures/applications';
import { context, getRequest, outcome } from '../fixtures/http';
import { createUser, sessionCookie } from '../fixtures/users';

const YEAR = 2044;
let organiser = '';
let edition: ReturnType<typeof createOpenEdition>['edition'];
let tracks: ReturnType<typeof createOpenEdition>['tracks'];
const ids: Record<string, number> = {};

const SPECIAL = [
  { name: 'Ça Démocratie', status: 'submitted', track: 0, country: 'FR', oneLiner: 'Budgets; comptes, et "débats"\nsur deux lignes' },
  { name: 'Smith, Jones & Co', status: 'submitted', track: 1, country: 'GB', oneLiner: 'Commas, everywhere' },
  { name: '=HYPERLINK("http://evil.example")', status: 'draft', track: null, country: null, oneLiner: '@risk' },
  { name: 'Zèbre Civique', status: 'withdrawn', track: 1, country: 'BE', oneLiner: 'Participation' },
] as const;

beforeAll(async () => {
  ({ edition, tracks } = createOpenEdition(YEAR));
  const db = getDb();
  let n = 0;
  const insert = async (name: string, status: schema.ApplicationStatus, track: number | null, country: string | null, oneLiner: string) => {
    n += 1;
    const founder = await createUser(`list-founder-${n}@example.org`, 'founder', `Founder ${n}`);
    const row = db
      .insert(schema.applications)
      .values({
        editionId: edition.id,
        founderId: founder.id,
        startupName: name,
        status,
        trackId: track === null ? null : tracks[track].id,
        country,
        oneLiner,
        submittedAt: status === 'draft' ? null : new Date(Date.UTC(2044, 0, n)),
        updatedAt: new Date(Date.UTC(2044, 1, n)),
      })
      .returning()
      .get();
    ids[name] = row.id;
  };
  for (const s of SPECIAL) await insert(s.name, s.status, s.track, s.country, s.oneLiner);
  // Enough plain ones for two pages of 25.
  for (let i = 1; i <= 26; i++) await insert(`Startup ${String(i).padStart(2, '0')}`, i % 3 === 0 ? 'draft' : 'submitted', i % 2, 'DE', `Plain ${i}`);
  organiser = await sessionCookie((await createUser('organiser-list@example.org', 'organiser')).id);
});

function list(query = '', cookie = organiser) {
  return outcome(() =>
    listRoute.loader({ request: getRequest(`/organise/${YEAR}/applications${query}`, { cookie }), params: { year: String(YEAR) }, context: context() }),
  );
}

describe('the list', () => {
  it('counts every application per status and per track, and pages by 25', async () => {
    const page = await list();
    expect(page.status).toBe(200);
    expect(page.data.total).toBe(30);
    expect(page.data.pages).toBe(2);
    expect(page.data.rows).toHaveLength(25);
    expect(page.data.counts.total).toBe(30);
    const byStatus = Object.fromEntries(page.data.counts.byStatus.map((c: { status: string; n: number }) => [c.status, c.n]));
    expect(byStatus).toMatchObject({ draft: 9, submitted: 20, withdrawn: 1, finalist: 0 });
    expect(page.data.counts.byTrack.map((c: { trackId: number | null; n: number }) => c.n)).toEqual([14, 15, 1]);
    const second = await list('?page=2');
    expect(second.data.rows).toHaveLength(5);
    expect((await list('?page=99')).data.query.page).toBe(2);
  });

  it('finds « Ça Démocratie » from "democratie", whatever the accents and case', async () => {
    for (const q of ['democratie', 'DÉMOCRATIE', 'ca dem']) {
      const page = await list(`?q=${encodeURIComponent(q)}`);
      expect(page.data.rows.map((r: { startupName: string }) => r.startupName)).toEqual(['Ça Démocratie']);
    }
    // Words of the application and the founder's name are searched too; LIKE wildcards are literal.
    expect((await list('?q=deux+lignes')).data.total).toBe(1);
    expect((await list('?q=Founder+2')).data.rows[0].startupName).toBe('Smith, Jones & Co');
    expect((await list('?q=%25')).data.total).toBe(0);
  });

  it('filters by status and by track (or no track), and sorts', async () => {
    const withdrawn = await list('?status=withdrawn');
    expect(withdrawn.data.rows.map((r: { startupName: string }) => r.startupName)).toEqual(['Zèbre Civique']);
    const noTrack = await list('?track=none');
    expect(noTrack.data.rows.map((r: { startupName: string }) => r.startupName)).toEqual(['=HYPERLINK("http://evil.example")']);
    const trackOne = await list(`?track=${tracks[1].id}&status=submitted`);
    expect(trackOne.data.rows.every((r: { trackName: string; status: string }) => r.trackName === 'Citizen participation' && r.status === 'submitted')).toBe(true);

    const byName = (await list('?sort=name')).data.rows.map((r: { startupName: string }) => r.startupName);
    expect(byName.slice(0, 2)).toEqual(['=HYPERLINK("http://evil.example")', 'Ça Démocratie']);
    const byNameDesc = (await list('?sort=name&dir=desc')).data.rows.map((r: { startupName: string }) => r.startupName);
    expect(byNameDesc[0]).toBe('Zèbre Civique');
    const bySubmitted = (await list('?sort=submitted')).data.rows;
    expect(bySubmitted[0].startupName).toBe('Startup 26');
    const byStatus = (await list('?sort=status&dir=asc')).data.rows;
    expect(byStatus[0].status).toBe('draft');
  });

  it('ignores nonsense in the address instead of failing', async () => {
    const page = await list('?status=hacked&track=1%20or%201=1&sort=drop&dir=sideways&page=-1');
    expect(page.status).toBe(200);
    expect(page.data.total).toBe(30);
  });
});

describe('one application', () => {
  it('shows everything the founder submitted and its history from the audit log', async () => {
    const founder = await createUser('detail-founder@example.org', 'founder', 'Nadia Benali');
    const db = getDb();
    saveSection({ founderId: founder.id, edition, section: 'startup', raw: { startupName: 'Détail', country: 'MA', website: 'detail.example', trackId: String(tracks[0].id) }, revision: 0 });
    for (const [section, raw, revision] of [
      ['pitch', { oneLiner: 'One', problem: 'Problem', solution: 'Solution', videoUrl: '' }, 1],
      ['impact', { impact: 'Impact' }, 2],
      ['business', { businessModel: 'Model', traction: 'Traction' }, 3],
      ['team', { team: 'Team' }, 4],
    ] as const) {
      expect(saveSection({ founderId: founder.id, edition, section, raw, revision })).toMatchObject({ ok: true });
    }
    const app = db.select().from(schema.applications).all().find((a) => a.founderId === founder.id)!;
    const file = db.insert(schema.files).values({ kind: 'deck', sha256: 'b'.repeat(64), mimeType: 'application/pdf', sizeBytes: 2048, originalName: 'detail.pdf', uploadedBy: founder.id }).returning().get();
    db.update(schema.applications).set({ deckFileId: file.id }).where(eq(schema.applications.id, app.id)).run();
    expect(submitApplication({ founderId: founder.id, edition, revision: 5 })).toEqual({ ok: true });
    saveSection({ founderId: founder.id, edition, section: 'team', raw: { team: 'Team, bigger' }, revision: 6 });

    const page = await outcome(() =>
      detailRoute.loader({ request: getRequest(`/organise/${YEAR}/applications/${app.id}`, { cookie: organiser }), params: { year: String(YEAR), applicationId: String(app.id) }, context: context() }),
    );
    expect(page.status).toBe(200);
    expect(page.data.application).toMatchObject({ startupName: 'Détail', status: 'submitted', founderName: 'Nadia Benali', founderEmail: 'detail-founder@example.org' });
    expect(page.data.answers).toMatchObject({ countryName: 'Morocco', website: 'https://detail.example', trackName: 'Transparency', team: 'Team, bigger', deck: { originalName: 'detail.pdf' } });
    expect(page.data.history).toMatchObject([
      { action: 'application.update', actorName: 'Nadia Benali', before: { team: 'Team' }, after: { team: 'Team, bigger' } },
      { action: 'application.status', before: { status: 'draft' }, after: { status: 'submitted' } },
    ]);
  });

  it('is a 404 for an application of another edition or no application at all', async () => {
    const other = createOpenEdition(2045).edition;
    const stranger = await createUser('elsewhere@example.org', 'founder');
    const foreign = getDb().insert(schema.applications).values({ editionId: other.id, founderId: stranger.id, updatedAt: new Date() }).returning().get();
    for (const id of [String(foreign.id), '999999', 'abc']) {
      const result = await outcome(() =>
        detailRoute.loader({ request: getRequest(`/organise/${YEAR}/applications/${id}`, { cookie: organiser }), params: { year: String(YEAR), id }, context: context() }),
      );
      expect(result.status).toBe(404);
    }
  });
});

describe('the CSV export', () => {
  async function csv(query: string, headers: Record<string, string> = {}) {
    const response = (await csvRoute.loader({
      request: getRequest(`/organise/${YEAR}/applications.csv${query}`, { cookie: organiser, headers }),
      params: { year: String(YEAR) },
      context: context(),
    })) as Response;
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  it('exports the filtered list as UTF-8 with BOM that reads back exactly, in French with semicolons', async () => {
    const { response, bytes } = await csv('?status=submitted&sort=name', { 'Accept-Language': 'fr-FR' });
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="applications-${YEAR}-submitted.csv"`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1), ';');
    expect(header.slice(0, 4)).toEqual(['Identifiant', 'Nom de la startup', 'Statut', 'Catégorie']);
    expect(rows).toHaveLength((await list('?status=submitted')).data.total);
    const democratie = rows.find((r) => r[0] === String(ids['Ça Démocratie']))!;
    expect(democratie[1]).toBe('Ça Démocratie');
    expect(democratie[2]).toBe('Déposée');
    expect(democratie[7]).toBe('Budgets; comptes, et "débats"\nsur deux lignes');
    const smith = rows.find((r) => r[0] === String(ids['Smith, Jones & Co']))!;
    expect(smith[1]).toBe('Smith, Jones & Co');
    expect(smith[5]).toBe('Royaume-Uni');
  });

  it('uses commas in English, and neutralises formulas', async () => {
    const { bytes } = await csv('?track=none', { 'Accept-Language': 'en-GB' });
    const [header, row] = parseCsv(bytes.toString('utf8').slice(1), ',');
    expect(header[1]).toBe('Startup name');
    expect(row[1]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(row[7]).toBe(`'@risk`);
  });

  it('is for organisers only', async () => {
    const founder = await sessionCookie((await createUser('csv-founder@example.org', 'founder')).id);
    const refused = await outcome(() =>
      csvRoute.loader({ request: getRequest(`/organise/${YEAR}/applications.csv`, { cookie: founder }), params: { year: String(YEAR) }, context: context() }),
    );
    expect(refused.status).toBe(403);
  });
});
