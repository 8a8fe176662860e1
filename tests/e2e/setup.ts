/**
 * Per e2e test file, before anything opens the database: this process uses the server's database
 * and session secret (tests/e2e/global-setup.ts), so that fixtures add their data and start
 * sessions in process, the way the server itself would, instead of in `npx tsx` child processes.
 */
import { afterAll, inject } from 'vitest';
import { closeDb } from '../../db/client';

process.env.DATABASE_PATH = inject('databasePath');
process.env.UPLOADS_DIR = inject('uploadsDir');
process.env.SESSION_SECRET = inject('sessionSecret');
process.env.LOG_LEVEL ??= 'warn';

afterAll(() => closeDb());
