import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '~': path.resolve(__dirname, 'app') };

/**
 * Four projects, one `vitest run`:
 * - unit: pure modules (app/domain), no I/O;
 * - integration: loaders and actions against a fresh copy of a migrated SQLite file per test file;
 * - component: React components in jsdom, through @remix-run/testing;
 * - e2e: the built server and Debian's Chromium (tests/e2e/global-setup.ts starts one server per
 *   worker, so that two files running at once never share a database).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    globals: true,
    // A run that executed nothing must fail (vitest's default; stated so nobody flips it).
    passWithNoTests: false,
    // Two files at a time on the 2-core machine, whatever the project (vitest's default there is
    // one: cores - 1). Three were tried: on the lead's run after the merge (4 December, 08:58 UTC, the
    // machine otherwise idle) vitest took 417 s against 391 s with two the day before, and the stage's
    // and offline's time budgets failed under three workers on a loaded machine. End-to-end files
    // too: each worker has its own server and database (tests/e2e/global-setup.ts).
    // `--maxWorkers=N` on the command line overrides it; measured in
    // docs/decisions/046-test-suite-under-five-minutes.md.
    maxWorkers: 2,
    reporters: ['default', './tests/reporters/summary.ts'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'app/**/*.test.ts'],
          environment: 'node',
          globals: true,
          // Pure modules, no mocks or module state: one module graph for every file. Measured on
          // 2 cores: 17 s isolated, 6.6 s shared. (Integration and e2e share a process too, with fresh
          // modules per file: tests/setup/fresh-modules.ts; component keeps isolation: jsdom's document.)
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globals: true,
          globalSetup: ['tests/setup/global-db.ts'],
          // One process for many files (each file's start was about 1.2 s of imports, for tests of
          // 0.1–2 s): tests/setup/fresh-modules.ts gives each file fresh app modules, environment
          // and timers, and tests/setup/db.ts its own database, as a new process did.
          isolate: false,
          setupFiles: ['tests/setup/fresh-modules.ts', 'tests/setup/db.ts', 'tests/setup/fail-on-console-error.ts'],
          // Several files at a time share the two cores (see component below).
          testTimeout: 15_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          globals: true,
          setupFiles: ['tests/setup/component.ts', 'tests/setup/fail-on-console-error.ts'],
          // Several files at a time share the two cores: a first render in jsdom can take over vitest's 5 s.
          testTimeout: 15_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globals: true,
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Without isolation too (each file's start was 2.6–3.5 s of imports): fresh app modules and
          // environment per file (tests/setup/fresh-modules.ts); tests/e2e/fixtures.ts, evaluated
          // again with them, registers its hooks and launches its browser for each file.
          isolate: false,
          setupFiles: ['tests/setup/fresh-modules.ts', 'tests/e2e/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll without its own timeout waits for a condition the page or the server reaches
          // (a save stored, a focus moved); vitest's 1 s was a budget a busy machine missed.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
