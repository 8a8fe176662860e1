/**
 * First setup file of the integration and e2e projects, which run their files without isolation
 * (one worker process for many files, vitest.config.ts): before each file, what one file may have left
 * in the process is put back, so that every file starts as it did in a fresh process.
 * - The app's and the tests' modules are evaluated again (`vi.resetModules`): the database
 *   connection, the environment read once by `env()` and the in-memory caches keyed by row id
 *   start empty, on this file's own database (tests/setup/db.ts) or its worker's server
 *   (tests/e2e/setup.ts). Packages from node_modules stay loaded: that is the time saved.
 * - `process.env` is as it was when the worker started (a file may set a limit for itself).
 * - Real timers (a file may have left fake ones installed).
 */
import { vi } from 'vitest';

const started = globalThis as typeof globalThis & { envAtWorkerStart?: Record<string, string | undefined> };
started.envAtWorkerStart ??= { ...process.env };
for (const name of Object.keys(process.env)) if (!(name in started.envAtWorkerStart)) delete process.env[name];
Object.assign(process.env, started.envAtWorkerStart);

vi.useRealTimers();
vi.resetModules();
