/**
 * The dynamic floor without sockets (issue 13, item 2; decision 047): Remix's own request handler
 * over the built app, in this process, on a demo-seeded database, answering /healthz and
 * /organise/2021 (logged-in organiser) one request after another; prints CPU milliseconds per
 * request (`process.cpuUsage`) for this checkout and, with `--before DIR`, for an earlier one (a
 * `git archive` built with node_modules linked), each in its own child process, interleaved.
 * Express, sockets and the load generator are left out, so on a shared machine it moves much less
 * than `npm run bench:http`. Builds nothing:
 *
 *   npx remix build && npx tsx bench/floor-in-process.ts [--before DIR] [--rounds 3] [--requests 200] [--paths /healthz,/organise/2021]
 *
 * Each checkout's server.js prelude is reproduced: remix-patches.js is applied when the checkout
 * has one (before Remix loads), as `node server.js` does.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoDatabase } from './demo-database';
import { numberOption, stringOption } from './options';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = numberOption('rounds', 3);
const REQUESTS = numberOption('requests', 200);
/** `--paths /a,/b`: the paths measured (GET, as the logged-in organiser), /healthz and /organise/2021 by default. */
const PATHS = stringOption('paths')?.split(',') ?? ['/healthz', '/organise/2021'];
const beforeOption = stringOption('before');
const BEFORE = beforeOption === undefined ? undefined : path.resolve(beforeOption);

/** Runs in a child: `node -e CHILD <dir> <path> <requests>` with the database in the environment. */
const CHILD = `
const [dir, path, count] = process.argv.slice(1);
const fs = require('node:fs');
(async () => {
  if (fs.existsSync(dir + '/remix-patches.js')) (await import(dir + '/remix-patches.js')).patchRemix();
  const { createRequestHandler } = require(require.resolve('@remix-run/node', { paths: [dir] }));
  const build = await import(dir + '/build/index.js');
  build.entry.module.bootstrap();
  const handler = createRequestHandler(build, 'production');
  const headers = { Cookie: process.env.BENCH_COOKIE, Accept: 'text/html' };
  const one = async () => {
    const response = await handler(new Request('http://localhost' + path, { headers }), { clientIp: '127.0.0.1', nonce: 'bench' });
    if (response.status !== 200) throw new Error(path + ': ' + response.status);
    return (await response.arrayBuffer()).byteLength;
  };
  for (let i = 0; i < Math.min(50, Number(count)); i++) await one();
  const started = process.cpuUsage();
  let bytes = 0;
  for (let i = 0; i < Number(count); i++) bytes = await one();
  const used = process.cpuUsage(started);
  console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000 / Number(count), bytes }));
  process.exit(0);
})();
`;

function measure(dir: string, urlPath: string, requests: number, env: NodeJS.ProcessEnv): { cpuMs: number; bytes: number } {
  const out = execFileSync(process.execPath, ['-e', CHILD, dir, urlPath, String(requests)], { cwd: dir, env, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-floor-inproc-'));
  try {
    const { databasePath, sessionSecret, organiserCookie } = await demoDatabase(dir, 'floor.db');
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' as const, DATABASE_PATH: databasePath, SESSION_SECRET: sessionSecret, LOG_LEVEL: 'warn', UPLOADS_DIR: path.join(dir, 'uploads'), BENCH_COOKIE: organiserCookie };
    const checkouts = [['app', ROOT], ...(BEFORE ? [['before', BEFORE]] : [])] as const;
    console.log(`floor in process — Node ${process.version}, ${REQUESTS} requests per round (/healthz: 10×), median of ${ROUNDS} rounds; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`| path | ${checkouts.map(([name]) => `${name} CPU ms/req`).join(' | ')} |${BEFORE ? ' before / app |' : ''}`);
    console.log(`|---|${checkouts.map(() => '---:').join('|')}|${BEFORE ? '---:|' : ''}`);
    for (const urlPath of PATHS) {
      const requests = urlPath === '/healthz' ? REQUESTS * 10 : REQUESTS;
      const runs: Record<string, number[]> = { app: [], before: [] };
      for (let round = 0; round < ROUNDS; round++) for (const [name, at] of checkouts) runs[name].push(measure(at, urlPath, requests, env).cpuMs);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const cells = checkouts.map(([name]) => median(runs[name]).toFixed(3));
      console.log(`| ${urlPath} | ${cells.join(' | ')} |${BEFORE ? ` ${(median(runs.before) / median(runs.app)).toFixed(1)}× |` : ''}`);
    }
  } finally {
    const { closeDb } = await import('../app/utils/db.server');
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
