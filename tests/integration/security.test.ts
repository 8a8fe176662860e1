/**
 * Security (issue 11, OWASP ASVS level 2) as loaders, actions and services see it: redirects
 * that stay on the site, live-stage connection limits, the voters' address key and the rotation
 * of SESSION_SECRET, stored text without NUL or bidirectional controls, and refusals logged as
 * refusals. What server.js does before Remix is in tests/e2e/security.test.ts.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { UNSAFE_ErrorResponseImpl as ErrorResponse } from '@remix-run/router';
import { count } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Read once, at the first env() call: small limits for this file.
vi.hoisted(() => {
  process.env.SSE_MAX_PER_ADDRESS = '3';
  process.env.SSE_MAX_TOTAL = '5';
});

import { handleError } from '~/entry.server';
import { FORBIDDEN_CHARACTER_MESSAGE } from '~/domain/text';
import { loader as eventsLoader } from '~/routes/editions.$year_.stage.events';
import { loader as loginLoader } from '~/routes/login';
import { action as setLanguageAction } from '~/routes/set-language';
import { action as signupAction } from '~/routes/signup';
import { declareConflict } from '~/utils/conflicts.server';
import { getDb, schema } from '~/utils/db.server';
import { env, parseEnv } from '~/utils/env.server';
import { reservedConnections } from '~/utils/events.server';
import { sessionCookieWith } from '~/utils/session.server';
import { ADDRESS_KEY_LABEL, addressKey } from '~/utils/votes.server';
import { BASE, context, formAnswer, formRequest, getRequest, outcome } from '../fixtures/http';
import { createEdition, createUser, sessionCookie } from '../fixtures/users';

let logs: string[] = [];
beforeEach(() => {
  logs = [];
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void logs.push(String(line)));
  vi.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(String(line)));
});

describe('redirects after log-in stay on the site', () => {
  /** What an attacker puts in ?redirectTo= (raw, before URL encoding). */
  const BYPASSES = [
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\r/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\u000b/evil.example',
    '/\u3000/evil.example',
    '%2F%2Fevil.example',
    'https:evil.example',
    'https://evil.example',
    '/\u0000/evil.example',
  ];

  /** GET /login?`query` by a founder who is already logged in (a new one each time). */
  async function loginPageLoggedIn(query: string) {
    const user = await createUser(`redirect-${Math.random().toString(36).slice(2)}@example.org`);
    const cookie = await sessionCookie(user.id);
    return outcome(() => loginLoader({ request: getRequest(`/login?${query}`, { cookie }), params: {}, context: context() }));
  }

  it.each(BYPASSES)('a logged-in visitor of /login?redirectTo=%j goes home, not off-site (and never a 500)', async (to) => {
    const result = await loginPageLoggedIn(String(new URLSearchParams({ redirectTo: to })));
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe('/me');
  });

  it('the exact request of the report: %2F%09%2Fevil.example', async () => {
    const result = await loginPageLoggedIn('redirectTo=%2F%09%2Fevil.example');
    expect(result.headers.get('Location')).toBe('/me');
  });

  it('a path on the site is honoured', async () => {
    const result = await loginPageLoggedIn('redirectTo=%2Faccount%3Ftab%3Dsessions');
    expect(result.headers.get('Location')).toBe('/account?tab=sessions');
  });

  it('the language switch refuses the same bypasses', async () => {
    for (const to of ['/\t/evil.example', '/\\evil.example', '//evil.example', '/\r\n/evil.example']) {
      const result = await outcome(() => setLanguageAction({ request: formRequest('/set-language', { lang: 'fr', redirectTo: to }), params: {}, context: context() }));
      expect(result.status).toBe(302);
      expect(result.headers.get('Location')).toBe('/');
    }
  });
});

describe('live-stage connections', () => {
  async function connect(year: number, ip: string) {
    const abort = new AbortController();
    const request = new Request(`${BASE}/editions/${year}/stage/events`, { signal: abort.signal, headers: { 'Accept-Language': 'fr' } });
    const response = (await eventsLoader({ request, params: { year: String(year) }, context: context(ip) })) as Response;
    return { response, abort };
  }

  it('are limited per address and overall (SSE_MAX_PER_ADDRESS, SSE_MAX_TOTAL), with 429 beyond, and freed on disconnect', async () => {
    createEdition(2031, 'final');
    expect(env()).toMatchObject({ SSE_MAX_PER_ADDRESS: 3, SSE_MAX_TOTAL: 5 });
    const open = [];
    for (let i = 0; i < 3; i++) open.push(await connect(2031, '198.51.100.1'));
    expect(open.map((c) => c.response.status)).toEqual([200, 200, 200]);
    const fourth = await connect(2031, '198.51.100.1');
    expect(fourth.response.status).toBe(429);
    expect(fourth.response.headers.get('Content-Language')).toBe('fr');
    expect(await fourth.response.text()).toContain('Trop d’écrans en direct');
    expect(logs.some((l) => l.includes('sse_refused'))).toBe(true);
    // Another address still gets in, up to the overall limit.
    open.push(await connect(2031, '198.51.100.2'), await connect(2031, '198.51.100.2'));
    expect(open.map((c) => c.response.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await connect(2031, '198.51.100.3')).response.status).toBe(429);
    // Closing a connection frees its place.
    open[0].abort.abort();
    expect(reservedConnections('198.51.100.1')).toBe(2);
    const again = await connect(2031, '198.51.100.3');
    expect(again.response.status).toBe(200);
    for (const c of [...open, again]) c.abort.abort();
    expect(reservedConnections()).toBe(0);
  });
});

