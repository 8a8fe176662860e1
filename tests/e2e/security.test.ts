/**
 * What server.js refuses before Remix sees a request (issue 11, security; docs/decisions/022):
 * methods other than GET/HEAD/POST, cross-origin posts, bodies that are not forms or are too
 * large, and the caching of pages that carry a session. Plain HTTP against the built server: no
 * browser needed. Raw sockets where fetch would not send the request (TRACE, a lying length).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { baseURL as e2eBaseURL } from './fixtures';

const baseURL = e2eBaseURL();
const seeded = inject('seeded');
const DEMO_PASSWORD = 'palmares-demo-2026';
const { hostname, port } = new URL(baseURL);

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/** One request with node:http (any method, any header), the body written only if given. */
function raw(method: string, pathname: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawAnswer> {
  const start = Date.now();
  const lengthGiven = Object.keys(headers).some((h) => /^(content-length|transfer-encoding)$/i.test(h));
  if (body !== undefined && !lengthGiven) headers = { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, method, path: pathname, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text, ms: Date.now() - start }));
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** Sends only the head of a request that announces `length` bytes of body, and reads the answer. */
function headOnly(pathname: string, length: number, type = 'application/x-www-form-urlencoded'): Promise<{ status: number; ms: number }> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\nemail=`,
      );
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (status) {
        socket.destroy();
        resolve({ status: Number(status[1]), ms: Date.now() - start });
      }
    });
    socket.on('error', reject);
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error('no answer within 10 s'));
    });
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

async function loginCookie(email: string): Promise<string> {
  const response = await fetch(`${baseURL}/login`, {
    method: 'POST',
    headers: { ...FORM, Origin: baseURL },
    body: form({ email, password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  return response.headers.get('Set-Cookie')!.split(';')[0];
}

describe('methods', () => {
  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s answers 405 with Allow, never 500', async (method) => {
    const answer = await raw(method, '/login');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD, POST');
  });

  it('a method Node does not know is a 4xx', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => socket.write(`FOO / HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`));
      socket.setEncoding('utf8');
      socket.once('data', (chunk: string) => {
        socket.destroy();
        resolve(chunk);
      });
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 4\d\d/);
  });
});

describe('cross-origin posts', () => {
  const evil = { ...FORM, Origin: 'https://evil.example' };

  it.each(['/logout', '/set-language', '/login', '/apply/2022/upload', '/account', '/login.data'])(
    'POST %s from another origin answers 403',
    async (pathname) => {
      const answer = await raw('POST', pathname, evil, form({ lang: 'fr', redirectTo: '/' }));
      expect(answer.status).toBe(403);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
    },
  );

  it("the 403 page speaks the visitor's language: the language cookie first, then Accept-Language", async () => {
    const english = await raw('POST', '/logout', { ...evil, 'Accept-Language': 'en-GB,en;q=0.9' }, '');
    expect(english.headers['content-language']).toBe('en');
    expect(english.body).toContain('This form was sent from another site');
    const french = await raw('POST', '/logout', { ...evil, 'Accept-Language': 'fr-FR,fr;q=0.9' }, '');
    expect(french.headers['content-language']).toBe('fr');
    expect(french.body).toContain('Ce formulaire a été envoyé depuis un autre site');
    const chosen = await fetch(`${baseURL}/set-language`, { method: 'POST', headers: FORM, body: form({ lang: 'fr', redirectTo: '/' }), redirect: 'manual' });
    const langCookie = chosen.headers.get('Set-Cookie')!.split(';')[0];
    const byCookie = await raw('POST', '/logout', { ...evil, 'Accept-Language': 'en', Cookie: langCookie }, '');
    expect(byCookie.headers['content-language']).toBe('fr');
  });

  it('refuses Origin: null, and a browser post without Origin whose Sec-Fetch-Site says cross-site', async () => {
    expect((await raw('POST', '/logout', { ...FORM, Origin: 'null' }, '')).status).toBe(403);
    expect((await raw('POST', '/logout', { ...FORM, 'Sec-Fetch-Site': 'cross-site' }, '')).status).toBe(403);
    expect((await raw('POST', '/logout', { ...FORM, 'Sec-Fetch-Site': 'same-site' }, '')).status).toBe(403);
  });

  it('lets same-origin posts through, with or without Origin', async () => {
    const own = await raw('POST', '/login', { ...FORM, Origin: baseURL }, form({ email: 'nobody@example.org', password: 'wrong password' }));
    expect(own.status).toBe(400);
    const sameOrigin = await raw('POST', '/logout', { ...FORM, 'Sec-Fetch-Site': 'same-origin' }, '');
    expect(sameOrigin.status).toBe(302);
    const noHeaders = await raw('POST', '/logout', FORM, '');
    expect(noHeaders.status).toBe(302);
  });

  it('behind a proxy that rewrites Host, the X-Forwarded-Host names the site', async () => {
    const proxied = { ...FORM, 'X-Forwarded-Host': 'palmares.example', Origin: 'https://palmares.example' };
    expect((await raw('POST', '/logout', proxied, '')).status).toBe(302);
    expect((await raw('POST', '/logout', { ...proxied, Origin: 'https://evil.example' }, '')).status).toBe(403);
  });
});

describe('malformed form posts get a 4xx, never a 5xx', () => {
  it('a missing or wrong Content-Type is 415', async () => {
    expect((await raw('POST', '/login', {}, 'email=a')).status).toBe(415);
    expect((await raw('POST', '/login', { 'Content-Type': 'application/json' }, '{}')).status).toBe(415);
    expect((await raw('POST', '/login', { 'Content-Type': 'text/plain' }, 'email=a')).status).toBe(415);
    expect((await raw('POST', '/login.data', { 'Content-Type': 'application/json' }, '{}')).status).toBe(415);
    // Multipart only where files are received; and there, only with its boundary.
    expect((await raw('POST', '/login', { 'Content-Type': 'multipart/form-data; boundary=x' }, '')).status).toBe(415);
    expect((await raw('POST', '/apply/2022/upload', { 'Content-Type': 'multipart/form-data' }, 'x')).status).toBe(415);
  });

  it('an empty body is a 400 with the form messages', async () => {
    const answer = await raw('POST', '/login', { ...FORM, 'Content-Length': '0' });
    expect(answer.status).toBe(400);
  });
});

describe('body size', () => {
  it('answers 413 from the announced length, before reading the body', async () => {
    const answer = await headOnly('/login', 60 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.ms).toBeLessThan(5_000);
  });

  it('a body just over 1 MB is 413; a form under it goes through', async () => {
    expect((await headOnly('/login', 1024 * 1024 + 1)).status).toBe(413);
    const big = await raw('POST', '/login', FORM, form({ email: 'x@example.org', password: 'p'.repeat(900 * 1024) }));
    expect(big.status).toBe(400);
  });

  it('a chunked body without a length is refused with 411 (browsers always send the length of a form)', async () => {
    const answer = await raw('POST', '/login', { ...FORM, 'Transfer-Encoding': 'chunked' }, 'email=a');
    expect(answer.status).toBe(411);
  });

  it('uploads are not cut at 1 MB: they keep their own streaming limits', async () => {
    // Anonymous, so the route itself refuses (a redirect to /login), not the size guard.
    const multipart = 'multipart/form-data; boundary=----x';
    const upload = await headOnly('/apply/2022/upload', 5 * 1024 * 1024, multipart);
    expect(upload.status).not.toBe(413);
    expect(upload.status).toBeLessThan(500);
    // The same size as a plain form is refused.
    expect((await headOnly('/apply/2022/upload', 5 * 1024 * 1024)).status).toBe(413);
  });
});

describe.skipIf(!seeded)('caching of pages that carry a session', () => {
  it.each([
    ['organiser@example.org', ['/organise', '/organise.data', '/organise/2021', '/account', '/editions/2019', '/']],
    ['judge1@example.org', ['/judge', '/judge.data', '/judge/2021']],
    ['founder1@example.org', ['/me', '/me.data', '/apply/2022']],
  ])('%s: every page and .data answer is private, no-store', async (email, paths) => {
    const cookie = await loginCookie(email);
    for (const pathname of paths) {
      const response = await fetch(`${baseURL}${pathname}`, { headers: { Cookie: cookie }, redirect: 'manual' });
      expect(response.status, pathname).toBeLessThan(400);
      expect(response.headers.get('Cache-Control'), pathname).toBe('private, no-store');
    }
  });

  it('public pages keep their public caching for anonymous visitors, and compiled assets stay immutable', async () => {
    const page = await fetch(`${baseURL}/editions/2019`);
    expect(page.headers.get('Cache-Control')).toMatch(/^public/);
    const html = await page.text();
    const asset = /href="(\/build\/[^"]+\.css)"/.exec(html)![1];
    const cookie = await loginCookie('judge2@example.org');
    const assetAnswer = await fetch(`${baseURL}${asset}`, { headers: { Cookie: cookie } });
    expect(assetAnswer.headers.get('Cache-Control')).toMatch(/immutable/);
  });

  it('the answer that sets the session cookie is private, no-store too', async () => {
    const response = await fetch(`${baseURL}/login`, {
      method: 'POST',
      headers: FORM,
      body: form({ email: 'judge3@example.org', password: DEMO_PASSWORD }),
      redirect: 'manual',
    });
    expect(response.headers.get('Set-Cookie')).toBeTruthy();
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
  });
});

describe('logging of refusals', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-security-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('404 and 403/405 are logged with their path at info/warn, never at error level as "[object Object]"', async () => {
    const own = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    // The copy of the build that global-setup made (it sits next to the database).
    const serverJs = path.join(path.dirname(process.env.DATABASE_PATH!), 'app', 'server.js');
    const child = spawn(process.execPath, [serverJs], {
      env: {
        PATH: process.env.PATH!,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        PORT: String(own),
        DATABASE_PATH: path.join(scratch, 'log.db'),
        UPLOADS_DIR: path.join(scratch, 'uploads'),
        SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const exit = new Promise((resolve) => child.on('exit', resolve));
    try {
      const url = `http://localhost:${own}`;
      for (let i = 0; i < 150; i++) {
        if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect((await fetch(`${url}/no-such-page`)).status).toBe(404);
      expect((await fetch(`${url}/organise`, { redirect: 'manual' })).status).toBe(302);
      expect((await fetch(`${url}/logout`, { method: 'POST', headers: { ...FORM, Origin: 'https://evil.example' }, body: '' })).status).toBe(403);
      // The log line of the last request, rather than a fixed pause for the server to write it.
      await expect.poll(() => output.includes('"/logout"'), { timeout: 5_000 }).toBe(true);
      const lines = output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: string; event: string; path?: string; status?: number });
      expect(output).not.toContain('[object Object]');
      expect(lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(lines).toContainEqual(expect.objectContaining({ event: 'request_refused', level: 'info', path: '/no-such-page', status: 404 }));
      expect(lines).toContainEqual(expect.objectContaining({ event: 'request_refused', level: 'warn', path: '/logout', status: 403 }));
    } finally {
      child.kill('SIGTERM');
      await exit;
    }
  });
});
