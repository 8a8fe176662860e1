import { describe, expect, it } from 'vitest';
import { editionDescription, editionName } from '~/domain/edition';
import { exactInstant, instantToLocal, localToInstant, zoneOffsetMinutes } from '~/domain/edition-time';
import { editionSettingsSchema, newEditionSchema, windowChangeNeedsConfirmation } from '~/domain/edition-form';
import { EDITION_2030_FORM } from '../fixtures/edition-form';

const PARIS = 'Europe/Paris';

describe('editionName and editionDescription', () => {
  const edition = { name: 'GovTech Summit 2030 — Pitch competition', nameFr: 'GovTech Summit 2030 — Concours de pitchs' };
  it('gives the name in the reader’s language', () => {
    expect(editionName(edition, 'en')).toBe('GovTech Summit 2030 — Pitch competition');
    expect(editionName(edition, 'fr')).toBe('GovTech Summit 2030 — Concours de pitchs');
  });
  it('falls back to the English name when the French one is empty', () => {
    expect(editionName({ ...edition, nameFr: '  ' }, 'fr')).toBe(edition.name);
  });
  it('falls back to the other language for an empty description', () => {
    expect(editionDescription({ descriptionFr: 'Bonjour', descriptionEn: '' }, 'en')).toBe('Bonjour');
    expect(editionDescription({ descriptionFr: 'Bonjour', descriptionEn: 'Hello' }, 'en')).toBe('Hello');
  });
});

describe('Paris wall-clock times across daylight-saving changes', () => {
  it.each([
    // winter (UTC+1), summer (UTC+2)
    ['2030-01-15T09:00', '2030-01-15T08:00:00.000Z'],
    ['2030-07-15T09:00', '2030-07-15T07:00:00.000Z'],
    // the spring change, 31 March 2030: 01:59 is still winter time, 03:00 already summer time
    ['2030-03-31T01:59', '2030-03-31T00:59:00.000Z'],
    ['2030-03-31T03:00', '2030-03-31T01:00:00.000Z'],
    ['2030-03-30T23:59', '2030-03-30T22:59:00.000Z'],
    // the autumn change, 27 October 2030: 01:59 summer, 03:00 winter
    ['2030-10-27T01:59', '2030-10-26T23:59:00.000Z'],
    ['2030-10-27T03:00', '2030-10-27T02:00:00.000Z'],
    // midnight and the end of a year
    ['2030-12-31T23:59', '2030-12-31T22:59:00.000Z'],
  ])('%s in Paris is %s', (local, iso) => {
    const result = localToInstant(local, PARIS);
    expect(result).toMatchObject({ ok: true, ambiguous: false });
    expect(result.ok && result.instant.toISOString()).toBe(iso);
    expect(instantToLocal(new Date(iso), PARIS)).toBe(local);
  });

  it('refuses a time that does not exist (clocks jump from 02:00 to 03:00)', () => {
    expect(localToInstant('2030-03-31T02:00', PARIS)).toEqual({ ok: false, reason: 'nonexistent' });
    expect(localToInstant('2030-03-31T02:30', PARIS)).toEqual({ ok: false, reason: 'nonexistent' });
    expect(localToInstant('2030-03-31T02:59', PARIS)).toEqual({ ok: false, reason: 'nonexistent' });
  });

  it('takes the first of a time that happens twice (clocks go back from 03:00 to 02:00), and says so', () => {
    const result = localToInstant('2030-10-27T02:30', PARIS);
    expect(result).toMatchObject({ ok: true, ambiguous: true });
    expect(result.ok && result.instant.toISOString()).toBe('2030-10-27T00:30:00.000Z');
    // One hour later the wall clock reads the same.
    expect(instantToLocal(new Date('2030-10-27T01:30:00Z'), PARIS)).toBe('2030-10-27T02:30');
  });

  it('refuses what is not a real date or time', () => {
    for (const bad of ['2030-02-30T10:00', '2030-13-01T10:00', '2030-01-01T24:00', '2030-01-01 10:00', '', '2030-01-01T10:60']) {
      expect(localToInstant(bad, PARIS)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('states the offset and the exact instant', () => {
    expect(zoneOffsetMinutes(new Date('2030-01-15T08:00:00Z'), PARIS)).toBe(60);
    expect(zoneOffsetMinutes(new Date('2030-07-15T08:00:00Z'), PARIS)).toBe(120);
    expect(exactInstant(new Date('2030-03-31T01:00:00Z'), PARIS)).toEqual({ local: '2030-03-31 03:00', offset: 'UTC+02:00', utc: '2030-03-31 01:00 UTC' });
    expect(exactInstant(new Date('2030-10-27T02:00:00Z'), PARIS)).toEqual({ local: '2030-10-27 03:00', offset: 'UTC+01:00', utc: '2030-10-27 02:00 UTC' });
  });
});

describe('the edition forms', () => {
  const valid = EDITION_2030_FORM;
  const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

  it('accepts a complete edition', () => {
    expect(newEditionSchema.safeParse(valid).success).toBe(true);
  });

  it('names each problem next to its field', () => {
    const result = newEditionSchema.safeParse({ ...valid, year: '30', nameFr: ' ', endsOn: '2030-06-11', opensAt: '2030-03-31T02:30', closesAt: '2030-02-30T10:00' });
    expect(errors(result)).toEqual({
      year: 'editions.errors.year.invalid',
      nameFr: 'editions.errors.nameFr.required',
      endsOn: 'editions.errors.dates.order',
      opensAt: 'editions.errors.time.nonexistent',
      closesAt: 'editions.errors.time.invalid',
    });
  });

  it('refuses a window that closes before it opens', () => {
    expect(errors(editionSettingsSchema.safeParse({ ...valid, closesAt: '2030-01-15T09:00' }))).toEqual({ closesAt: 'editions.errors.window.order' });
  });

  describe('moving the window', () => {
    const now = new Date('2030-04-10T10:00:00Z');
    const before = { applicationsOpenAt: new Date('2030-01-15T08:00:00Z'), applicationsCloseAt: new Date('2030-03-31T21:59:00Z') };
    it.each([
      ['a passed deadline, applications exist', { applicationsCloseAt: new Date('2030-04-30T21:59:00Z') }, 3, true],
      ['a passed deadline, no application', { applicationsCloseAt: new Date('2030-04-30T21:59:00Z') }, 0, false],
      ['a passed opening, applications exist', { applicationsOpenAt: new Date('2030-01-20T08:00:00Z') }, 3, true],
      ['nothing moved', {}, 3, false],
    ])('%s', (_, change, applications, expected) => {
      expect(windowChangeNeedsConfirmation(before, { ...before, ...change }, applications, now)).toBe(expected);
    });
    it('a future deadline moved into the past, applications exist', () => {
      const future = { ...before, applicationsCloseAt: new Date('2030-05-01T10:00:00Z') };
      expect(windowChangeNeedsConfirmation(future, { ...future, applicationsCloseAt: new Date('2030-04-01T10:00:00Z') }, 1, now)).toBe(true);
      expect(windowChangeNeedsConfirmation(future, { ...future, applicationsCloseAt: new Date('2030-05-08T10:00:00Z') }, 1, now)).toBe(false);
    });
  });
});
