/**
 * Ends every run with one plain line, `Tests: N passed, N failed, N skipped`,
 * that CI and people can read without parsing vitest's coloured summary; before it, the run's
 * wall-clock time and its slowest files (what docs/decisions/046 measured, per file). A run in
 * which no test ran fails.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** How many of the slowest files to list. */
const SLOWEST = 10;

export default class SummaryReporter implements Reporter {
  private started = Date.now();

  onTestRunStart() {
    this.started = Date.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed to load has no tests but must count as a failure.
      if (module.state() === 'failed' && ![...module.children.allTests()].some((t) => t.result().state === 'failed')) failed++;
    }
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const slowest = [...testModules]
      .map((module) => ({ name: `${module.project.name} ${module.relativeModuleId}`, ms: module.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SLOWEST);
    if (slowest.length > 0) {
      process.stdout.write(`\nSlowest files (tests and hooks):\n${slowest.map((f) => `  ${seconds(f.ms).padStart(8)}  ${f.name}`).join('\n')}\n`);
    }
    process.stdout.write(`vitest run: ${seconds(Date.now() - this.started)} wall clock\n`);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    // A run that executed nothing fails, also when a name filter (-t) skipped every test it found
    // (vitest fails a run that finds no file: passWithNoTests is false in vitest.config.ts).
    if (passed + failed === 0 && testModules.length > 0) {
      process.stdout.write('No test ran: failing the run.\n');
      process.exitCode = 1;
    }
  }
}
