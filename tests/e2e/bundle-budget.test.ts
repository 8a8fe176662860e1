/**
 * First-load JavaScript budgets (issue 13): what a tablet downloads before the judge's scoresheet
 * or the audience vote hydrates, read from the build's metafile (tests/fixtures/first-load.ts).
 * Deterministic: it reads the build the e2e project already needs, and opens no browser.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET_KB, firstLoad, firstLoadFiles, firstLoadInputs, readMetafile } from '../fixtures/first-load';

describe('first-load JavaScript budget', () => {
  const meta = readMetafile();

  it.each(Object.entries(FIRST_LOAD_BUDGET_KB))('%s stays within %d KB gzipped', (route, budgetKb) => {
    const load = firstLoad(meta, route);
    const detail = load.largest.map((f) => `${f.file} ${(f.gzipped / 1024).toFixed(1)} KB`).join(', ');
    expect(load.gzipped / 1024, `${route}: ${(load.gzipped / 1024).toFixed(1)} KB gzipped; largest files: ${detail}`).toBeLessThanOrEqual(budgetKb);
  });

  // A `.server` module shared by several routes is an empty chunk of its own in the browser (one
  // more request, ≈ 112 bytes): each route imports one route-facing server module (decision 045).
  it.each(Object.keys(FIRST_LOAD_BUDGET_KB))('%s downloads no empty chunk of a server module', (route) => {
    const empty = [...firstLoadFiles(meta, route)].filter((file) => {
      const inputs = Object.keys(meta.outputs[file]?.inputs ?? {});
      return inputs.length > 0 && inputs.every((input) => input.startsWith('empty-module:'));
    });
    expect(empty.map((file) => `${file} (${Object.keys(meta.outputs[file].inputs ?? {}).join(', ')})`)).toEqual([]);
  });

  it.each(Object.keys(FIRST_LOAD_BUDGET_KB))('%s downloads no zod (schemas stay on the server)', (route) => {
    expect(firstLoadInputs(meta, route).filter((input) => /node_modules\/(zod|@conform-to\/zod)\//.test(input))).toEqual([]);
  });
});
