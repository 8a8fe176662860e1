/**
 * The demo seed (db/seed-demo.ts): deterministic, refuses a database that is not empty, and
 * tells a story the rest of the app can trust — counts as the brief asks, judges only on
 * what they were assigned, winners that are what the published method says.
 *
 * Uses its own database files in the OS temp directory, not the per-file test database.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rankRound, type RankingSheet, type RankingMethod } from '~/domain/ranking';
import { verifyPassword } from '~/utils/password.server';
import { openDatabase, runMigrations, type Db } from '../../db/client';
import { isDatabaseEmpty, seedDemo, type SeedReport } from '../../db/seed-demo';
import { DEMO_PASSWORD } from '../../db/seed-data/people';

const NOW = new Date('2026-03-02T09:30:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const SEED_TIMEOUT = 120_000;

type Row = Record<string, unknown>;

/** The first seed hashes for real; the others reuse one of its hashes, to spare ~14 scrypt runs each. */
let realHash = '';
const reuseHash = async () => realHash;

let dir: string;
const opened: Db[] = [];
let db: Db;
let report: SeedReport;

function freshDb(name: string): Db {
  const handle = openDatabase(path.join(dir, name));
  runMigrations(handle);
  opened.push(handle);
  return handle;
}

function all<T = Row>(handle: Db, sql: string, ...params: unknown[]): T[] {
  return handle.$client.prepare(sql).all(...params) as T[];
}

function one<T = Row>(handle: Db, sql: string, ...params: unknown[]): T {
  return handle.$client.prepare(sql).get(...params) as T;
}

function tableNames(handle: Db): string[] {
  return all<{ name: string }>(
    handle,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
  ).map((r) => r.name);
}

/** Every row of every table, in a fixed order; `users.password_hash` left out (its salt is random). */
function dump(handle: Db): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const table of tableNames(handle)) {
    const columns = all<{ name: string }>(handle, `PRAGMA table_info("${table}")`)
      .map((c) => c.name)
      .filter((c) => !(table === 'users' && c === 'password_hash'));
    const list = columns.map((c) => `"${c}"`).join(', ');
    out[table] = all(handle, `SELECT ${list} FROM "${table}" ORDER BY ${list}`);
  }
  return out;
}

function editionId(handle: Db, year: number): number {
  return one<{ id: number }>(handle, 'SELECT id FROM editions WHERE year = ?', year).id;
}

function roundOf(handle: Db, year: number, kind: 'screening' | 'final') {
  return one<{ id: number; method: RankingMethod; min_sheets: number; state: string; locked_at: number | null }>(
    handle,
    'SELECT r.* FROM rounds r JOIN editions e ON e.id = r.edition_id WHERE e.year = ? AND r.kind = ?',
    year,
    kind,
  );
}

/** The round's ranking, recomputed from what the database holds, as the results page would. */
function rankFromDatabase(handle: Db, year: number, kind: 'screening' | 'final', applicationIds: number[]) {
  const round = roundOf(handle, year, kind);
  const criteria = all<{ id: number; weight: number; scale_min: number; scale_max: number; position: number }>(
    handle,
    'SELECT * FROM criteria WHERE edition_id = ? ORDER BY position',
    editionId(handle, year),
  ).map((c) => ({ id: c.id, weight: c.weight, min: c.scale_min, max: c.scale_max, position: c.position }));
  const sheets = new Map<number, RankingSheet>();
  for (const row of all<{ id: number; judge_id: number; application_id: number; status: 'draft' | 'submitted' }>(
    handle,
    'SELECT * FROM scoresheets WHERE round_id = ?',
    round.id,
  )) {
    sheets.set(row.id, { judgeId: row.judge_id, applicationId: row.application_id, status: row.status, scores: {} });
  }
  for (const score of all<{ scoresheet_id: number; criterion_id: number; value: number | null }>(
    handle,
    'SELECT s.* FROM scores s JOIN scoresheets ss ON ss.id = s.scoresheet_id WHERE ss.round_id = ?',
    round.id,
  )) {
    sheets.get(score.scoresheet_id)!.scores[score.criterion_id] = score.value;
  }
  const conflicts = all<{ judge_id: number; application_id: number }>(
    handle,
    'SELECT c.* FROM conflicts c JOIN applications a ON a.id = c.application_id WHERE a.edition_id = ?',
    editionId(handle, year),
  ).map((c) => ({ judgeId: c.judge_id, applicationId: c.application_id }));
  const names = new Map(
    all<{ id: number; startup_name: string }>(handle, 'SELECT id, startup_name FROM applications').map((a) => [a.id, a.startup_name]),
  );
  return rankRound({
    criteria,
    method: round.method,
    minSheets: round.min_sheets,
    applications: applicationIds.map((id) => ({ id, name: names.get(id)! })),
    sheets: [...sheets.values()],
    conflicts,
  });
}

