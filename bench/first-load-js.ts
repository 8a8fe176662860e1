/**
 * The JavaScript a browser downloads on the first load of a page: entry.client, the root route and
 * the page's route modules, with every chunk they import statically, from the compiler's metafile
 * (build/metafile.js.json, written by `remix build`). Sizes raw and gzipped (level 9).
 *
 *   npx remix build && npx tsx bench/first-load-js.ts
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

type Output = { imports: { path: string; kind: string }[]; entryPoint?: string };
const meta = JSON.parse(readFileSync('build/metafile.js.json', 'utf8')) as { outputs: Record<string, Output> };

function outputOf(entry: string): string {
  const found = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entry);
  if (!found) throw new Error(`no output for ${entry}`);
  return found[0];
}

function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && i.path.endsWith('.js')) stack.push(i.path);
  }
  return seen;
}

const pages: Record<string, string[]> = {
  'judge scoresheet (/judge/:year/rounds/:roundId/:applicationId)': ['routes/judge.$year.rounds.$roundId.$applicationId.tsx'],
  'audience vote (/vote/:year)': ['routes/vote.$year.tsx'],
  'home (/)': ['routes/_index.tsx'],
  'public results (/editions/:year)': ['routes/editions.$year.tsx'],
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, routes] of Object.entries(pages)) {
  const files = closure([outputOf('app/entry.client.tsx'), outputOf('browser-route-module:root.tsx?browser'), ...routes.map((r) => outputOf(`browser-route-module:${r}?browser`))]);
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`${name}: ${files.size} files, ${kb(raw)} raw, ${kb(gz)} gzipped`);
}
