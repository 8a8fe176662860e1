/**
 * Durability of the built server as a real process (issue 11, proofs 3 and 4), on a database of
 * its own (not the shared e2e server's): a live final (tests/fixtures/stage.ts) with scoring and
 * the vote open on stage for Civix.
 *
 * - Crash: judges save their final sheet and the audience votes for about a second and a half,
 *   then the server is killed with SIGKILL mid-load and started again. Every save and vote whose
 *   2xx/3xx answer reached the client is in the database, `PRAGMA integrity_check` is ok, and the
 *   audit log holds, for every scoresheet, the state the sheet is in.
 * - Backups: a backup (db/backup.ts, what `npm run db:backup` runs) taken while saves are running
 *   gives a file that passes its integrity check and is consistent with its audit log;
 *   `npm run db:restore` refuses while the server runs and, once it is stopped, the restore gives
 *   back the backup's counts.
 */
import crypto, { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../db/backup';
import { restoreDatabase } from '../../db/restore';
import { closeDb, getDb, runMigrations } from '~/utils/db.server';
import { buildFinalWorld, type FinalWorld } from '../fixtures/stage';
import { freePort, readDatabase, ROOT, runTsx, startServerProcess, type ServerProcess } from './server-process';

const LOAD_MS = 1_500;
const YEAR = 2041;

const dir = path.join(ROOT, 'tests', '.tmp', `durability-${process.pid}`);
const databasePath = path.join(dir, 'palmares.db');
const secret = crypto.randomBytes(32).toString('hex');
let port = 0;
let base = '';
let server: ServerProcess | null = null;
let world: FinalWorld;
let criteria: { id: number }[] = [];
let cookies: string[] = [];
// This file's fixtures work on its own database, not on its worker's e2e server's
// (tests/e2e/setup.ts set DATABASE_PATH to that one; nothing has opened it yet).
process.env.DATABASE_PATH = databasePath;

async function startServer(): Promise<void> {
  server = await startServerProcess({ port, databasePath, uploadsDir: path.join(dir, 'uploads'), sessionSecret: secret, logLevel: 'error' });
}

async function stopServer(signal: NodeJS.Signals): Promise<void> {
  await server?.stop(signal);
  server = null;
}

function post(pathname: string, fields: Record<string, string>, cookie = ''): Promise<Response> {
  return fetch(base + pathname, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(10_000),
  });
}

async function login(email: string): Promise<string> {
  const response = await post('/login', { email, password: world.password, redirectTo: '' });
  expect(response.status, `login of ${email}`).toBe(302);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0];
}

/** Sheets whose last audit event is not their current state (revision and overall comment). */
function sheetsOffTheirAudit(db: Database.Database): number[] {
  const sheets = db.prepare('select id, revision, overall_comment from scoresheets').all() as { id: number; revision: number; overall_comment: string }[];
  const last = db.prepare("select after from audit_events where entity_type = 'scoresheet' and entity_id = ? order by id desc limit 1");
  return sheets
    .filter((sheet) => {
      const event = last.get(String(sheet.id)) as { after: string } | undefined;
      if (!event) return false; // written by the fixture, never saved through the app
      const after = JSON.parse(event.after) as { revision: number; overallComment: string };
      return after.revision !== sheet.revision || after.overallComment !== sheet.overall_comment;
    })
    .map((sheet) => sheet.id);
}

const readDb = <T>(read: (db: Database.Database) => T): T => readDatabase(databasePath, read);

interface Acknowledged {
  sheets: { judgeId: number; revision: number; comment: string }[];
  voters: string[];
  /** Why a client stopped before the end (a failure to explain when nothing was acknowledged). */
  errors: string[];
}

/**
 * Saves and votes until `stop` resolves: each judge saves their Civix sheet again and again
 * (each save on the revision the last one answered), a few voters vote. Only the writes whose
 * 2xx/3xx answer arrived are recorded.
 */
