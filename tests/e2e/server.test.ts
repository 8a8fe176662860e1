/**
 * The production server itself (server.js over the build): headers, caching,
 * compression, refusal to start without a secret or on a development build, and a clean stop on SIGTERM.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseURL as e2eBaseURL } from './fixtures';
import { freePort, ROOT } from './server-process';

const baseURL = e2eBaseURL();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-server-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Starts `node server.js` with the given environment; resolves when it exits. */
function startServer(env: Record<string, string>, cwd = ROOT) {
  const child = spawn(process.execPath, ['server.js'], {
    cwd,
    env: { PATH: process.env.PATH!, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, output: () => output };
}

async function waitHealthy(url: string) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} never became healthy`);
}

describe('the production server', () => {
  it('sends security headers, and a nonce on every inline script that the CSP names', async () => {
    const response = await fetch(`${baseURL}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('Strict-Transport-Security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('X-Powered-By')).toBeNull();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
    const second = await fetch(`${baseURL}/`);
    expect(second.headers.get('Content-Security-Policy')).not.toContain(nonce);
  });

  it('caches compiled assets forever and compresses pages', async () => {
    const html = await (await fetch(`${baseURL}/`)).text();
    const asset = /href="(\/build\/[^"]+\.css)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const response = await fetch(`${baseURL}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    const page = await fetch(`${baseURL}/login`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('answers /healthz with {"status":"ok"}', async () => {
    const response = await fetch(`${baseURL}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses to start in production without SESSION_SECRET, and says why', async () => {
    const port = await freePort();
    const server = startServer({ NODE_ENV: 'production', PORT: String(port), DATABASE_PATH: path.join(scratch, 'nosecret.db') });
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain('SESSION_SECRET is required in production');
  });

  it('refuses to start in production on a development build (left by `npm run dev`), and says why', async () => {
    // A copy of the server over the build with the development build's mode, inside the repository so that packages resolve.
    const dir = fs.mkdtempSync(path.join(ROOT, '.cache', 'dev-build-'));
    try {
      for (const file of ['server.js', 'remix-patches.js', 'server']) fs.cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true });
      fs.mkdirSync(path.join(dir, 'build'));
      const built = fs.readFileSync(path.join(ROOT, 'build', 'index.js'), 'utf8');
      expect(built).toMatch(/^var mode = "production"/m);
      fs.writeFileSync(path.join(dir, 'build', 'index.js'), built.replace(/^var mode = "production"/m, 'var mode = "development"'));
      const port = await freePort();
      const server = startServer(
        { PORT: String(port), DATABASE_PATH: path.join(scratch, 'devbuild.db'), SESSION_SECRET: crypto.randomBytes(32).toString('hex') },
        dir,
      );
      expect(await server.exit).toBe(1);
      expect(server.output()).toContain('build/ holds a development build');
      expect(fs.existsSync(path.join(scratch, 'devbuild.db'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops cleanly on SIGTERM: connections closed, database closed, exit code 0', async () => {
    const port = await freePort();
    const file = path.join(scratch, 'graceful.db');
    const server = startServer({
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_PATH: file,
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
    });
    await waitHealthy(`http://localhost:${port}`);
    // remix-patches.js loaded Remix through its edits, before anything else required it (decision 047).
    expect(server.output()).not.toContain('remix_patch_missing');
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(server.output()).toContain('Stopped cleanly');
    // Closing the last connection checkpoints the WAL into the database file and removes it.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
