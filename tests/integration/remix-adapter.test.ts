/**
 * server/remix-adapter.js (decision 048): Remix's fetch handler on Node's own request and response,
 * which replaced Express and @remix-run/express. Each rule Express or its middleware applied and the
 * adapter now owns, on a real Node server in this process with a stand-in for Remix's handler (the
 * built server's answers are in tests/e2e/server.test.ts and security.test.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_GONE_WORKS, createRemixAdapter, trustProxyFn } from '../../server/remix-adapter.js';

type Handler = (request: Request, context: unknown) => Promise<Response>;
let handler: Handler = async () => new Response('unset');
let trusted = false;
const adapters = {
  plain: createRemixAdapter({ handleRequest: (r: Request, c: unknown) => handler(r, c), trust: trustProxyFn(false) }),
  proxy: createRemixAdapter({ handleRequest: (r: Request, c: unknown) => handler(r, c), trust: trustProxyFn(true) }),
};
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff'); // as server.js's security headers
    const adapter = trusted ? adapters.proxy : adapters.plain;
    adapter.serve(req, res, { clientIp: adapter.clientIp(req) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw answer: status, headers as Node parsed them (lists kept), body bytes. */
function get(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: string[]; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the request Remix gets', () => {
  it('has the URL, method, headers, streamed body and load context of the Node request', async () => {
    let seen: { url: string; method: string; cookie: string | null; body: string; context: unknown } | undefined;
    handler = async (request, context) => {
      seen = { url: request.url, method: request.method, cookie: request.headers.get('Cookie'), body: await request.text(), context };
      return new Response(null, { status: 204 });
    };
    const answer = await get('/apply/2024?step=1', { method: 'POST', headers: { Host: 'palmares.example:8080', Cookie: 'a=1', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'name=Ada' });
    expect(answer.status).toBe(204);
    expect(seen).toEqual({ url: 'http://palmares.example:8080/apply/2024?step=1', method: 'POST', cookie: 'a=1', body: 'name=Ada', context: { clientIp: '127.0.0.1' } });
  });

  it('believes X-Forwarded-Host, -Proto and -For only with TRUST_PROXY=1 (Express\'s `trust proxy` 1)', async () => {
    let seen: { url: string; context: unknown } | undefined;
    handler = async (request, context) => {
      seen = { url: request.url, context };
      return new Response('ok');
    };
    const headers = { Host: 'internal:3000', 'X-Forwarded-Host': 'palmares.example', 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' };
    await get('/x', { headers });
    // Not trusted: the socket's address and protocol; the port of X-Forwarded-Host (none) else Host's.
    expect(seen).toEqual({ url: 'http://internal:3000/x', context: { clientIp: '127.0.0.1' } });
    trusted = true;
    try {
      await get('/x', { headers });
      expect(seen).toEqual({ url: 'https://palmares.example:3000/x', context: { clientIp: '203.0.113.7' } });
    } finally {
      trusted = false;
    }
  });

  it('is aborted when the client goes away before the answer (through the light signal on this Node)', async () => {
    // undici still follows the adapter's own emitter; false would mean ~20 µs more per request (decision 048).
    expect(CLIENT_GONE_WORKS).toBe(true);
    let aborted: () => void = () => {};
    const wasAborted = new Promise<void>((resolve) => (aborted = resolve));
    let started: () => void = () => {};
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    handler = (request) =>
      new Promise((resolve) => {
        request.signal.addEventListener('abort', () => {
          aborted();
          resolve(new Response('too late'));
        });
        started();
      });
    const req = http.request(`${base}/slow`, { agent: false });
    req.on('error', () => {});
    req.end();
    await hasStarted;
    req.destroy();
    await wasAborted;
  });

  it('a path that does not decode is a 400, without calling Remix', async () => {
    const remix = vi.fn(async () => new Response('no'));
    handler = remix;
    const answer = await get('/%ZZ');
    expect(answer.status).toBe(400);
    expect(answer.headers['content-security-policy']).toBe("default-src 'none'");
    expect(remix).not.toHaveBeenCalled();
  });

  it('a failure in Remix is a 500, logged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    handler = async () => {
      throw new Error('boom');
    };
    const answer = await get('/broken');
    expect(answer.status).toBe(500);
    expect(answer.body.toString()).toContain('Internal Server Error');
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
  });
});

describe('the response written back', () => {
  it('appends headers to those already set, keeps each Set-Cookie, and adds a charset to a textual type', async () => {
    handler = async () => {
      const headers = new Headers({ 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
      headers.append('Set-Cookie', 'a=1; Path=/');
      headers.append('Set-Cookie', 'b=2; Path=/');
      return new Response('{"ok":true}', { status: 201, headers });
    };
    const answer = await get('/cookies');
    expect(answer.status).toBe(201);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(answer.raw.filter((h) => h.toLowerCase() === 'x-content-type-options')).toHaveLength(2);
    // A response that sets a cookie is private, whatever the route said.
    expect(answer.headers['cache-control']).toBe('private, no-store');
  });

  it('is private, no-store when the request carries a session or voter cookie', async () => {
    handler = async () => new Response('hello', { headers: { 'Cache-Control': 'public, max-age=60' } });
    expect((await get('/', { headers: { Cookie: 'palmares_session=x' } })).headers['cache-control']).toBe('private, no-store');
    expect((await get('/', { headers: { Cookie: 'other=1; palmares_voter=y' } })).headers['cache-control']).toBe('private, no-store');
    expect((await get('/', { headers: { Cookie: 'palmares_lang=fr' } })).headers['cache-control']).toBe('public, max-age=60');
  });

  it('compresses as the compression middleware did: when accepted, never an event stream, never no-transform', async () => {
    const text = 'Palmarès '.repeat(500);
    handler = async () => new Response(text, { headers: { 'Content-Type': 'text/html' } });
    const gzipped = await get('/page', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(text);
    const plain = await get('/page');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(text);

    handler = async () => new Response(text, { headers: { 'Content-Type': 'text/html', 'Cache-Control': 'no-transform' } });
    expect((await get('/page', { headers: { 'Accept-Encoding': 'gzip' } })).headers['content-encoding']).toBeUndefined();
    handler = async () => new Response(`data: ${text}\n\n`, { headers: { 'Content-Type': 'text/event-stream' } });
    const events = await get('/events', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(events.headers['content-encoding']).toBeUndefined();
    expect(events.body.toString()).toBe(`data: ${text}\n\n`);
  });

  it('streams: a part written before the rest is ready reaches the client first, through gzip too', async () => {
    let finish: () => void = () => {};
    handler = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('<p>shell</p>'.repeat(200)));
            finish = () => {
              controller.enqueue(new TextEncoder().encode('<p>deferred</p>'));
              controller.close();
            };
          },
        }),
        { headers: { 'Content-Type': 'text/html' } },
      );
    for (const encoding of ['identity', 'gzip']) {
      const body = await new Promise<string>((resolve, reject) => {
        const req = http.request(`${base}/stream`, { agent: false, headers: { 'Accept-Encoding': encoding } }, (res) => {
          const output = encoding === 'gzip' ? res.pipe(zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH })) : res;
          let text = '';
          output.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('shell') && !text.includes('deferred')) finish();
          });
          output.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end();
      });
      expect(body.endsWith('<p>deferred</p>')).toBe(true);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    handler = async (request) => new Response(request.method === 'HEAD' ? null : 'body', { headers: { 'Content-Type': 'text/plain' } });
    const answer = await get('/', { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(answer.body.length).toBe(0);
  });
});
