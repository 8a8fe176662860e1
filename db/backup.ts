/**
 * `npm run db:backup -- FILE`: an online backup of DATABASE_PATH into FILE, with SQLite's backup
 * API (better-sqlite3 `backup()`): safe while the server is running and writing, which it only
 * slows down for a moment. The copy is written beside FILE first and renamed over it once it
 * passed `PRAGMA integrity_check`, so FILE is always either the previous backup or a whole new one.
 * The copy is a single self-contained file (rollback journal, not WAL). Exit status 1 on failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from './client';

export const COUNTED_TABLES = ['editions', 'users', 'applications', 'scoresheets', 'scores', 'votes', 'audit_events'] as const;

/** Row counts of the tables an organiser would check after a restore. */
export function tableCounts(db: Database.Database): Record<string, number> {
  return Object.fromEntries(COUNTED_TABLES.map((t) => [t, (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));
}

export function integrityOf(db: Database.Database): string {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
}

export async function backupDatabase(source: string, target: string): Promise<{ counts: Record<string, number>; bytes: number }> {
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
  const partial = `${target}.partial`;
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    await db.backup(partial);
  } finally {
    db.close();
  }
  const copy = new Database(partial);
  let counts: Record<string, number>;
  try {
    copy.pragma('journal_mode = DELETE');
    const check = integrityOf(copy);
    if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${check}`);
    counts = tableCounts(copy);
  } finally {
    copy.close();
  }
  fs.renameSync(partial, target);
  return { counts, bytes: fs.statSync(target).size };
}

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run db:backup -- FILE');
    process.exit(2);
  }
  const source = databasePath();
  const started = performance.now();
  const { counts, bytes } = await backupDatabase(source, target);
  const ms = Math.round(performance.now() - started);
  console.log(`Backup of ${source} written to ${path.resolve(target)} (${bytes} bytes, ${ms} ms), integrity ok.`);
  console.log(Object.entries(counts).map(([t, n]) => `  ${t}: ${n}`).join('\n'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
