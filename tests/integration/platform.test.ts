import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loader as healthz } from '~/routes/healthz';
import { loader as rootLoader } from '~/root';
import { action as setLanguage } from '~/routes/set-language';
import { closeDb } from '~/utils/db.server';
import { parseEnv } from '~/utils/env.server';
import { languageFromHeader } from '~/utils/language.server';
import { context, cookieFrom, formRequest, getRequest, outcome } from '../fixtures/http';

describe('environment', () => {
  it('refuses to start in production without SESSION_SECRET and says what to set', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required in production/);
    expect(() => parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).isProduction).toBe(true);
  });

  it('has development defaults for everything else', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_PATH: './data/palmares.db', UPLOADS_DIR: './data/uploads', LOG_LEVEL: 'info' });
    expect(env.SESSION_SECRET.length).toBeGreaterThan(0);
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});

describe('languages', () => {
  it('picks French or English from Accept-Language by preference', () => {
    expect(languageFromHeader('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(languageFromHeader('de-DE,de;q=0.9,en;q=0.5,fr;q=0.4')).toBe('en');
    expect(languageFromHeader('en;q=0.2, fr-CA;q=0.7')).toBe('fr');
    expect(languageFromHeader('de, es')).toBeNull();
    expect(languageFromHeader(null)).toBeNull();
  });

  it('uses the browser language first, then the visitor’s choice kept in a cookie', async () => {
    const french = await rootLoader({ request: getRequest('/', { headers: { 'Accept-Language': 'fr-FR' } }), params: {}, context: context() });
    expect(french.lang).toBe('fr');
    const switched = await outcome(() =>
      setLanguage({ request: formRequest('/set-language', { lang: 'en', redirectTo: '/editions/2019' }), params: {}, context: context() }),
    );
    expect(switched.status).toBe(302);
    expect(switched.headers.get('Location')).toBe('/editions/2019');
    const cookie = cookieFrom(switched.headers.get('Set-Cookie'));
    const chosen = await rootLoader({
      request: getRequest('/', { cookie, headers: { 'Accept-Language': 'fr-FR' } }),
      params: {},
      context: context(),
    });
    expect(chosen.lang).toBe('en');
  });

  it('never redirects off the site after switching', async () => {
    const result = await outcome(() =>
      setLanguage({ request: formRequest('/set-language', { lang: 'fr', redirectTo: '//evil.example' }), params: {}, context: context() }),
    );
    expect(result.headers.get('Location')).toBe('/');
  });
});

describe('GET /healthz', () => {
  it('answers 200 {"status":"ok"} after a real query', async () => {
    const result = await outcome(() => healthz());
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database cannot be opened', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const working = process.env.DATABASE_PATH!;
    closeDb();
    // A path under a regular file can never be opened as a database.
    process.env.DATABASE_PATH = path.join(working, 'not-a-directory', 'x.db');
    try {
      const result = await outcome(() => healthz());
      expect(result.status).toBe(503);
      expect(result.data).toEqual({ status: 'error' });
    } finally {
      closeDb();
      process.env.DATABASE_PATH = working;
      spy.mockRestore();
    }
    expect(fs.existsSync(working)).toBe(true);
    expect((await outcome(() => healthz())).status).toBe(200);
  });
});
