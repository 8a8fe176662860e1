/**
 * The demo on a temporary SQLite file, with a logged-in organiser's session cookie, for the benchmarks
 * that drive the built server (bench/http.bench.ts, bench/profile-floor.ts). Passwords are not hashed
 * (nobody logs in through the form); the session is started as a log-in starts one.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { openDatabase, runMigrations } from '../db/client';
import { seedDemo } from '../db/seed-demo';

export interface DemoDatabase {
  databasePath: string;
  sessionSecret: string;
  /** `palmares_session=…` for organiser@example.org. */
  organiserCookie: string;
  seedMs: number;
}

/** Seeds the demo into `dir/file` and points this process's env (DATABASE_PATH, SESSION_SECRET, LOG_LEVEL) at it. */
export async function demoDatabase(dir: string, file: string): Promise<DemoDatabase> {
  const databasePath = path.join(dir, file);
  const sessionSecret = crypto.randomBytes(32).toString('hex');
  const seedStarted = performance.now();
  const db = openDatabase(databasePath);
  runMigrations(db);
  await seedDemo(db, { now: new Date(), hashPassword: async () => 'bench-no-login' });
  db.$client.close();
  const seedMs = performance.now() - seedStarted;

  process.env.DATABASE_PATH = databasePath;
  process.env.SESSION_SECRET = sessionSecret;
  process.env.LOG_LEVEL = 'warn';
  const { startSession } = await import('../app/utils/session.server');
  const { getDb, schema } = await import('../app/utils/db.server');
  const { eq } = await import('drizzle-orm');
  const organiser = getDb().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, 'organiser@example.org')).get()!;
  const organiserCookie = (await startSession(organiser.id, { ip: '127.0.0.1', userAgent: 'bench' })).split(';')[0];
  return { databasePath, sessionSecret, organiserCookie, seedMs };
}
