/**
 * A page ships only the strings its routes use (decision 049). app/i18n/shipped-keys.server.ts is
 * written from the source by `npm run i18n:shipped`: it must be what the source gives today, and at
 * every route's URL the loaders of its chain must ship every key its modules name (from the
 * namespaces the chain sends), as the server finds them at run time. A key missing anyway (built in
 * a way the scan cannot read) shows as the key and logs a console.error, which fails the e2e tests
 * that visit the page (walk.test.ts visits every page in both languages).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse, closure, GENERATED, render, routes, usedKeys } from '../../scripts/i18n-shipped';
import { allMessagesIn, keysOfNamespace, messagesIn, type Namespace } from '~/i18n/messages.server';

const analysis = analyse();
const all = routes();
const byId = new Map(all.map((r) => [r.id, r]));

function chainOf(id: string) {
  const chain = [];
  for (let at = byId.get(id); at; at = at.parentId ? byId.get(at.parentId) : undefined) chain.unshift(at);
  return chain;
}

/** A URL the route answers: each parameter given a value. */
function urlOf(id: string): string {
  const segments = chainOf(id)
    .map((r) => r.path ?? '')
    .filter(Boolean)
    .flatMap((p) => p.split('/'))
    .map((s) => (s === '*' ? 'x' : s.startsWith(':') ? (s.endsWith('?') ? '' : '2021') : s))
    .filter(Boolean);
  return `/${segments.join('/')}`;
}

describe('the keys each page ships', () => {
  it('are listed in app/i18n/shipped-keys.server.ts as the source gives them today (else: npm run i18n:shipped)', () => {
    expect(fs.readFileSync(GENERATED, 'utf8') === render(analysis), 'app/i18n/shipped-keys.server.ts is out of date: run npm run i18n:shipped').toBe(true);
  });

  it('cover, at every route’s URL, each key the modules of its chain name that its chain’s namespaces hold', () => {
    const gaps: string[] = [];
    for (const route of all) {
      const chain = chainOf(route.id);
      const url = urlOf(route.id);
      const lists = chain.flatMap((r) => Object.keys(analysis.routes.find((s) => s.id === r.id)!.lists).map((list) => list.split(',') as Namespace[]));
      const sendable = new Set([...lists.flat(), 'core' as Namespace].flatMap((ns) => keysOfNamespace(ns)));
      const shipped = new Set(lists.flatMap((list) => Object.keys(messagesIn('en', list, url))));
      // Every module of the page counts: a layout's own words (the judge section's offline line) must
      // come with each page it frames, even when only the page's loader sends their namespace.
      const modules = chain.flatMap((r) => [...closure(r.file)]);
      for (const key of usedKeys(modules)) if (sendable.has(key) && !shipped.has(key)) gaps.push(`${route.id} (${url}): ${key}`);
    }
    expect(gaps).toEqual([]);
  });

  it('are far fewer than the namespaces on the organiser’s set-up page, in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      const sent = (['core', 'editions', 'judging'] as const).map((ns) => JSON.stringify(messagesIn(lang, [ns], '/organise/2021')).length);
      const whole = (['core', 'editions', 'judging'] as const).map((ns) => JSON.stringify(allMessagesIn(lang, [ns])).length);
      expect(sent.reduce((a, b) => a + b)).toBeLessThan(whole.reduce((a, b) => a + b) / 2);
    }
    // The judges' page writes the same list as the set-up page and ships its own keys, not these.
    expect(messagesIn('en', ['judging'], '/organise/2021')).toHaveProperty(['setup.rounds.lock']);
    expect(messagesIn('en', ['judging'], '/organise/2021/judges')).not.toHaveProperty(['setup.rounds.lock']);
  });

  it('fall back to every key a list ships anywhere, or the whole namespaces for a list no route writes', () => {
    expect(Object.keys(messagesIn('en', ['judging'], '/no/such/page')).length).toBeGreaterThanOrEqual(Object.keys(messagesIn('en', ['judging'], '/organise/2021')).length);
    expect(messagesIn('en', ['core', 'scoring', 'stage'])).toEqual(allMessagesIn('en', ['core', 'scoring', 'stage']));
  });
});
