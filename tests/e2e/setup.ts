/**
 * Per e2e test file, before anything opens the database: waits until its worker's server is up
 * (tests/e2e/global-setup.ts starts one per worker, in the background), then this process uses
 * that server — its address, database and the session secret — so that fixtures add their data
 * and start sessions in process, the way the server itself would, instead of in `npx tsx` child
 * processes. Two files running at once are in two workers, so on two servers and two databases.
 */
import fs from 'node:fs';
import { afterAll, inject } from 'vitest';
import { closeDb } from '../../db/client';

/** How long a file waits for global-setup.ts's background work (the seed and the servers' start). */
const READY_TIMEOUT_MS = 180_000;

const servers = inject('e2eServers');
// VITEST_POOL_ID is 1…maxWorkers, and no two files running at the same time share one.
const server = servers[(Number(process.env.VITEST_POOL_ID ?? '1') - 1) % servers.length];

// The server is up once global-setup.ts wrote its ready file; it writes the failure file instead
// if the setup failed, and then every e2e file fails with its message.
const failureFile = inject('e2eSetupFailure');
for (const deadline = Date.now() + READY_TIMEOUT_MS; !fs.existsSync(server.readyFile); ) {
  if (fs.existsSync(failureFile)) throw new Error(fs.readFileSync(failureFile, 'utf8'));
  if (Date.now() > deadline) throw new Error(`e2e setup: the server ${server.baseURL} was not up within ${READY_TIMEOUT_MS / 1000} s`);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
process.env.E2E_BASE_URL = server.baseURL;
process.env.DATABASE_PATH = server.databasePath;
process.env.UPLOADS_DIR = server.uploadsDir;
process.env.SESSION_SECRET = inject('sessionSecret');
process.env.LOG_LEVEL ??= 'warn';

afterAll(() => closeDb());