async function load(stop: Promise<void>, acknowledged: Acknowledged = { sheets: [], voters: [], errors: [] }): Promise<Acknowledged> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const sheetPath = `/judge/${YEAR}/rounds/${world.finalRoundId}/${world.apps.Civix}`;
  const judges = world.judges.map(async (judge, j) => {
    let revision = readDb(
      (db) =>
        (db
          .prepare('select revision from scoresheets where round_id = ? and judge_id = ? and application_id = ?')
          .get(world.finalRoundId, judge.id, world.apps.Civix) as { revision: number } | undefined)?.revision ?? 0,
    );
    while (!stopped) {
      const comment = `save ${randomUUID()}`;
      const fields: Record<string, string> = { intent: 'save', idempotencyKey: randomUUID(), revision: String(revision), overallComment: comment };
      criteria.forEach((c, i) => (fields[`score-${c.id}`] = String(((revision + i) % 5) + 1)));
      try {
        const response = await post(sheetPath, fields, cookies[j]);
        await response.arrayBuffer();
        if (response.status >= 200 && response.status < 400) {
          revision += 1;
          acknowledged.sheets.push({ judgeId: judge.id, revision, comment });
        } else {
          throw new Error(`save answered ${response.status}`);
        }
      } catch (error) {
        acknowledged.errors.push(error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error));
        return; // the server went away mid-request, or refused: the checks below say which
      }
    }
  });
  const voters = Array.from({ length: 3 }, async () => {
    while (!stopped) {
      try {
        const response = await post(`/vote/${YEAR}`, { intent: 'vote', applicationId: String(world.apps.Civix) });
        await response.arrayBuffer();
        const voter = /palmares_voter=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
        if (response.status >= 200 && response.status < 400 && voter) acknowledged.voters.push(voter);
        if (response.status === 429) await new Promise((resolve) => setTimeout(resolve, 50));
      } catch {
        return;
      }
    }
  });
  await Promise.all([...judges, ...voters]);
  return acknowledged;
}

beforeAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'build', 'index.js'))) throw new Error('no build: run `npx remix build` first');
  // Migrated and filled in this process (this file's own database: see DATABASE_PATH above), then
  // closed before the server opens it.
  runMigrations(getDb());
  world = await buildFinalWorld(YEAR);
  closeDb();
  // Civix on stage, scoring and the vote open, as the stage control leaves them (without the
  // presence check: this test is about durability, tests/integration/vote.test.ts about the code).
  const db = new Database(databasePath);
  const order = JSON.stringify(Object.values(world.apps));
  db.prepare(
    `insert into stage_states (edition_id, running_order, current_application_id, scoring_open, vote_open, vote_presence_check, version, updated_at)
     values (?, ?, ?, 1, 1, 0, 1, ?)
     on conflict(edition_id) do update set current_application_id = excluded.current_application_id, scoring_open = 1, vote_open = 1, vote_presence_check = 0`,
  ).run(world.editionId, order, world.apps.Civix, Date.now());
  criteria = db.prepare('select id from criteria where edition_id = ? order by position').all(world.editionId) as { id: number }[];
  db.close();
  port = await freePort();
  base = `http://localhost:${port}`;
  await startServer();
  cookies = [];
  for (const judge of world.judges) cookies.push(await login(judge.email));
}, 120_000);

/**
 * Starts `load` and resolves once it is under way: more than three saves acknowledged (however slow
 * the machine), an error, or 20 s. `stop()` ends the load and answers what was acknowledged.
 */
async function underLoad(): Promise<{ stop: () => Promise<Acknowledged> }> {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const live: Acknowledged = { sheets: [], voters: [], errors: [] };
  const running = load(ended, live);
  const deadline = Date.now() + 20_000;
  while (live.sheets.length <= 3 && live.errors.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    stop() {
      end();
      return running;
    },
  };
}

