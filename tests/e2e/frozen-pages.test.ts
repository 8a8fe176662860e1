/**
 * Frozen public answers (server.js before Express, app/utils/frozen-pages.server.ts, decision 036):
 * a published edition's page served from stored bytes with a CSP of its inline scripts' hashes, a
 * strong ETag and 304; a change of the public fingerprint (a withdrawn consent) shows at once; a
 * logged-in visitor still gets Remix's private page; and the page hydrates in Chromium, a
 * revalidated (304) reload included, under the hash-based policy.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, schema } from '~/utils/db.server';
import { startSession } from '~/utils/session.server';
import { cookieFrom } from '../fixtures/http';
import { hydrated, openBrowser, seeded, url } from './fixtures';

const PAGE = '/editions/2019';

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc\s*=/i.test(m[1])).map((m) => m[2]);
}

describe.skipIf(!seeded())('frozen public pages', () => {
  it('answers the same bytes with a hash-based CSP, a strong ETag and a 304', async () => {
    const first = await fetch(url(PAGE), { headers: { 'Accept-Language': 'fr' } });
    const html = await first.text();
    const second = await fetch(url(PAGE), { headers: { 'Accept-Language': 'fr' } });
    expect(await second.text()).toBe(html);
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(second.headers.get('ETag')).toBe(etag);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=300, must-revalidate');
    const csp = first.headers.get('Content-Security-Policy')!;
    expect(csp).not.toContain('nonce-');
    expect(html).not.toMatch(/\snonce="/);
    const scripts = inlineScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(csp).toContain(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
    const revalidated = await fetch(url(PAGE), { headers: { 'Accept-Language': 'fr', 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('Content-Security-Policy')).toBe(csp);
    const english = await fetch(url(PAGE), { headers: { 'Accept-Language': 'en' } });
    expect(english.headers.get('ETag')).not.toBe(etag);
    expect(await english.text()).toContain('lang="en"');
  });

  it('shows a withdrawn consent at once, and a logged-in visitor gets the private page', async () => {
    const before = await (await fetch(url(PAGE), { headers: { 'Accept-Language': 'en' } })).text();
    const db = getDb();
    const edition = db.select({ id: schema.editions.id }).from(schema.editions).where(eq(schema.editions.year, 2019)).get()!;
    const shown = db
      .select({ id: schema.applications.id, name: schema.applications.startupName })
      .from(schema.applications)
      .where(and(eq(schema.applications.editionId, edition.id), eq(schema.applications.consentToPublication, true)))
      .all()
      .find((a) => before.includes(a.name))!;
    expect(shown).toBeDefined();
    db.update(schema.applications).set({ consentToPublication: false }).where(eq(schema.applications.id, shown.id)).run();
    try {
      const after = await (await fetch(url(PAGE), { headers: { 'Accept-Language': 'en' } })).text();
      expect(after).not.toContain(shown.name);
    } finally {
      db.update(schema.applications).set({ consentToPublication: true }).where(eq(schema.applications.id, shown.id)).run();
    }
    expect(await (await fetch(url(PAGE), { headers: { 'Accept-Language': 'en' } })).text()).toContain(shown.name);

    const organiser = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, 'organiser@example.org')).get()!;
    const cookie = cookieFrom(await startSession(organiser.id, { ip: '127.0.0.1', userAgent: 'e2e frozen' }));
    const personal = await fetch(url(PAGE), { headers: { Cookie: cookie } });
    expect(personal.headers.get('Cache-Control')).toBe('private, no-store');
    expect(personal.headers.get('Content-Security-Policy')).toContain('nonce-');
  });

  it('hydrates under the hash-based policy, after a revalidated reload too', async () => {
    const { page } = await openBrowser();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === PAGE) statuses.push(response.status());
    });
    await page.goto(url(PAGE));
    await hydrated(page);
    await page.reload();
    await hydrated(page);
    expect(refused).toEqual([]);
    expect(statuses[0]).toBe(200);
    expect(await page.evaluate(() => '__remixContext' in window)).toBe(true);
  });
});
