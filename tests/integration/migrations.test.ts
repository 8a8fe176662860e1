import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, type Db } from '../../db/client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-migrations-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function structure(db: Db) {
  return db.$client
    .prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by type, name")
    .all();
}

describe('migrations', () => {
  it('create every table of the domain in an empty file, and applying them again changes nothing', () => {
    const file = path.join(dir, 'fresh.db');
    expect(fs.existsSync(file)).toBe(false);
    const db = openDatabase(file);
    runMigrations(db);
    const tables = db.$client
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual([
      'applications',
      'assignments',
      'audit_events',
      'auth_attempts',
      'awards',
      'conflicts',
      'criteria',
      'edition_judges',
      'editions',
      'files',
      'invitations',
      'mail_outbox',
      'password_resets',
      'rounds',
      'scores',
      'scoresheet_saves',
      'scoresheets',
      'sessions',
      'stage_states',
      'startups',
      'tracks',
      'users',
      'votes',
    ]);
    const before = structure(db);
    const applied = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    runMigrations(db);
    expect(structure(db)).toEqual(before);
    expect(db.$client.prepare('select count(*) as n from __drizzle_migrations').get()).toEqual(applied);
    db.$client.close();
  });

  it('open the database with WAL, NORMAL sync, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(dir, 'pragmas.db'));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.$client.close();
  });
});

describe('rules the database holds', () => {
  const db = openDatabase(path.join(dir, 'rules.db'));
  runMigrations(db);
  const run = (sql: string) => () => db.$client.exec(sql);
  db.$client.exec(`
    insert into users (email, name, password_hash, role) values ('o@example.org', 'O', 'locked', 'organiser');
    insert into editions (year, name, city, starts_on, ends_on, applications_open_at, applications_close_at, status)
      values (2030, 'E', 'Paris', '2030-11-10', '2030-11-11', 1, 2, 'open');
  `);

  it('refuses a criterion with a weight of zero or a scale whose low end is not below its high end', () => {
    expect(run("insert into criteria (edition_id, name_fr, name_en, weight, scale_min, scale_max) values (1, 'a', 'a', 0, 1, 10)")).toThrow(/CHECK/);
    expect(run("insert into criteria (edition_id, name_fr, name_en, weight, scale_min, scale_max) values (1, 'a', 'a', 1, 5, 5)")).toThrow(/CHECK/);
    expect(run("insert into criteria (edition_id, name_fr, name_en, weight, scale_min, scale_max) values (1, 'a', 'a', 2, 1, 10)")).not.toThrow();
  });

  it('refuses statuses outside the domain and rows pointing nowhere', () => {
    expect(run("update editions set status = 'archived'")).toThrow(/CHECK/);
    expect(run("insert into users (email, name, password_hash, role) values ('x@example.org', 'X', 'locked', 'admin')")).toThrow(/CHECK/);
    expect(run("insert into tracks (edition_id, slug, name_fr, name_en) values (999, 't', 't', 't')")).toThrow(/FOREIGN KEY/);
    expect(run("insert into users (email, name, password_hash) values ('Upper@Example.org', 'U', 'locked')")).toThrow(/CHECK/);
  });

  it('keeps the audit log append-only whatever the SQL', () => {
    db.$client.exec("insert into audit_events (at, action, entity_type, entity_id) values (1, 'edition.create', 'edition', '1')");
    expect(run("update audit_events set action = 'x'")).toThrow(/append-only/);
    expect(run('delete from audit_events')).toThrow(/append-only/);
    expect(db.$client.prepare('select action from audit_events').all()).toEqual([{ action: 'edition.create' }]);
  });

  afterAll(() => db.$client.close());
});
