/**
 * Global setup of the `e2e` project: a fresh SQLite file in a temporary directory, migrated and
 * seeded with the demo once (in this process), then one copy of it per vitest worker, each served
 * by its own *built* production server (`node server.js`) on a free port. End-to-end files run two
 * at a time (vitest.config.ts, `maxWorkers`), each worker on its own server and database, so that
 * two files never share data, the way they never did when they ran one after the other
 * (docs/decisions/046-test-suite-under-five-minutes.md). tests/e2e/setup.ts points each test file
 * at its worker's server, database and session secret, so that fixtures can add data and start
 * sessions in process; tests read the address with `baseURL()` (tests/e2e/fixtures.ts).
 *
 * The work itself (the build's snapshot, the seed, the servers' start: several seconds) runs in the
 * background: this setup provides the servers' addresses at once, so that the other projects'
 * files start meanwhile instead of waiting for it, and tests/e2e/setup.ts waits, in each e2e file,
 * until its server is up (a file per server written here once it answers /healthz) or the setup
 * failed (a file holding why, which each e2e file then fails with).
 *
 * The build must exist (`npm test` builds before `vitest run`; by hand: `npx remix build`).
 * The server runs from a copy of server.js, server/, remix-patches.js, build/ and public/ taken here, so that
 * a rebuild during the run (another terminal, an editor's watcher) cannot pull the assets from under
 * it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { hashPassword } from '../../app/utils/password.server';
import { openDatabase, runMigrations } from '../../db/client';
import { seedDemo } from '../../db/seed-demo';
import { DEMO_PASSWORD } from '../../db/seed-data/people';
import { holdPort, ROOT, startServerProcess, type ServerProcess } from './server-process';

/** One server of the run, with what a test file needs to work on its data. */
export interface E2eServer {
  /** The server's origin, e.g. http://localhost:41234 (no trailing slash). */
  baseURL: string;
  /** The server's SQLite file, for fixtures that add their own data (tests/e2e/setup.ts). */
  databasePath: string;
  /** The server's uploads folder. */
  uploadsDir: string;
  /** A file written once the server answers /healthz (tests/e2e/setup.ts waits for it). */
  readyFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One server per vitest worker; a test file uses the one of its worker (VITEST_POOL_ID). */
    e2eServers: E2eServer[];
    /** Whether the demo seed ran: the demo accounts and the 2018–2023 editions exist. */
    seeded: boolean;
    /** The servers' SESSION_SECRET, so that a fixture can start a session they accept. */
    sessionSecret: string;
    /** A file written, with why, if the setup failed (tests/e2e/setup.ts fails the file with it). */
    e2eSetupFailure: string;
  }
}

/** How long to wait for a build that another process is writing. */
const BUILD_WAIT_MS = 60_000;


function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The server build and the browser build agree (a build in progress removes public/build first). */
function buildIsComplete(): boolean {
  const serverBuild = path.join(ROOT, 'build', 'index.js');
  if (!fs.existsSync(serverBuild)) return false;
  const manifest = /"\/build\/(manifest-[A-Za-z0-9]+\.js)"/.exec(fs.readFileSync(serverBuild, 'utf8'))?.[1];
  return manifest !== undefined && fs.existsSync(path.join(ROOT, 'public', 'build', manifest));
}

/**
 * Copies what `node server.js` reads (server.js, server/, remix-patches.js, build/, public/) into dir, which
 * must be inside the repository so that packages still resolve from its node_modules.
 */
async function snapshotBuild(dir: string): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'build', 'index.js'))) {
    throw new Error('e2e setup: no build/index.js. Run `npx remix build` (or `npm test`, which builds) first.');
  }
  const deadline = Date.now() + BUILD_WAIT_MS;
  for (;;) {
    if (buildIsComplete()) {
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(path.join(ROOT, 'server.js'), path.join(dir, 'server.js'));
      fs.copyFileSync(path.join(ROOT, 'remix-patches.js'), path.join(dir, 'remix-patches.js'));
      fs.cpSync(path.join(ROOT, 'server'), path.join(dir, 'server'), { recursive: true });
      fs.cpSync(path.join(ROOT, 'build'), path.join(dir, 'build'), { recursive: true });
      fs.cpSync(path.join(ROOT, 'public'), path.join(dir, 'public'), { recursive: true });
      // A build that finished (or started) while copying: take it again.
      if (buildIsComplete() && sameFiles(path.join(ROOT, 'build'), path.join(dir, 'build'))) return;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    if (Date.now() > deadline) {
      throw new Error(
        `e2e setup: build/ and public/build/ do not match (a build in progress for over ${BUILD_WAIT_MS / 1000} s?). ` +
          'Run `npx remix build` again.',
      );
    }
    await sleep(500);
  }
}

