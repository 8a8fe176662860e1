/**
 * The JavaScript a browser downloads on the first load of a page: entry.client, the root route and
 * the page's route modules, with every chunk they import statically, from the compiler's metafile
 * (build/metafile.js.json, written by `remix build`). Sizes raw and gzipped (level 9). The same
 * computation holds the budgets in the suite (tests/e2e/bundle-budget.test.ts).
 *
 *   npx remix build && npx tsx bench/first-load-js.ts
 */
import { FIRST_LOAD_BUDGET_KB, firstLoad, readMetafile } from '../tests/fixtures/first-load';

const pages: Record<string, string> = {
  'judge scoresheet (/judge/:year/rounds/:roundId/:applicationId)': 'routes/judge.$year.rounds.$roundId.$applicationId.tsx',
  'audience vote (/vote/:year)': 'routes/vote.$year.tsx',
  'home (/)': 'routes/_index.tsx',
  'public results (/editions/:year)': 'routes/editions.$year.tsx',
};

const meta = readMetafile();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, route] of Object.entries(pages)) {
  const { files, raw, gzipped } = firstLoad(meta, route);
  const budget = FIRST_LOAD_BUDGET_KB[route];
  console.log(`${name}: ${files} files, ${kb(raw)} raw, ${kb(gzipped)} gzipped${budget ? ` (budget ${budget} KB)` : ''}`);
}
