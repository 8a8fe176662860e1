/**
 * The one database client: opened once per process, reused by every request.
 * `DATABASE_PATH` is read when the database is first used, so tests can point
 * each test file at its own copy before anything touches it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = './data/palmares.db';

/** Resolved from the working directory: the compiler bundles this file into build/. */
export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'migrations');

let current: { db: Db; file: string } | null = null;

export function databasePath(): string {
  return path.resolve(process.cwd(), process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** Opens a database file with the pragmas every connection of Palmarès uses. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return drizzle(sqlite, { schema }) as Db;
}

/** The process-wide database, opened on first use. */
export function getDb(): Db {
  if (!current) {
    const file = databasePath();
    current = { db: openDatabase(file), file };
  }
  return current.db;
}

/** Applies every migration in migrations/ that is not yet applied; a no-op when up to date. */
export function runMigrations(db: Db = getDb()): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** Closes the process-wide database (graceful shutdown, end of a test file). */
export function closeDb(): void {
  if (current) {
    current.db.$client.close();
    current = null;
  }
}