afterAll(async () => {
  await stopServer('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a crash in the middle of the final', () => {
  it('loses no acknowledged save or vote; the database is whole and the audit log matches the sheets', async () => {
    // Under load for a moment (more than three saves in, however slow the machine, then LOAD_MS more), then killed.
    const running = await underLoad();
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    await stopServer('SIGKILL');
    const acknowledged = await running.stop();
    expect(acknowledged.sheets.length, `saves acknowledged before the crash (${acknowledged.errors.join('; ')})`).toBeGreaterThan(3);

    await startServer();
    expect(readDb((db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');

    // Every acknowledged save is there: the sheet is at that revision or later, and the audit
    // event of that revision holds what was saved.
    const audit = readDb((db) =>
      db
        .prepare("select entity_id, action, after from audit_events where entity_type = 'scoresheet' order by id")
        .all() as { entity_id: string; action: string; after: string }[],
    );
    const sheets = readDb(
      (db) =>
        db.prepare('select id, judge_id, application_id, revision, overall_comment from scoresheets where round_id = ?').all(world.finalRoundId) as {
          id: number;
          judge_id: number;
          application_id: number;
          revision: number;
          overall_comment: string;
        }[],
    );
    for (const save of acknowledged.sheets) {
      const sheet = sheets.find((s) => s.judge_id === save.judgeId && s.application_id === world.apps.Civix)!;
      expect(sheet.revision).toBeGreaterThanOrEqual(save.revision);
      const event = audit.find((e) => Number(e.entity_id) === sheet.id && JSON.parse(e.after).revision === save.revision);
      expect(event, `audit event of revision ${save.revision} of sheet ${sheet.id}`).toBeDefined();
      expect(JSON.parse(event!.after).overallComment).toBe(save.comment);
    }
    // The audit log matches the sheets: the last event of each changed sheet is its current state.
    expect(readDb(sheetsOffTheirAudit)).toEqual([]);
    // Every acknowledged vote is there.
    const { voterKey } = await import('~/utils/votes.server');
    const voterKeys = new Set(readDb((db) => (db.prepare('select voter_id from votes where edition_id = ?').all(world.editionId) as { voter_id: string }[]).map((v) => v.voter_id)));
    for (const voter of acknowledged.voters) expect(voterKeys.has(voterKey(voter)) || voterKeys.has(voter)).toBe(true);
  }, 90_000);
});

describe('backups', () => {
  it('a backup taken while judges save is whole; restore refuses while the server runs and restores it once stopped', async () => {
    const backupFile = path.join(dir, 'backup.db');
    const running = await underLoad();
    // The same function `npm run db:backup` runs, from another connection than the server's.
    await backupDatabase(databasePath, backupFile);
    const acknowledged = await running.stop();
    expect(acknowledged.sheets.length, acknowledged.errors.join('; ')).toBeGreaterThan(0);
    expect(acknowledged.errors).toEqual([]);

    const counts = (file: string) =>
      readDatabase(file, (db) => ({
        check: db.pragma('integrity_check', { simple: true }),
        offAudit: sheetsOffTheirAudit(db),
        sheets: (db.prepare('select count(*) as n from scoresheets').get() as { n: number }).n,
        audit: (db.prepare('select count(*) as n from audit_events').get() as { n: number }).n,
        revisions: (db.prepare('select sum(revision) as n from scoresheets').get() as { n: number }).n,
      }));
    const backedUp = counts(backupFile);
    expect(backedUp.check).toBe('ok');
    // A consistent snapshot: each sheet it holds is in the state its last audit event says.
    expect(backedUp.offAudit).toEqual([]);
    const now = readDb((db) => ({
      audit: (db.prepare('select count(*) as n from audit_events').get() as { n: number }).n,
      revisions: (db.prepare('select sum(revision) as n from scoresheets').get() as { n: number }).n,
    }));
    expect(backedUp.audit).toBeLessThanOrEqual(now.audit);
    expect(backedUp.revisions).toBeLessThanOrEqual(now.revisions);

    const refused = runTsx(['db/restore.ts', backupFile], databasePath);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/server running/);

    await stopServer('SIGTERM');
    restoreDatabase(backupFile, databasePath);
    expect(counts(databasePath)).toEqual(backedUp);
    expect(fs.readdirSync(dir).some((name) => name.startsWith('palmares.db.before-restore-'))).toBe(true);
    await startServer();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 90_000);
});
