/**
 * Public results page benchmark — a plain script, not a vitest test; needs a build:
 *
 *     flock /tmp/palmares-e2e.lock sh -c 'npx remix build && npx tsx bench/results-page.bench.ts'
 *
 * Two servers on loopback, measured in the same run by the same client (this process), each in its
 * own process:
 * - the built app (`node server.js`, production mode) on a temporary database holding the demo
 *   seed, answering /editions/2019 (a published edition) as a visitor gets it, its data as a
 *   client-side navigation fetches it (200, and 304 on If-None-Match), and results.json (200 and 304);
 * - a bare Node `http` server that answers every request with the very bytes of that page, doing
 *   nothing else: the ceiling any Node server reaches on this machine, here.
 * For each, after a warm-up, at most REQUESTS requests or SECONDS seconds with CONCURRENCY
 * keep-alive connections; requests per second and latency percentiles. The whole run gives up after
 * TIMEOUT_MS. Figures go to stdout and to bench/RESULTS.md (its "Public results page" section).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, runMigrations } from '../db/client';
import { seedDemo } from '../db/seed-demo';
import { freePort } from './ports';
import { stop } from './child';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const YEAR = 2019;
const CONCURRENCY = 16;
const WARM_UP = 300;
const REQUESTS = 5_000;
const SECONDS = 10;
const TIMEOUT_MS = 180_000;
const RESULTS_FILE = path.join(ROOT, 'bench', 'RESULTS.md');
const SECTION = '## Public results page (`/editions/:year`, open data)';

interface Measure {
  name: string;
  status: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
}

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within 30 s:\n${output()}`);
}

function start(command: string, args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

/** One request on a keep-alive agent: status, body size and time taken (ms). */
function request(agent: http.Agent, port: number, pathname: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get({ host: '127.0.0.1', port, path: pathname, agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Warm-up, then at most REQUESTS requests or SECONDS seconds with CONCURRENCY connections. */
async function measure(name: string, port: number, pathname: string, headers: Record<string, string> = {}): Promise<Measure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    let warm = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (warm++ < WARM_UP) await request(agent, port, pathname, headers);
      }),
    );
    const latencies: number[] = [];
    const statuses = new Set<number>();
    let bytes = 0;
    let issued = 0;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (issued < REQUESTS && performance.now() < deadline) {
          issued++;
          const answer = await request(agent, port, pathname, headers);
          latencies.push(answer.ms);
          statuses.add(answer.status);
          bytes = answer.bytes;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (statuses.size !== 1) throw new Error(`${name}: mixed statuses ${[...statuses].join(', ')}`);
    latencies.sort((a, b) => a - b);
    return {
      name,
      status: [...statuses][0],
      requests: latencies.length,
      seconds,
      rps: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      bytes,
    };
  } finally {
    agent.destroy();
  }
}

/** The bare server: the page's bytes for every request, nothing else. */
const BARE_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const body = fs.readFileSync(process.env.BODY_FILE);
http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
`;

function table(results: Measure[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.status} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.bytes.toLocaleString('en-GB')} |`,
  );
  return ['| request | status | requests | req/s | p50 ms | p95 ms | p99 ms | body bytes |', '|---|---:|---:|---:|---:|---:|---:|---:|', ...rows].join('\n');
}

function writeSection(markdown: string): void {
  const existing = fs.existsSync(RESULTS_FILE) ? fs.readFileSync(RESULTS_FILE, 'utf8') : '# Benchmark results\n';
  const start = existing.indexOf(SECTION);
  let next: string;
  if (start < 0) {
    next = `${existing.trimEnd()}\n\n${markdown}\n`;
  } else {
    const after = existing.indexOf('\n## ', start + SECTION.length);
    next = `${existing.slice(0, start)}${markdown}\n${after < 0 ? '' : existing.slice(after)}`;
  }
  fs.writeFileSync(RESULTS_FILE, next.replace(/\n{3,}/g, '\n\n'));
}

