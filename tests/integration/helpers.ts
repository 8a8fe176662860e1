/**
 * Helpers the integration tests share (their worlds are in tests/fixtures/): what a loader or an
 * action answers, and a refused write that must leave the database as it was.
 */
import { expect } from 'vitest';

function isDataWithInit(value: unknown): value is { type: 'DataWithResponseInit'; init: ResponseInit | null } {
  return typeof value === 'object' && value !== null && (value as { type?: string }).type === 'DataWithResponseInit';
}

/**
 * The status a loader or action answers, without reading a body (a live stream never ends). An
 * error that is neither a Response nor `data(…, init)` is thrown again, or with `uncaught: 500`
 * answered as Remix would answer it.
 */
export async function statusOf(run: () => unknown, { uncaught = 'throw' }: { uncaught?: 'throw' | 500 } = {}): Promise<number> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
    if (!(thrown instanceof Response) && !isDataWithInit(thrown)) {
      if (uncaught === 500) return 500;
      throw thrown;
    }
  }
  if (value instanceof Response) {
    await value.body?.cancel().catch(() => undefined);
    return value.status;
  }
  if (isDataWithInit(value)) return value.init?.status ?? 200;
  return 200;
}

/** Runs a refused request and checks that `state()` (what it must not change) is exactly as before. */
export async function expectRefusedWritingNothing<R extends { status: number }>(state: () => unknown, run: () => Promise<R>, status: number): Promise<R> {
  const before = state();
  const result = await run();
  expect(result.status).toBe(status);
  expect(state()).toEqual(before);
  return result;
}