/**
 * The seal recomputed from the database alone, without the app's code: the final round's counted
 * sheets (submitted, complete, by a judge not conflicted, of a finalist), judges numbered J1…Jn by
 * id among those who submitted a sheet in the edition, in RFC 8785 form, hashed with SHA-256.
 */
function independentSeal(handle: Db, year: number): string {
  const id = editionId(handle, year);
  const round = one<{ id: number; method: string; min_sheets: number }>(
    handle,
    "SELECT * FROM rounds WHERE edition_id = ? AND kind = 'final'",
    id,
  );
  const judges = all<{ judge_id: number }>(
    handle,
    `SELECT DISTINCT ss.judge_id FROM scoresheets ss JOIN rounds r ON r.id = ss.round_id
      WHERE r.edition_id = ? AND ss.status = 'submitted' ORDER BY ss.judge_id`,
    id,
  ).map((r) => r.judge_id);
  const criteria = all<{ id: number; scale_min: number; scale_max: number }>(handle, 'SELECT * FROM criteria WHERE edition_id = ?', id);
  const sheets = all<{ id: number; judge_id: number; application_id: number }>(
    handle,
    `SELECT ss.* FROM scoresheets ss JOIN applications a ON a.id = ss.application_id
      WHERE ss.round_id = ? AND ss.status = 'submitted' AND a.status IN ('finalist', 'winner')
        AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.judge_id = ss.judge_id AND c.application_id = ss.application_id)`,
    round.id,
  );
  const counted = sheets
    .map((sheet) => {
      const values = all<{ criterion_id: number; value: number | null }>(handle, 'SELECT * FROM scores WHERE scoresheet_id = ?', sheet.id);
      const scores: Record<string, number> = {};
      for (const c of criteria) {
        const v = values.find((x) => x.criterion_id === c.id)?.value;
        if (v === null || v === undefined || v < c.scale_min || v > c.scale_max) return null;
        scores[String(c.id)] = v;
      }
      return { applicationId: sheet.application_id, judge: judges.indexOf(sheet.judge_id) + 1, scores };
    })
    .filter((s): s is NonNullable<typeof s> => s !== null)
    .sort((a, b) => a.applicationId - b.applicationId || a.judge - b.judge);
  const object = (entries: [string, string][]) =>
    `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `"${k}":${v}`)
      .join(',')}}`;
  const text = object([
    ['edition', String(year)],
    ['method', `"${round.method}"`],
    ['minSheets', String(round.min_sheets)],
    ['round', String(round.id)],
    ['version', '1'],
    [
      'sheets',
      `[${counted
        .map((s) =>
          object([
            ['applicationId', String(s.applicationId)],
            ['judge', `"J${s.judge}"`],
            ['scores', object(Object.entries(s.scores).map(([k, v]) => [k, String(v)]))],
          ]),
        )
        .join(',')}]`,
    ],
  ]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-seed-'));
  db = freshDb('first.db');
  report = await seedDemo(db, { now: NOW });
  realHash = one<{ h: string }>(db, "SELECT password_hash AS h FROM users WHERE email = 'organiser@example.org'").h;
}, SEED_TIMEOUT);

