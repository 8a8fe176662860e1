/**
 * Log-in throttling (docs/decisions/021-login-throttling.md): failed guesses earn growing delays
 * for whoever guesses; the account's owner, from another address, still gets in.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { action as loginAction } from '~/routes/login';
import { growingDelayMinutes, LOGIN_THROTTLE, minutesUntilAllowed, recordAttempt } from '~/utils/rate-limit.server';
import { context, formRequest, outcome } from '../fixtures/http';
import { createUser, PASSWORD } from '../fixtures/users';

const login = (email: string, password: string, ip: string) =>
  outcome(() => loginAction({ request: formRequest('/login', { email, password }), params: {}, context: context(ip) }));

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

const MIN = 60_000;

// scrypt is slow on purpose, and slower on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

describe('log-in throttling', () => {
  it('grows the delay 1, 2, 4, 8, then 15 minutes', () => {
    const free = LOGIN_THROTTLE.perPair.free;
    expect([free - 1, free, free + 1, free + 2, free + 3, free + 4, free + 10].map((n) => growingDelayMinutes(n, free))).toEqual([
      0, 1, 2, 4, 8, 15, 15,
    ]);
  });

  it("an attacker's many wrong passwords never lock the judge out: the right password from the judge's address gets in", async () => {
    await createUser('judge-final@example.org', 'judge');
    for (let i = 0; i < 4; i++) expect((await login('judge-final@example.org', `guess ${i}`, '198.51.100.66')).status).toBe(400);
    // (the rest of a long night of guessing, recorded as the action would)
    for (let i = 4; i < 40; i++) recordAttempt('login', '198.51.100.66', 'judge-final@example.org', false);
    // The attacker is slowed down…
    const attacker = await login('judge-final@example.org', PASSWORD, '198.51.100.66');
    expect(attacker.status).toBe(429);
    // …the judge, on the venue's network, is not.
    const judge = await login('judge-final@example.org', PASSWORD, '203.0.113.50');
    expect(judge.status).toBe(302);
    expect(judge.headers.get('Set-Cookie')).toBeTruthy();
  });

  it('the delay grows with each failure after it, and a success from that address resets it', async () => {
    await createUser('typo@example.org');
    const ip = '198.51.100.70';
    const t0 = Date.parse('2026-11-10T09:00:00Z');
    const free = LOGIN_THROTTLE.perPair.free;
    for (let i = 0; i < free; i++) recordAttempt('login', ip, 'typo@example.org', false, new Date(t0 + i * 1000));
    const last = t0 + (free - 1) * 1000;
    expect(minutesUntilAllowed('login', ip, 'typo@example.org', new Date(last + 1000))).toBe(1);
    expect(minutesUntilAllowed('login', ip, 'typo@example.org', new Date(last + MIN + 1000))).toBe(0);
    recordAttempt('login', ip, 'typo@example.org', false, new Date(last + MIN + 2000));
    expect(minutesUntilAllowed('login', ip, 'typo@example.org', new Date(last + MIN + 3000))).toBe(2);
    recordAttempt('login', ip, 'typo@example.org', true, new Date(last + 4 * MIN));
    expect(minutesUntilAllowed('login', ip, 'typo@example.org', new Date(last + 4 * MIN + 1000))).toBe(0);
  });

  it('one address failing on many accounts is slowed, but a judge who logged in from it before still gets in', async () => {
    const venue = '192.0.2.200';
    await createUser('venue-judge@example.org', 'judge');
    await createUser('venue-newcomer@example.org');
    expect((await login('venue-judge@example.org', PASSWORD, venue)).status).toBe(302);
    for (let i = 0; i <= LOGIN_THROTTLE.perAddress.free; i++) recordAttempt('login', venue, `stuffed${i}@example.org`, false);
    const newcomer = await login('venue-newcomer@example.org', PASSWORD, venue);
    expect(newcomer.status).toBe(429);
    expect((await login('venue-judge@example.org', PASSWORD, venue)).status).toBe(302);
    // From anywhere else, the newcomer gets in.
    expect((await login('venue-newcomer@example.org', PASSWORD, '203.0.113.80')).status).toBe(302);
  });

  it('guessing spread over many addresses slows unknown addresses, not the ones the owner used', async () => {
    await createUser('spread@example.org');
    const home = '203.0.113.90';
    expect((await login('spread@example.org', PASSWORD, home)).status).toBe(302);
    for (let i = 0; i < LOGIN_THROTTLE.perAccount.freeAddresses; i++) recordAttempt('login', `198.18.0.${i + 1}`, 'spread@example.org', false);
    expect((await login('spread@example.org', PASSWORD, '198.18.1.1')).status).toBe(429);
    expect((await login('spread@example.org', PASSWORD, home)).status).toBe(302);
  });
});