function sameFiles(a: string, b: string): boolean {
  try {
    return fs.readdirSync(a).every((name) => fs.readFileSync(path.join(a, name)).equals(fs.readFileSync(path.join(b, name))));
  } catch {
    return false; // a file vanished under a concurrent build
  }
}

/**
 * Migrates and seeds the database in this process. The seed's 14 demo accounts share one scrypt
 * hash of the demo password (production cost, so logging in through the form is the real thing),
 * instead of 14 hashes at about 0.35 s each.
 */
async function prepareDatabase(file: string): Promise<void> {
  const db = openDatabase(file);
  try {
    runMigrations(db);
    const hash = hashPassword(DEMO_PASSWORD);
    const report = await seedDemo(db, { now: new Date(), hashPassword: () => hash });
    if (!report.seeded) throw new Error(`e2e setup: ${file} was not empty, the demo was not seeded.`);
    // One file, no WAL beside it, so that a plain copy is a complete database.
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.pragma('journal_mode = DELETE');
  } finally {
    db.$client.close();
  }
}

/**
 * How many test files of the project can run at once: vitest's `maxWorkers` (vitest.config.ts;
 * 1 with `--no-file-parallelism`), so one server each: a worker's files never share one.
 */
function serverCount(project: TestProject): number {
  const workers = Number(project.config.maxWorkers || project.vitest.config.maxWorkers || 1);
  return Number.isFinite(workers) ? Math.max(1, Math.floor(workers)) : 1;
}

export default async function setup(project: TestProject) {
  const tmpDir = path.join(ROOT, 'tests', '.tmp', `e2e-${process.pid}`);
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  const removeTmp = () => fs.rmSync(tmpDir, { recursive: true, force: true });

  const template = path.join(tmpDir, 'template.db');
  const sessionSecret = crypto.randomBytes(32).toString('hex');
  const appDir = path.join(tmpDir, 'app');
  const failureFile = path.join(tmpDir, 'setup-failed.txt');
  const ports = await Promise.all(Array.from({ length: serverCount(project) }, () => holdPort()));
  const releaseAll = () => Promise.all(ports.map((held) => held.release()));
  const provided: E2eServer[] = ports.map(({ port }, i) => ({
    baseURL: `http://localhost:${port}`,
    databasePath: path.join(tmpDir, `palmares-${i + 1}.db`),
    uploadsDir: path.join(tmpDir, `uploads-${i + 1}`),
    readyFile: path.join(tmpDir, `ready-${i + 1}`),
  }));

  const servers: ServerProcess[] = [];
  const stopAll = () => Promise.all(servers.map((server) => server.stop()));
  // In the background (see the header): its end is a ready file per server, or the failure file.
  const work = (async () => {
    await snapshotBuild(appDir);
    await prepareDatabase(template);
    // Started together: each waits for its own /healthz.
    await Promise.all(
      provided.map(async ({ databasePath, uploadsDir, readyFile }, i) => {
        fs.copyFileSync(template, databasePath);
        await ports[i].release();
        const server = await startServerProcess({
          port: ports[i].port,
          script: path.join(appDir, 'server.js'),
          databasePath,
          uploadsDir,
          sessionSecret,
          // Mail is written as .eml files here, not in the repository's data/ (decision 028).
          env: { MAIL_OUTBOX_DIR: path.join(tmpDir, `outbox-${i + 1}`) },
        });
        servers.push(server);
        fs.writeFileSync(readyFile, server.base);
      }),
    );
  })().catch(async (error: unknown) => {
    await releaseAll();
    await stopAll();
    const message = error instanceof Error ? error.message : String(error);
    fs.writeFileSync(failureFile, message.startsWith('e2e setup:') ? message : `e2e setup: ${message}`);
  });

  project.provide('e2eServers', provided);
  project.provide('seeded', true);
  project.provide('sessionSecret', sessionSecret);
  project.provide('e2eSetupFailure', failureFile);

  return async function teardown() {
    await work;
    await stopAll();
    removeTmp();
  };
}
