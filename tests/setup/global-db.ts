/**
 * Builds one migrated database for the whole integration run (Epic Stack ADR 038);
 * each test file then works on its own copy (tests/setup/db.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, runMigrations } from '../../db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default function setup(project: TestProject) {
  const dir = path.resolve('tests/.tmp', `integration-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const template = path.join(dir, 'template.db');
  const db = openDatabase(template);
  runMigrations(db);
  // One file, no WAL beside it, so a plain copy is a complete database.
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.pragma('journal_mode = DELETE');
  db.$client.close();
  project.provide('templateDatabase', template);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
