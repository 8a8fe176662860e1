/**
 * The dictionaries as the pages receive them. tsc checks that every key the code names exists in
 * both languages (t() takes only MessageKey); these check what tsc cannot: the words themselves,
 * and that the namespaces loaders send cover the dictionary exactly once.
 */
import { describe, expect, it } from 'vitest';
import { en } from '~/i18n/en';
import { fr } from '~/i18n/fr';
import { allMessagesIn, type Namespace } from '~/i18n/messages.server';
import { typesetFrench } from '~/i18n/typography';

const NAMESPACES: Namespace[] = ['core', 'applications', 'editions', 'feedback', 'judging', 'layout', 'results', 'scoring', 'stage', 'mail', 'recovery'];
/** `{name}` and the counted `{name, plural, …}`, each name once. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

describe('dictionaries', () => {
  it('give every key a French text with the same placeholders as the English one', () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    expect(keys.length).toBeGreaterThan(1000);
    const empty = keys.filter((key) => !fr[key]?.trim());
    const mismatched = keys.filter((key) => JSON.stringify(placeholders(fr[key])) !== JSON.stringify(placeholders(en[key])));
    expect(empty).toEqual([]);
    expect(mismatched).toEqual([]);
  });

  it('leave no scoresheet sentence in English on the French page', () => {
    const scoringKeys = (Object.keys(en) as (keyof typeof en)[]).filter((key) => key.startsWith('scoring.'));
    expect(scoringKeys.filter((key) => fr[key] === en[key])).toEqual(['scoring.application.solution', 'scoring.application.traction']);
  });

  it.each(['en', 'fr'] as const)('split %s into namespaces that together are the whole dictionary, each key in one', (lang) => {
    const sizes = NAMESPACES.map((ns) => Object.keys(allMessagesIn(lang, [ns])).length);
    const all = allMessagesIn(lang, NAMESPACES);
    expect(all).toEqual(lang === 'en' ? en : typesetFrench(fr));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(Object.keys(en).length);
    expect(allMessagesIn(lang, ['scoring'])['scoring.sheet.metaTitle']).toBe((lang === 'en' ? en : typesetFrench(fr))['scoring.sheet.metaTitle']);
    expect(allMessagesIn(lang, ['scoring'])).not.toHaveProperty(['results.method.page.title']);
  });
});
