/**
 * The built production server (`node server.js`) as a child process on its own database: the
 * one way the end-to-end tests start a server — the shared one of global-setup.ts, and the ones a
 * test file owns because it kills or restarts it (durability) or starts from an empty database.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HEALTH_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
/** Keep only the end of the server's output (enough to explain a failure). */
const MAX_OUTPUT_CHARS = 64_000;

/**
 * A free port, kept listening until `release()`: the servers start seconds after their addresses
 * are handed out (the seed comes first), and in the meantime no other process may take the port.
 */
export function holdPort(): Promise<{ port: number; release: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const holder = net.createServer();
    holder.unref();
    holder.on('error', reject);
    holder.listen(0, () => {
      const address = holder.address();
      if (address === null || typeof address === 'string') {
        holder.close();
        reject(new Error('could not find a free port'));
        return;
      }
      resolve({ port: address.port, release: () => new Promise<void>((done) => holder.close(() => done())) });
    });
  });
}

/** A free port, released at once (for a server started right away). */
export async function freePort(): Promise<number> {
  const { port, release } = await holdPort();
  await release();
  return port;
}

export interface ServerOptions {
  port: number;
  databasePath: string;
  uploadsDir: string;
  sessionSecret: string;
  /** The server.js to run (a snapshot of the build, global-setup.ts); the repository's by default. */
  script?: string;
  logLevel?: 'error' | 'warn' | 'info';
  /** More environment (mail, limits). */
  env?: Record<string, string>;
}

export interface ServerProcess {
  /** http://localhost:PORT — Chromium keeps production's `Secure` cookie on localhost. */
  base: string;
  child: ChildProcess;
  /** The end of what the server wrote, for a failure's message. */
  output(): string;
  /** SIGTERM (a clean stop, SIGKILL after 15 s) or SIGKILL (a crash); resolves once it exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the server and resolves once `/healthz` answers 200; stops it and throws otherwise. */
export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  let output = '';
  // cwd stays the repository root: the server resolves migrations/ from it.
  const child = spawn(process.execPath, [options.script ?? path.join(ROOT, 'server.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      DATABASE_PATH: options.databasePath,
      UPLOADS_DIR: options.uploadsDir,
      NODE_ENV: 'production',
      SESSION_SECRET: options.sessionSecret,
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT_CHARS);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const gone = exited(child);

  async function stop(signal: NodeJS.Signals = 'SIGTERM') {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await gone;
    clearTimeout(timer);
  }

  const server: ServerProcess = { base: `http://localhost:${options.port}`, child, output: () => output, stop };
  try {
    await waitForHealth(`http://127.0.0.1:${options.port}/healthz`, server);
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  }
  return server;
}

async function waitForHealth(url: string, server: ServerProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    const { exitCode, signalCode } = server.child;
    if (exitCode !== null || signalCode !== null) {
      throw new Error(`the server exited before it was healthy (code ${exitCode}, signal ${signalCode}).\n${server.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (${lastProblem}).\n${server.output()}`);
}

/** Reads a server's SQLite file (read-only, closed afterwards), as a second look at what the server stored. */
export function readDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * A repository script run the way its npm script runs it (`tsx db/restore.ts`, package.json) against
 * one database: the repository's own tsx, without `npx` looking it up first (about 2.5 s per call on
 * a loaded machine).
 */
export function runTsx(args: string[], databasePath: string) {
  return spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}
