/**
 * `npm run db:restore -- FILE`: replaces DATABASE_PATH with the backup FILE. Refuses while the
 * server (or any other process) has the database open: it asks SQLite to leave WAL mode, which
 * SQLite only grants to the one connection of the file, so a running server makes it fail with
 * "database is locked". The backup must pass `PRAGMA integrity_check` first. The database it
 * replaces is kept beside it as `<name>.before-restore-<time>`: a restore never loses anything.
 * Exit status 1 on refusal or failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { integrityOf, tableCounts } from './backup';
import { databasePath } from './client';

export class RestoreRefused extends Error {}

/** Throws RestoreRefused when another connection has the file open. Leaves it in rollback-journal mode. */
function takeOver(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    try {
      db.pragma('journal_mode = DELETE');
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new RestoreRefused(`${file} is open in another process (is the server running?): stop it, then restore.`);
      }
      throw error;
    }
  } finally {
    db.close();
  }
}

export function restoreDatabase(backup: string, target: string, now = new Date()): { counts: Record<string, number>; keptAs: string | null } {
  if (!fs.existsSync(backup)) throw new RestoreRefused(`no backup at ${backup}`);
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const check = integrityOf(source);
    if (check !== 'ok') throw new RestoreRefused(`${backup} fails its integrity check: ${check}`);
    if (!source.prepare("select 1 from sqlite_master where type = 'table' and name = 'editions'").get()) {
      throw new RestoreRefused(`${backup} is not a Palmarès database`);
    }
  } finally {
    source.close();
  }
  let keptAs: string | null = null;
  if (fs.existsSync(target)) {
    takeOver(target);
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, keptAs);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(backup, `${target}.restoring`);
  fs.renameSync(`${target}.restoring`, target);
  const restored = new Database(target, { fileMustExist: true });
  try {
    const check = integrityOf(restored);
    if (check !== 'ok') throw new Error(`the restored database fails its integrity check: ${check}`);
    return { counts: tableCounts(restored), keptAs };
  } finally {
    restored.close();
  }
}

function main(): void {
  const backup = process.argv[2];
  if (!backup) {
    console.error('usage: npm run db:restore -- FILE');
    process.exit(2);
  }
  const target = databasePath();
  const { counts, keptAs } = restoreDatabase(path.resolve(backup), target);
  console.log(`Restored ${target} from ${path.resolve(backup)}, integrity ok.`);
  if (keptAs) console.log(`The database it replaced is kept as ${keptAs}.`);
  console.log(Object.entries(counts).map(([t, n]) => `  ${t}: ${n}`).join('\n'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    main();
  } catch (error) {
    console.error(`Restore ${error instanceof RestoreRefused ? 'refused' : 'failed'}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
