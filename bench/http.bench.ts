/**
 * The app against bare Node, path by path (issue 13). Builds nothing: it starts the built server
 * (`node server.js`, production, LOG_LEVEL=warn) on a temporary SQLite file seeded with the demo,
 * fetches each path's answer once, starts a bare Node `http` server (its own process) answering each
 * path with those very bytes, then drives both with autocannon from this process, path by path,
 * in ROUNDS interleaved rounds (app, bare, before), 50 keep-alive connections, a warm-up, then
 * DURATION seconds each; the median round of each server is reported (a shared machine's load moves
 * between runs, and interleaving keeps each ratio within the same minutes).
 *
 *   npx remix build && npm run bench:http [-- --duration 5 --connections 50] [--before DIR [--before DIR2]] [--only healthz,organise]
 *
 * One line per path: requests per second and p99 of each, the ratio app / bare, and each server's
 * CPU time per request (user + system from /proc/<pid>/stat over the run, divided by the requests
 * answered: on a shared machine it moves much less than requests per second do). With
 * `--before DIR` (a copy of an earlier server.js, build/ and public/, e.g. `git archive main` built
 * in a folder whose node_modules points at this one), that server runs too, on the same database,
 * and its ratio is printed in the same run. A second `--before DIR2` (e.g. the original and today's
 * main) adds its own columns at the end of each line, measured in the same interleaved rounds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { demoDatabase } from './demo-database';
import { freePort } from './ports';
import { numberOption, stringOption } from './options';
import { stop } from './child';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = numberOption;
const DURATION = arg('duration', 3);
/** Each path is measured in ROUNDS rounds of app, bare (and before), interleaved; medians are reported. */
const ROUNDS = arg('rounds', 3);
const CONNECTIONS = arg('connections', 50);
const WARM_UP_SECONDS = 1;
/** Each `--before DIR`, in order. */
const BEFORES = process.argv.flatMap((value, at) => (value === '--before' && process.argv[at + 1] ? [path.resolve(process.argv[at + 1])] : []));
const BEFORE = BEFORES[0];

interface Target {
  name: string;
  path: string;
  headers?: Record<string, string>;
  /** Logged in as the demo's organiser. */
  organiser?: boolean;
}

/** `--only healthz,organise`: measure only the paths whose name contains one of these words. */
const ONLY = stringOption('only')?.split(',');

const ALL_TARGETS: Target[] = [
  { name: '/editions/2019 (en)', path: '/editions/2019', headers: { 'Accept-Language': 'en', Accept: 'text/html' } },
  { name: '/editions/2019 (fr)', path: '/editions/2019', headers: { 'Accept-Language': 'fr', Accept: 'text/html' } },
  { name: '/method', path: '/method', headers: { 'Accept-Language': 'en', Accept: 'text/html' } },
  { name: '/editions/2019/results.json', path: '/editions/2019/results.json' },
  { name: '/editions/2019/results.csv', path: '/editions/2019/results.csv' },
  { name: '/editions/2019/scores.csv', path: '/editions/2019/scores.csv' },
  { name: '/healthz', path: '/healthz' },
  { name: '/organise/2021 (organiser)', path: '/organise/2021', headers: { Accept: 'text/html' }, organiser: true },
];
const TARGETS = ONLY ? ALL_TARGETS.filter((t) => ONLY.some((word) => t.name.includes(word))) : ALL_TARGETS;

function start(command: string, args: string[], env: Record<string, string>, cwd = ROOT): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within 30 s:\n${output()}`);
}

/** A bare Node http server: each path answers its recorded status, content type and bytes. */
const BARE_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const table = JSON.parse(fs.readFileSync(process.env.BARE_TABLE, 'utf8'));
const answers = new Map(Object.entries(table).map(([p, a]) => [p, { status: a.status, type: a.type, body: Buffer.from(a.body, 'base64') }]));
http.createServer((req, res) => {
  const a = answers.get(req.url.split('?')[0]);
  if (!a) { res.writeHead(404); res.end(); return; }
  res.writeHead(a.status, { 'Content-Type': a.type, 'Content-Length': a.body.length });
  res.end(a.body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare ready'));
`;

