/**
 * French typography and plurals, set in one place (messages.server.ts for the templates,
 * `interpolate` for the counts): what every translated string on every page goes through.
 */
import { describe, expect, it } from 'vitest';
import { interpolate } from '~/i18n';
import { allMessagesIn, messagesIn, translate } from '~/i18n/messages.server';
import { frenchTypography, NARROW_NBSP as N } from '~/i18n/typography';

describe('French typography', () => {
  it('puts a narrow no-break space before ; : ! ? » and after «, never touching what has none', () => {
    expect(frenchTypography('Raison : « oui » ! Vraiment ? Oui ; non')).toBe(`Raison${N}: «${N}oui${N}»${N}! Vraiment${N}? Oui${N}; non`);
    expect(frenchTypography('Raison\u00A0: x')).toBe(`Raison${N}: x`);
    expect(frenchTypography('https://example.org à 10:30')).toBe('https://example.org à 10:30');
  });

  it('is in every French message the server translates or sends, and never in English', () => {
    expect(translate('fr', 'audit.reason')).toBe(`Raison${N}:`);
    expect(messagesIn('fr', ['judging', 'applications', 'editions', 'layout'], '/organise/2021/audit')['audit.reason']).toBe(`Raison${N}:`);
    const french = Object.values(allMessagesIn('fr', ['core', 'applications', 'judging', 'results', 'scoring', 'stage']));
    expect(french.filter((text) => /[ \u00A0][;:!?»]|«[ \u00A0]/.test(text ?? ''))).toEqual([]);
    expect(translate('en', 'audit.reason')).toBe('Reason:');
  });

  it('leaves the values put into a template as they were typed', () => {
    expect(translate('fr', 'stage.vote.yourChoice', { name: 'Oui ! Data' })).toBe(`Votre vote${N}: Oui ! Data.`);
  });
});

describe('plurals', () => {
  const places = '{n, plural, one {# place} other {# places}} lower';
  it('follow Intl.PluralRules of the language', () => {
    expect(interpolate(places, { n: 1 }, 'en')).toBe('1 place lower');
    expect(interpolate(places, { n: 0 }, 'en')).toBe('0 places lower');
    expect(interpolate(places, { n: 0 }, 'fr')).toBe('0 place lower');
    expect(interpolate(places, { n: 2 }, 'fr')).toBe('2 places lower');
    expect(interpolate('{n, plural, =0 {none} other {# left}}', { n: 0 }, 'en')).toBe('none');
  });

  it('are used by the dictionaries', () => {
    expect(translate('en', 'results.ranking.change.down', { places: 1 })).toMatch(/^1 place lower/);
    expect(translate('fr', 'home.startupsCount', { count: 1 })).toBe('1 startup candidate');
    expect(translate('en', 'stage.control.vote.ballots', { count: 1 })).toBe('1 person has voted.');
  });
});
