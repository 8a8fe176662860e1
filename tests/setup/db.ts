/**
 * Per test file: a fresh copy of the migrated template, at DATABASE_PATH, before
 * any module opens the database. Closed and removed after the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { closeDb } from '../../db/client';

const template = inject('templateDatabase');
const file = path.join(path.dirname(template), `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
fs.copyFileSync(template, file);
process.env.DATABASE_PATH = file;
process.env.LOG_LEVEL ??= 'warn';
process.env.UPLOADS_DIR = path.join(path.dirname(file), `uploads-${path.basename(file, '.db')}`);

afterAll(() => {
  closeDb();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(process.env.UPLOADS_DIR!, { recursive: true, force: true });
});