describe('secrets', () => {
  it("hashes voters' addresses with a key derived from SESSION_SECRET under its own label, never the secret itself", () => {
    const ip = '203.0.113.5';
    const withSecret = createHmac('sha256', env().SESSION_SECRET).update(`palmares-vote-ip:${ip}`).digest('hex');
    expect(addressKey(ip)).not.toBe(withSecret);
    const derived = Buffer.from(hkdfSync('sha256', env().SESSION_SECRET, '', ADDRESS_KEY_LABEL, 32));
    expect(addressKey(ip)).toBe(createHmac('sha256', derived).update(`palmares-vote-ip:${ip}`).digest('hex'));
  });

  it('SESSION_SECRET may hold several secrets: the first signs, all verify', async () => {
    const [a, b] = ['a'.repeat(40), 'b'.repeat(40)];
    const parsed = parseEnv({ NODE_ENV: 'production', SESSION_SECRET: `${b}, ${a}` });
    expect(parsed.SESSION_SECRET).toBe(b);
    expect(parsed.SESSION_SECRETS).toEqual([b, a]);
    expect(() => parseEnv({ NODE_ENV: 'production', SESSION_SECRET: `${b},short` })).toThrow(/each must have at least 32 characters/);

    const signedBeforeRotation = await sessionCookieWith([a]).serialize('session-id');
    const header = signedBeforeRotation.split(';')[0];
    expect(await sessionCookieWith(parsed.SESSION_SECRETS).parse(header)).toBe('session-id');
    expect(await sessionCookieWith([b]).parse(header)).toBeNull();
    const signedAfter = (await sessionCookieWith(parsed.SESSION_SECRETS).serialize('new-id')).split(';')[0];
    expect(await sessionCookieWith([b]).parse(signedAfter)).toBe('new-id');
  });
});

describe('stored text', () => {
  const users = () => getDb().select({ n: count() }).from(schema.users).get()!.n;

  it('sign-up refuses a name with a bidirectional override or a NUL, next to the field, keeping what was typed', async () => {
    for (const name of ['Eve\u202Egnp.exe', 'Eve\u0000', 'Eve \u2067x\u2069']) {
      const before = users();
      const result = await outcome(() =>
        signupAction({ request: formRequest('/signup', { name, email: 'eve@example.org', password: 'a long enough password' }), params: {}, context: context('198.51.100.40') }),
      );
      expect(result.status).toBe(400);
      expect(formAnswer(result.data).fieldErrors.name).toBe(FORBIDDEN_CHARACTER_MESSAGE);
      expect(formAnswer(result.data).values.name).toBe(name);
      expect(users()).toBe(before);
    }
  });

  it('a conflict reason with a bidirectional override is refused on the reason field', () => {
    let thrown: unknown;
    try {
      declareConflict({ editionId: 1, judgeId: 1, applicationId: 1, reason: 'former \u202Eboss', declaredBy: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ status: 400, key: FORBIDDEN_CHARACTER_MESSAGE, field: 'reason' });
  });
});

describe('refusals are logged as refusals', () => {
  it('a 404 or 403 is logged at info/warn with its path, never at error level as "[object Object]"', () => {
    const errors = vi.spyOn(console, 'error');
    handleError(new ErrorResponse(404, 'Not Found', null), { request: new Request(`${BASE}/nope`) });
    handleError(new ErrorResponse(403, 'Forbidden', 'Forbidden'), { request: new Request(`${BASE}/organise/2022`) });
    expect(errors).not.toHaveBeenCalled();
    expect(logs.join('\n')).not.toContain('[object Object]');
    const refused = logs.map((l) => JSON.parse(l)).filter((l) => l.event === 'request_refused');
    // (the tests run at LOG_LEVEL=warn: the 404's info line is not written)
    expect(refused).toEqual([expect.objectContaining({ level: 'warn', path: '/organise/2022', status: 403 })]);
  });
});