afterAll(() => {
  for (const handle of opened) handle.$client.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo seed', () => {
  it(
    'writes the same content into every table for the same `now`, and past editions whatever `now`',
    async () => {
      const second = freshDb('second.db');
      expect((await seedDemo(second, { now: NOW, hashPassword: reuseHash })).seeded).toBe(true);
      const a = dump(db);
      const b = dump(second);
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const table of Object.keys(a)) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });

      // Everything the seed is meant to fill is filled (runtime tables such as sessions stay empty).
      const filled = [
        'applications', 'assignments', 'audit_events', 'awards', 'conflicts', 'criteria', 'edition_judges',
        'editions', 'invitations', 'rounds', 'scores', 'scoresheets', 'stage_states', 'tracks', 'users', 'votes',
      ];
      expect(filled.filter((t) => !a[t] || a[t].length === 0)).toEqual([]);
      expect([a.sessions, a.auth_attempts, a.files]).toEqual([[], [], []]);

      // Another day: 2022's window moves, the published past does not.
      const later = freshDb('later.db');
      await seedDemo(later, { now: new Date(NOW.getTime() + 100 * DAY), hashPassword: reuseHash });
      const pastScores = (handle: Db) =>
        all(
          handle,
          `SELECT s.*, ss.judge_id, ss.application_id, ss.status, ss.submitted_at, ss.created_at, ss.updated_at
             FROM scores s JOIN scoresheets ss ON ss.id = s.scoresheet_id ORDER BY s.scoresheet_id, s.criterion_id`,
        );
      expect(pastScores(later)).toEqual(pastScores(db));
      expect(all(later, 'SELECT * FROM awards ORDER BY id')).toEqual(all(db, 'SELECT * FROM awards ORDER BY id'));
      expect(all(later, 'SELECT * FROM votes ORDER BY id')).toEqual(all(db, 'SELECT * FROM votes ORDER BY id'));
    },
    SEED_TIMEOUT,
  );

  it('does nothing to a database that already has an edition or a user', async () => {
    expect(report.seeded).toBe(true);
    expect(isDatabaseEmpty(db)).toBe(false);
    const before = dump(db);
    expect(await seedDemo(db, { now: NOW, hashPassword: reuseHash })).toEqual({ seeded: false, accounts: [], editions: [] });
    expect(dump(db)).toEqual(before);

    const oneUser = freshDb('one-user.db');
    expect(isDatabaseEmpty(oneUser)).toBe(true);
    oneUser.$client
      .prepare("INSERT INTO users (email, name, password_hash, role, created_at) VALUES ('someone@example.org', 'Someone', 'locked', 'founder', 0)")
      .run();
    expect(isDatabaseEmpty(oneUser)).toBe(false);
    expect((await seedDemo(oneUser, { now: NOW, hashPassword: reuseHash })).seeded).toBe(false);
    expect(one<{ n: number }>(oneUser, 'SELECT count(*) AS n FROM users').n).toBe(1);
    expect(one<{ n: number }>(oneUser, 'SELECT count(*) AS n FROM editions').n).toBe(0);
  });

  it('creates the demo accounts the CLI lists, and locked accounts for the other founders', async () => {
    expect(report.accounts).toEqual([
      { email: 'organiser@example.org', role: 'organiser' },
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ email: `judge${n}@example.org`, role: 'judge' })),
      ...[1, 2, 3, 4, 5].map((n) => ({ email: `founder${n}@example.org`, role: 'founder' })),
    ]);
    for (const account of report.accounts) {
      const user = one<{ role: string; password_hash: string }>(db, 'SELECT * FROM users WHERE email = ?', account.email);
      expect(user.role).toBe(account.role);
    }
    const judge = one<{ password_hash: string }>(db, "SELECT password_hash FROM users WHERE email = 'judge3@example.org'");
    expect(await verifyPassword(DEMO_PASSWORD, judge.password_hash)).toBe(true);
    const others = all<{ email: string; password_hash: string }>(db, "SELECT * FROM users WHERE email NOT LIKE '%@example.org'");
    expect(others.length).toBeGreaterThan(50);
    for (const user of others) {
      expect(user.email).toMatch(/^contact@[a-z0-9-]+\.example$/);
      expect(user.password_hash).toBe('locked');
    }
  });

  it('publishes 2018–2020 with judges, criteria, finalists and exactly one podium each', () => {
    expect(report.editions.map((e) => [e.year, e.status])).toEqual([
      [2018, 'published'],
      [2019, 'published'],
      [2020, 'published'],
      [2021, 'judging'],
      [2022, 'open'],
      [2023, 'final'],
    ]);
    for (const year of [2018, 2019, 2020]) {
      const id = editionId(db, year);
      const edition = one<{ status: string; published_at: number | null; city: string; time_zone: string }>(
        db,
        'SELECT * FROM editions WHERE id = ?',
        id,
      );
      expect(edition).toMatchObject({ status: 'published', city: 'Paris', time_zone: 'Europe/Paris' });
      expect(edition.published_at).not.toBeNull();
      expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM edition_judges WHERE edition_id = ?', id).n).toBe(8);
      expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM tracks WHERE edition_id = ?', id).n).toBe(4);
      const criteria = one<{ n: number }>(db, 'SELECT count(*) AS n FROM criteria WHERE edition_id = ?', id).n;
      expect(criteria).toBeGreaterThanOrEqual(5);
      expect(criteria).toBeLessThanOrEqual(6);

      const byStatus = Object.fromEntries(
        all<{ status: string; n: number }>(db, 'SELECT status, count(*) AS n FROM applications WHERE edition_id = ? GROUP BY status', id).map(
          (r) => [r.status, r.n],
        ),
      );
      const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(27);
      expect(total).toBeLessThanOrEqual(33);
      expect(report.editions.find((e) => e.year === year)!.applications).toBe(total);
      expect(byStatus.withdrawn).toBe(1);
      expect(byStatus.finalist + byStatus.winner).toBe(6);
      expect(byStatus.winner).toBeGreaterThanOrEqual(3);
      expect(Object.keys(byStatus).sort()).toEqual(['finalist', 'not_selected', 'winner', 'withdrawn']);

      const overall = all<{ place: number; status: string }>(
        db,
        "SELECT aw.place, a.status FROM awards aw JOIN applications a ON a.id = aw.application_id WHERE aw.edition_id = ? AND aw.kind = 'overall' ORDER BY aw.place",
        id,
      );
      expect(overall).toEqual([1, 2, 3].map((place) => ({ place, status: 'winner' })));
      const peoples = all<{ status: string; votes: number }>(
        db,
        `SELECT a.status, (SELECT count(*) FROM votes v WHERE v.application_id = a.id) AS votes
           FROM awards aw JOIN applications a ON a.id = aw.application_id
          WHERE aw.edition_id = ? AND aw.kind = 'peoples_choice'`,
        id,
      );
      expect(peoples).toHaveLength(1);
      expect(peoples[0].status).toBe('winner');
      const mostVotes = one<{ n: number }>(
        db,
        'SELECT max(n) AS n FROM (SELECT count(*) AS n FROM votes WHERE edition_id = ? GROUP BY application_id)',
        id,
      ).n;
      expect(peoples[0].votes).toBe(mostVotes);
      const voteCount = one<{ n: number; voters: number; off: number }>(
        db,
        `SELECT count(*) AS n, count(DISTINCT voter_id) AS voters,
                sum(a.status NOT IN ('finalist', 'winner')) AS off
           FROM votes v JOIN applications a ON a.id = v.application_id WHERE v.edition_id = ?`,
        id,
      );
      expect(voteCount.n).toBeGreaterThanOrEqual(200);
      expect(voteCount.voters).toBe(voteCount.n);
      expect(voteCount.off).toBe(0);

      // A track award goes to a finalist of that very track.
      const trackAwards = all<{ award_track: number; app_track: number; status: string }>(
        db,
        "SELECT aw.track_id AS award_track, a.track_id AS app_track, a.status FROM awards aw JOIN applications a ON a.id = aw.application_id WHERE aw.edition_id = ? AND aw.kind = 'track'",
        id,
      );
      expect(trackAwards.length).toBeGreaterThan(0);
      for (const award of trackAwards) {
        expect(award.app_track).toBe(award.award_track);
        expect(['finalist', 'winner']).toContain(award.status);
      }

      for (const kind of ['screening', 'final'] as const) {
        const round = roundOf(db, year, kind);
        expect(round.state).toBe('locked');
        expect(round.locked_at).not.toBeNull();
        expect(
          one<{ n: number }>(db, "SELECT count(*) AS n FROM scoresheets WHERE round_id = ? AND status <> 'submitted'", round.id).n,
        ).toBe(0);
      }
      // The withdrawn application was never assigned.
      expect(
        one<{ n: number }>(
          db,
          "SELECT count(*) AS n FROM assignments s JOIN applications a ON a.id = s.application_id WHERE a.edition_id = ? AND a.status = 'withdrawn'",
          id,
        ).n,
      ).toBe(0);
    }
  });

  it('leaves 2021 mid-screening (submitted, draft and missing sheets) and 2022 open around `now`', () => {
    const screening = roundOf(db, 2021, 'screening');
    const final = roundOf(db, 2021, 'final');
    expect([screening.state, final.state]).toEqual(['open', 'open']);
    const assigned = one<{ n: number }>(db, 'SELECT count(*) AS n FROM assignments WHERE round_id = ?', screening.id).n;
    const sheets = Object.fromEntries(
      all<{ status: string; n: number }>(db, 'SELECT status, count(*) AS n FROM scoresheets WHERE round_id = ? GROUP BY status', screening.id).map(
        (r) => [r.status, r.n],
      ),
    );
    const missing = assigned - sheets.submitted - sheets.draft;
    expect(sheets.submitted / assigned).toBeGreaterThan(0.45);
    expect(sheets.submitted / assigned).toBeLessThan(0.75);
    expect(sheets.draft).toBeGreaterThan(0);
    expect(missing).toBeGreaterThan(0);
    // Drafts miss at least one value; submitted sheets miss none.
    const nullsPerStatus = all<{ status: string; sheets: number; with_null: number }>(
      db,
      `SELECT status, count(*) AS sheets, sum(nulls > 0) AS with_null FROM (
         SELECT ss.status, (SELECT count(*) FROM scores s WHERE s.scoresheet_id = ss.id AND s.value IS NULL) AS nulls
           FROM scoresheets ss WHERE ss.round_id = ?) GROUP BY status ORDER BY status`,
      screening.id,
    );
    expect(nullsPerStatus).toEqual([
      { status: 'draft', sheets: sheets.draft, with_null: sheets.draft },
      { status: 'submitted', sheets: sheets.submitted, with_null: 0 },
    ]);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM assignments WHERE round_id = ?', final.id).n).toBe(0);
    const id2021 = editionId(db, 2021);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM awards WHERE edition_id = ?', id2021).n).toBe(0);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM votes WHERE edition_id = ?', id2021).n).toBe(0);
    expect(
      Object.fromEntries(
        all<{ status: string; n: number }>(db, 'SELECT status, count(*) AS n FROM applications WHERE edition_id = ? GROUP BY status', id2021).map(
          (r) => [r.status, r.n],
        ),
      ),
    ).toEqual({ draft: 2, submitted: 30, withdrawn: 1 });

    const e2022 = one<{ id: number; status: string; applications_open_at: number; applications_close_at: number }>(
      db,
      'SELECT * FROM editions WHERE year = 2022',
    );
    expect(e2022.status).toBe('open');
    expect(e2022.applications_open_at).toBe(NOW.getTime() - 30 * DAY);
    expect(e2022.applications_close_at).toBe(NOW.getTime() + 45 * DAY);
    expect(
      Object.fromEntries(
        all<{ status: string; n: number }>(db, 'SELECT status, count(*) AS n FROM applications WHERE edition_id = ? GROUP BY status', e2022.id).map(
          (r) => [r.status, r.n],
        ),
      ),
    ).toEqual({ draft: 7, submitted: 5 });
    const stamps = one<{ first: number; last: number }>(
      db,
      'SELECT min(created_at) AS first, max(updated_at) AS last FROM applications WHERE edition_id = ?',
      e2022.id,
    );
    expect(stamps.first).toBeGreaterThanOrEqual(e2022.applications_open_at);
    expect(stamps.last).toBeLessThanOrEqual(NOW.getTime());
    expect(
      all<{ email: string }>(
        db,
        'SELECT u.email FROM edition_judges j JOIN users u ON u.id = j.user_id WHERE j.edition_id = ? ORDER BY u.email',
        e2022.id,
      ).map((r) => r.email),
    ).toEqual(['judge1@example.org', 'judge2@example.org', 'judge3@example.org']);
    const pending = all<{ token_hash: string; expires_at: number; accepted_at: number | null; revoked_at: number | null }>(
      db,
      'SELECT * FROM invitations WHERE edition_id = ?',
      e2022.id,
    );
    expect(pending).toHaveLength(2);
    for (const invitation of pending) {
      expect(invitation.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(invitation.expires_at).toBe(NOW.getTime() + 14 * DAY);
      expect([invitation.accepted_at, invitation.revoked_at]).toEqual([null, null]);
    }
  });

  it('leaves 2023 ready for its live final: screening locked, finalists confirmed, judges assigned, stage idle', () => {
    const id = editionId(db, 2023);
    const edition = one<{ status: string; name: string; name_fr: string }>(db, 'SELECT * FROM editions WHERE id = ?', id);
    expect(edition).toMatchObject({ status: 'final', name: 'GovTech Summit 2023 — Pitch competition', name_fr: 'GovTech Summit 2023 — Concours de pitchs' });
    const screening = roundOf(db, 2023, 'screening');
    const final = roundOf(db, 2023, 'final');
    expect([screening.state, final.state]).toEqual(['locked', 'open']);
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM scoresheets WHERE round_id = ? AND status <> 'submitted'", screening.id).n).toBe(0);

    // The finalists are the screening's top 6, as the shortlist page suggests.
    const eligible = all<{ id: number }>(db, "SELECT id FROM applications WHERE edition_id = ? AND status <> 'withdrawn' ORDER BY id", id).map(
      (r) => r.id,
    );
    const finalists = all<{ id: number }>(db, "SELECT id FROM applications WHERE edition_id = ? AND status = 'finalist' ORDER BY id", id).map(
      (r) => r.id,
    );
    expect(finalists).toHaveLength(6);
    const screeningRanking = rankFromDatabase(db, 2023, 'screening', eligible);
    expect(screeningRanking.ranked.slice(0, 6).map((r) => r.applicationId).sort((a, b) => a - b)).toEqual(finalists);

    // Every judge of the edition scores every finalist they are not conflicted with; nothing is scored yet.
    const judges = one<{ n: number }>(db, 'SELECT count(*) AS n FROM edition_judges WHERE edition_id = ?', id).n;
    const conflicts = one<{ n: number }>(
      db,
      'SELECT count(*) AS n FROM conflicts c JOIN applications a ON a.id = c.application_id WHERE a.edition_id = ? AND a.status = ?',
      id,
      'finalist',
    ).n;
    expect(conflicts).toBeGreaterThan(0);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM assignments WHERE round_id = ?', final.id).n).toBe(judges * 6 - conflicts);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM scoresheets WHERE round_id = ?', final.id).n).toBe(0);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM awards WHERE edition_id = ?', id).n).toBe(0);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM votes WHERE edition_id = ?', id).n).toBe(0);

    // The stage: the running order holds the finalists, nothing on stage, nothing open, the vote's defaults.
    const stage = one<Row>(db, 'SELECT * FROM stage_states WHERE edition_id = ?', id);
    expect(JSON.parse(stage.running_order as string).sort((a: number, b: number) => a - b)).toEqual(finalists);
    expect(stage).toMatchObject({
      current_application_id: null,
      timer_kind: null,
      scoring_open: 0,
      vote_open: 0,
      reveal_step: 0,
      version: 0,
      vote_max_per_address: 1000,
      vote_presence_check: 1,
    });
  });

  it('has every scoresheet written by a judge assigned to it and not conflicted with it', () => {
    const unassigned = all(
      db,
      `SELECT ss.id FROM scoresheets ss
        WHERE NOT EXISTS (SELECT 1 FROM assignments a
                           WHERE a.round_id = ss.round_id AND a.judge_id = ss.judge_id AND a.application_id = ss.application_id)`,
    );
    expect(unassigned).toEqual([]);
    const conflicted = all(
      db,
      `SELECT a.id FROM assignments a JOIN conflicts c ON c.judge_id = a.judge_id AND c.application_id = a.application_id
       UNION ALL
       SELECT ss.id FROM scoresheets ss JOIN conflicts c ON c.judge_id = ss.judge_id AND c.application_id = ss.application_id`,
    );
    expect(conflicted).toEqual([]);
    // Judges are members of the edition they score, and screening gives every application 3 judges.
    const outsiders = all(
      db,
      `SELECT a.id FROM assignments a JOIN rounds r ON r.id = a.round_id
        WHERE NOT EXISTS (SELECT 1 FROM edition_judges j WHERE j.edition_id = r.edition_id AND j.user_id = a.judge_id)`,
    );
    expect(outsiders).toEqual([]);
    const perApplication = all<{ n: number }>(
      db,
      "SELECT count(*) AS n FROM assignments a JOIN rounds r ON r.id = a.round_id WHERE r.kind = 'screening' GROUP BY a.application_id",
    );
    expect(new Set(perApplication.map((r) => r.n))).toEqual(new Set([3]));
    const perSheet = all<{ n: number; criteria: number }>(
      db,
      `SELECT count(*) AS n, (SELECT count(*) FROM criteria c WHERE c.edition_id = r.edition_id) AS criteria
         FROM scores s JOIN scoresheets ss ON ss.id = s.scoresheet_id JOIN rounds r ON r.id = ss.round_id GROUP BY ss.id`,
    );
    for (const sheet of perSheet) expect(sheet.n).toBe(sheet.criteria);
  });

  it('ranks as published: finalists are the screening top 6, winners the final top 3', () => {
    for (const year of [2018, 2019, 2020]) {
      const id = editionId(db, year);
      const eligible = all<{ id: number }>(
        db,
        "SELECT id FROM applications WHERE edition_id = ? AND status <> 'withdrawn' ORDER BY id",
        id,
      ).map((r) => r.id);
      const finalists = all<{ id: number }>(
        db,
        "SELECT id FROM applications WHERE edition_id = ? AND status IN ('finalist', 'winner') ORDER BY id",
        id,
      ).map((r) => r.id);

      const screening = rankFromDatabase(db, year, 'screening', eligible);
      expect(screening.unranked).toEqual([]);
      expect(screening.ranked.slice(0, 6).map((r) => r.applicationId).sort((a, b) => a - b)).toEqual(finalists);

      const final = rankFromDatabase(db, year, 'final', finalists);
      expect(final.method).toBe(year === 2019 ? 'zscore' : 'mean');
      const podium = final.ranked.filter((r) => r.rank <= 3).map((r) => ({ application_id: r.applicationId, place: r.rank }));
      expect(podium).toHaveLength(3);
      expect(
        all(db, "SELECT application_id, place FROM awards WHERE edition_id = ? AND kind = 'overall' ORDER BY place", id),
      ).toEqual(podium);
    }
  });

  it('gives the demo founders the history their /me page shows', () => {
    const history = all<{ email: string; year: number; status: string }>(
      db,
      `SELECT u.email, e.year, a.status FROM applications a
         JOIN users u ON u.id = a.founder_id JOIN editions e ON e.id = a.edition_id
        WHERE u.email LIKE 'founder%@example.org' ORDER BY u.email, e.year`,
    );
    expect(history.map((h) => `${h.email.split('@')[0]} ${h.year} ${h.status}`)).toEqual([
      'founder1 2019 finalist',
      'founder1 2020 winner',
      'founder1 2022 draft',
      'founder2 2020 not_selected',
      'founder2 2021 submitted',
      'founder3 2021 submitted',
      'founder4 2022 submitted',
      'founder5 2018 winner',
      'founder5 2022 draft',
    ]);
  });

  it('shortlists, seals and publishes 2018–2020 through the organiser\'s code path, with a seal the sheets recompute', () => {
    for (const year of [2018, 2019, 2020]) {
      const id = editionId(db, year);
      const events = all<{ action: string; at: number; entity_id: string; before: string | null; after: string; reason: string | null }>(
        db,
        "SELECT * FROM audit_events WHERE edition_id = ? AND action IN ('shortlist.confirm', 'round.seal', 'edition.publish', 'edition.status') ORDER BY id",
        id,
      );
      expect(events.map((e) => e.action)).toEqual(['edition.status', 'edition.status', 'shortlist.confirm', 'edition.status', 'round.seal', 'edition.publish']);
      const [shortlist, , seal, publish] = events.slice(2);
      const finalists = all<{ id: number }>(db, "SELECT id FROM applications WHERE edition_id = ? AND status IN ('finalist', 'winner') ORDER BY id", id).map((r) => r.id);
      expect(JSON.parse(shortlist.after)).toMatchObject({ mode: 'overall', n: 6, finalists, added: [], dropped: [] });
      expect(shortlist.reason).toBeNull();
      expect(JSON.parse(events[3].after)).toEqual({ status: 'final' });

      const final = roundOf(db, year, 'final');
      const stored = one<{ seal_hash: string; sealed_at: number; locked_at: number }>(db, 'SELECT * FROM rounds WHERE id = ?', final.id);
      expect(stored.seal_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.sealed_at).toBeGreaterThan(stored.locked_at);
      expect(JSON.parse(seal.after)).toMatchObject({ sealHash: stored.seal_hash });
      expect(JSON.parse(publish.after)).toMatchObject({ status: 'published', seal: stored.seal_hash });
      expect(one<{ published_at: number }>(db, 'SELECT published_at FROM editions WHERE id = ?', id).published_at).toBeGreaterThan(stored.sealed_at);
      expect(independentSeal(db, year)).toBe(stored.seal_hash);
    }
  });

  it('records the status changes and locks in the audit log, in time order', () => {
    const actions = Object.fromEntries(
      all<{ action: string; n: number }>(db, 'SELECT action, count(*) AS n FROM audit_events GROUP BY action').map((r) => [r.action, r.n]),
    );
    // Both rounds of 2018–2020, and 2023's screening; 2023 is shortlisted but not sealed.
    expect(actions['round.lock']).toBe(7);
    expect(actions['shortlist.confirm']).toBe(4);
    expect(actions['round.seal']).toBe(3);
    expect(actions['edition.publish']).toBe(3);
    expect(actions['application.status']).toBeGreaterThan(90);
    const scoresheets = one<{ n: number }>(db, 'SELECT count(*) AS n FROM scoresheets').n;
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM audit_events').n).toBeLessThan(scoresheets);
    const times = all<{ at: number }>(db, 'SELECT at FROM audit_events ORDER BY id').map((r) => r.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
