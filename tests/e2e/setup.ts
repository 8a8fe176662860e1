/**
 * Per e2e test file, before anything opens the database: this process uses its worker's server
 * (tests/e2e/global-setup.ts starts one per worker) — its address, database and the session
 * secret — so that fixtures add their data and start sessions in process, the way the server
 * itself would, instead of in `npx tsx` child processes. Two files running at once are in two
 * workers, so on two servers and two databases.
 */
import { afterAll, inject } from 'vitest';
import { closeDb } from '../../db/client';

const servers = inject('e2eServers');
// VITEST_POOL_ID is 1…maxWorkers, and no two files running at the same time share one.
const server = servers[(Number(process.env.VITEST_POOL_ID ?? '1') - 1) % servers.length];
process.env.E2E_BASE_URL = server.baseURL;
process.env.DATABASE_PATH = server.databasePath;
process.env.UPLOADS_DIR = server.uploadsDir;
process.env.SESSION_SECRET = inject('sessionSecret');
process.env.LOG_LEVEL ??= 'warn';

afterAll(() => closeDb());
