/**
 * CPU profile of the dynamic floor (issue 13, item 2): the built server (production,
 * LOG_LEVEL=warn) under `node --cpu-prof` on a temporary demo-seeded database, driven by autocannon
 * on /healthz and on /organise/2021 as the logged-in organiser, then the heaviest functions (self
 * time) printed per path. Builds nothing:
 *
 *   npx remix build && npx tsx bench/profile-floor.ts [--duration 5] [--connections 10] [--port 3104]
 *
 * The .cpuprofile files are left in the printed directory (open them in Chrome DevTools).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { demoDatabase } from './demo-database';
import { numberOption } from './options';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = numberOption;
const DURATION = arg('duration', 5);
const CONNECTIONS = arg('connections', 10);
const PORT = arg('port', 3104);

type Profile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Self time per function over the measured window only (the start-up and the warm-up are left out). */
function top(file: string, count: number, windowMs: number): string[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const from = profile.endTime - windowMs * 1000;
  let at = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from) return;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    const where = frame.url.replace(/^.*node_modules\//, '').replace(ROOT, '');
    const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([key, t]) => `${((100 * t) / total).toFixed(1).padStart(5)} %  ${key}`);
}

async function profile(name: string, url: string, headers: Record<string, string>, env: Record<string, string>, dir: string) {
  const profileDir = path.join(dir, name);
  let stopAsked = performance.now();
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, 'server.js'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) break;
      } catch {
        if (i > 200) throw new Error('the server did not start');
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up, not profiled
    const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
    console.log(`\n${name}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`);
    stopAsked = performance.now();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  const shutdownMs = performance.now() - stopAsked;
  const file = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  // The measured run ends `shutdownMs` before the profile does; the window also holds the shutdown (small).
  if (file) console.log(top(path.join(profileDir, file), 25, DURATION * 1000 + shutdownMs).join('\n'));
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-floor-'));
  const { databasePath, sessionSecret, organiserCookie: cookie } = await demoDatabase(dir, 'floor.db');
  const env = { NODE_ENV: 'production', PORT: String(PORT), DATABASE_PATH: databasePath, UPLOADS_DIR: path.join(dir, 'uploads'), SESSION_SECRET: sessionSecret, LOG_LEVEL: 'warn' };
  console.log(`profiles in ${dir}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await profile('healthz', `http://127.0.0.1:${PORT}/healthz`, {}, env, dir);
  await profile('organise-2021', `http://127.0.0.1:${PORT}/organise/2021`, { Cookie: cookie }, env, dir);
}

await main();