interface Run {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The server process's CPU time (user + system) per answered request, in microseconds. */
  cpuUs: number;
}

const TICKS_PER_SECOND = 100; // Linux USER_HZ, the unit of /proc/<pid>/stat's utime and stime

/** CPU seconds a process has used so far (user + system), from /proc; NaN where there is none. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime (fields 14 and 15)
  } catch {
    return NaN;
  }
}

/**
 * One autocannon run against a server process. Beside requests per second, the CPU the server
 * spent per request: on a shared machine the rate moves with the others' load, while the CPU per
 * request is what the server itself costs (its ratio to bare Node is what a quiet, CPU-bound run
 * would give).
 */
async function load(url: string, headers: Record<string, string>, duration: number, pid?: number): Promise<Run> {
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers, pipelining: 1 });
  const cpuUs = ((cpuSeconds(pid) - cpuBefore) * 1e6) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts, cpuUs };
}

/** The median round by requests per second (its p99 with it), the median CPU per request; errors summed over the rounds. */
function median(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  const middle = sorted[Math.floor(sorted.length / 2)];
  const cpu = runs.map((r) => r.cpuUs).sort((a, b) => a - b);
  return { ...middle, cpuUs: cpu[Math.floor(cpu.length / 2)], non2xx: runs.reduce((n, r) => n + r.non2xx, 0), errors: runs.reduce((n, r) => n + r.errors, 0) };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-bench-http-'));
  const { databasePath, sessionSecret, organiserCookie: cookie, seedMs } = await demoDatabase(dir, 'bench.db');

  const appPort = await freePort();
  const barePort = await freePort();
  const serverEnv = (port: number) => ({
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_PATH: databasePath,
    UPLOADS_DIR: path.join(dir, 'uploads'),
    SESSION_SECRET: sessionSecret,
    LOG_LEVEL: 'warn',
  });
  const app = start(process.execPath, ['server.js'], serverEnv(appPort));
  const beforePorts = await Promise.all(BEFORES.map(() => freePort()));
  const befores = BEFORES.map((dir, i) => start(process.execPath, ['server.js'], serverEnv(beforePorts[i]), dir));
  const before = befores[0];
  let bare: ReturnType<typeof start> | undefined;
  try {
    await waitFor(`http://127.0.0.1:${appPort}/healthz`, app.child, app.output);
    for (const [i, server] of befores.entries()) await waitFor(`http://127.0.0.1:${beforePorts[i]}/healthz`, server.child, server.output);
    const table: Record<string, { status: number; type: string; body: string }> = {};
    const headersOf = (t: Target) => ({ ...(t.headers ?? {}), ...(t.organiser ? { Cookie: cookie } : {}) });
    for (const t of TARGETS) {
      const response = await fetch(`http://127.0.0.1:${appPort}${t.path}`, { headers: headersOf(t), redirect: 'manual' });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`${t.name}: status ${response.status}`);
      table[`/${TARGETS.indexOf(t)}`] = { status: response.status, type: response.headers.get('Content-Type') ?? '', body: body.toString('base64') };
    }
    const tableFile = path.join(dir, 'bare.json');
    fs.writeFileSync(tableFile, JSON.stringify(table));
    bare = start(process.execPath, ['-e', BARE_SERVER], { PORT: String(barePort), BARE_TABLE: tableFile });
    await waitFor(`http://127.0.0.1:${barePort}/0`, bare.child, bare.output);

    console.log(
      `bench:http — ${os.cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections, median of ${ROUNDS} interleaved rounds of ${DURATION} s after ${WARM_UP_SECONDS} s of warm-up; demo seeded in ${Math.round(seedMs)} ms`,
    );
    console.log(`load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at start`);
    // The CPU columns: the server's CPU time per request (µs) and bare / app, a ratio the others' load moves far less.
    if (before) {
      console.log(`before: ${BEFORE}${BEFORES.slice(1).map((dir, i) => `; before${i + 2}: ${dir}`).join('')}`);
      const more = BEFORES.slice(1).map((_, i) => ` before${i + 2} req/s | before${i + 2} p99 ms | before${i + 2} ratio | after / before${i + 2} | CPU µs/req before${i + 2} | CPU ratio before${i + 2} |`);
      console.log(`| path | bytes | app req/s | app p99 ms | bare req/s | bare p99 ms | ratio | before req/s | before p99 ms | before ratio | after / before | CPU µs/req app / bare / before | CPU ratio app / before |${more.join('')}`);
      console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|${more.map(() => '---:|---:|---:|---:|---:|---:|').join('')}`);
    } else {
      console.log('| path | bytes | app req/s | app p99 ms | bare req/s | bare p99 ms | ratio | CPU µs/req app / bare | CPU ratio |');
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    }
    for (const t of TARGETS) {
      const appUrl = `http://127.0.0.1:${appPort}${t.path}`;
      const bareUrl = `http://127.0.0.1:${barePort}/${TARGETS.indexOf(t)}`;
      const headers = headersOf(t);
      const beforeUrls = beforePorts.map((port) => `http://127.0.0.1:${port}${t.path}`);
      const runs: { app: Run[]; bare: Run[]; befores: Run[][] } = { app: [], bare: [], befores: BEFORES.map(() => []) };
      await load(appUrl, headers, WARM_UP_SECONDS);
      await load(bareUrl, headers, WARM_UP_SECONDS);
      for (const url of beforeUrls) await load(url, headers, WARM_UP_SECONDS);
      for (let round = 0; round < ROUNDS; round++) {
        runs.app.push(await load(appUrl, headers, DURATION, app.child.pid));
        runs.bare.push(await load(bareUrl, headers, DURATION, bare.child.pid));
        for (const [i, url] of beforeUrls.entries()) runs.befores[i].push(await load(url, headers, DURATION, befores[i].child.pid));
      }
      const a = median(runs.app);
      const b = median(runs.bare);
      const bytes = Buffer.from(table[`/${TARGETS.indexOf(t)}`].body, 'base64').length;
      const problems = a.non2xx || a.errors ? ` (app: ${a.non2xx} non-2xx, ${a.errors} errors)` : '';
      const n = (x: number) => Math.round(x).toLocaleString('en');
      const us = (x: number) => x.toFixed(0);
      let line = `| ${t.name} | ${bytes.toLocaleString('en')} | ${n(a.rps)} | ${a.p99} | ${n(b.rps)} | ${b.p99} | ${((100 * a.rps) / b.rps).toFixed(1)} %${problems} |`;
      if (before) {
        const c = median(runs.befores[0]);
        const beforeProblems = c.non2xx || c.errors ? ` (${c.non2xx} non-2xx, ${c.errors} errors)` : '';
        line += ` ${n(c.rps)} | ${c.p99} | ${((100 * c.rps) / b.rps).toFixed(2)} %${beforeProblems} | ${(a.rps / c.rps).toFixed(1)}× |`;
        line += ` ${us(a.cpuUs)} / ${us(b.cpuUs)} / ${us(c.cpuUs)} | ${((100 * b.cpuUs) / a.cpuUs).toFixed(1)} % / ${((100 * b.cpuUs) / c.cpuUs).toFixed(1)} % |`;
        for (const more of runs.befores.slice(1)) {
          const d = median(more);
          const moreProblems = d.non2xx || d.errors ? ` (${d.non2xx} non-2xx, ${d.errors} errors)` : '';
          line += ` ${n(d.rps)} | ${d.p99} | ${((100 * d.rps) / b.rps).toFixed(2)} %${moreProblems} | ${(a.rps / d.rps).toFixed(1)}× | ${us(d.cpuUs)} | ${((100 * b.cpuUs) / d.cpuUs).toFixed(1)} % |`;
        }
      } else {
        line += ` ${us(a.cpuUs)} / ${us(b.cpuUs)} | ${((100 * b.cpuUs) / a.cpuUs).toFixed(1)} % |`;
      }
      console.log(line);
    }
  } finally {
    if (bare) await stop(bare.child);
    for (const server of befores) await stop(server.child);
    await stop(app.child);
    const { closeDb } = await import('../app/utils/db.server');
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