/** The servers this run started: stopped at the end, or killed if the run overstays. */
const children: ChildProcess[] = [];

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'build', 'index.js'))) throw new Error('No build: run `npx remix build` first (under the lock).');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-bench-results-'));
  try {
    const databasePath = path.join(dir, 'palmares.db');
    const db = openDatabase(databasePath);
    runMigrations(db);
    const seedStarted = performance.now();
    await seedDemo(db, { now: new Date(), hashPassword: async () => 'locked' });
    const seedMs = performance.now() - seedStarted;
    db.$client.close();

    const appPort = await freePort();
    const app = start(process.execPath, [path.join(ROOT, 'server.js')], {
      PORT: String(appPort),
      DATABASE_PATH: databasePath,
      UPLOADS_DIR: path.join(dir, 'uploads'),
      NODE_ENV: 'production',
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
    });
    children.push(app.child);
    await waitFor(`http://127.0.0.1:${appPort}/healthz`, app.child, app.output);

    const page = `/editions/${YEAR}`;
    const html = { Accept: 'text/html,application/xhtml+xml', 'Accept-Language': 'en-GB' };
    // The first visit builds the page's data (rankings of both rounds, charts, names); then it is cached.
    const agent = new http.Agent({ keepAlive: false });
    const cold = await request(agent, appPort, page, html);
    const warm = await request(agent, appPort, page, html);
    if (cold.status !== 200) throw new Error(`${page} answered ${cold.status}`);
    const body = await (await fetch(`http://127.0.0.1:${appPort}${page}`, { headers: html })).arrayBuffer();
    const bodyFile = path.join(dir, 'page.html');
    fs.writeFileSync(bodyFile, Buffer.from(body));
    const dataPath = `${page}.data?_routes=${encodeURIComponent('routes/editions.$year')}`;
    const dataEtag = (await fetch(`http://127.0.0.1:${appPort}${dataPath}`, { headers: { 'Accept-Language': 'en-GB' } })).headers.get('etag')!;
    const jsonPath = `${page}/results.json`;
    const jsonEtag = (await fetch(`http://127.0.0.1:${appPort}${jsonPath}`)).headers.get('etag')!;

    const barePort = await freePort();
    const bare = start(process.execPath, ['-e', BARE_SERVER], { PORT: String(barePort), BODY_FILE: bodyFile });
    children.push(bare.child);
    await waitFor(`http://127.0.0.1:${barePort}/`, bare.child, bare.output);

    const results: Measure[] = [];
    results.push(await measure('bare Node http, same bytes as the page', barePort, '/'));
    // The app's cheapest answer: what Express, the security headers and Remix cost before any page.
    results.push(await measure('GET /healthz (the app’s floor)', appPort, '/healthz'));
    results.push(await measure(`GET ${page} (HTML, visitor)`, appPort, page, html));
    // The same layout without results (an edition in judging): what the results themselves add.
    results.push(await measure('GET /editions/2021 (unpublished: same layout, no results)', appPort, '/editions/2021', html));
    results.push(await measure(`GET ${page}.data (client navigation)`, appPort, dataPath, { 'Accept-Language': 'en-GB' }));
    results.push(await measure(`GET ${page}.data, If-None-Match`, appPort, dataPath, { 'Accept-Language': 'en-GB', 'If-None-Match': dataEtag }));
    results.push(await measure(`GET ${jsonPath}`, appPort, jsonPath));
    results.push(await measure(`GET ${jsonPath}, If-None-Match`, appPort, jsonPath, { 'If-None-Match': jsonEtag }));

    const ratio = results[2].rps / results[0].rps;
    const when = new Date().toISOString().slice(0, 10);
    const markdown = [
      SECTION,
      '',
      "    flock /tmp/palmares-e2e.lock sh -c 'npx remix build && npx tsx bench/results-page.bench.ts'",
      '',
      `The built app (\`node server.js\`, production) on the demo seed, and a bare Node \`http\` server that answers every request with the very bytes of the ${YEAR} results page, each in its own process, driven by one client over loopback: ${CONCURRENCY} keep-alive connections, ${WARM_UP} warm-up requests, then at most ${REQUESTS.toLocaleString('en-GB')} requests or ${SECONDS} s. No compression (the client sends no Accept-Encoding).`,
      '',
      `Measured ${when}, Node ${process.version}, ${os.cpus().length} cores shared by client and servers:`,
      '',
      table(results),
      '',
      `The results page serves **${results[2].rps.toFixed(0)} requests/s**, ${(ratio * 100).toFixed(0)} % of the bare server's ${results[0].rps.toFixed(0)} on the same machine in the same run; the app's own floor (/healthz: Express, security headers, Remix, one query) is ${results[1].rps.toFixed(0)}, and a page with the same layout but no results (2021, in judging) ${results[3].rps.toFixed(0)}.`,
      '',
      `Where the time goes: the page's data is built once per edition and language — the first visit after start took ${cold.ms.toFixed(0)} ms (both rounds ranked, the open-data document, charts, names), the next one ${warm.ms.toFixed(0)} ms — so what remains per request is the session and language look-up, one prepared query (the edition's public fingerprint: names, consent, logos, tracks) and React's server rendering of some ${(results[2].bytes / 1024).toFixed(0)} KB of HTML (winners, two ranking tables, six chart panels and their table), which is the gap with the 2021 page. A client-side navigation fetches only the data (${(results[4].bytes / 1024).toFixed(0)} KB) and revalidates it for a 304; results.json is a stored string, answered with a 304 when the client has it. The HTML document itself is cached by browsers and shared caches for max-age but not revalidated (docs/decisions/014-public-results-caching.md).`,
      '',
      `The machine is shared with other work: runs the same day while others' tests ran gave every row up to 2.5 times lower, so compare the ratios within one run, not figures between runs. (Seeding the demo took ${(seedMs / 1000).toFixed(1)} s.)`,
      '',
    ].join('\n');
    console.log(markdown);
    writeSection(markdown);
  } finally {
    for (const child of children) await stop(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const timer = setTimeout(() => {
  console.error(`results-page.bench: gave up after ${TIMEOUT_MS / 1000} s`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}, TIMEOUT_MS);
timer.unref();

main().then(
  () => clearTimeout(timer),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
