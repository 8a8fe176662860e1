import { describe, expect, it } from 'vitest';
import {
  applicationWindow,
  businessSchema,
  canWithdraw,
  changedFields,
  consentSchema,
  COUNTRY_CODES,
  foldForSearch,
  formValuesOf,
  impactSchema,
  LIMITS,
  listQueryParams,
  parseListQuery,
  pitchSchema,
  sectionState,
  startupSchema,
  submissionProblems,
  teamSchema,
  timeLeft,
  validateSection,
  type ApplicationFields,
} from '~/domain/application';

const TRACKS = [11, 12];
const long = (n: number) => 'x'.repeat(n);
const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('startup section', () => {
  const schema = startupSchema(TRACKS);
  const good = { startupName: '  Ça Démocratie ', country: 'fr', website: 'ca-democratie.fr', trackId: '12' };

  it('accepts good input, trimmed, with the country upper-cased and a scheme added to the website', () => {
    expect(schema.parse(good)).toEqual({
      startupName: 'Ça Démocratie',
      country: 'FR',
      website: 'https://ca-democratie.fr',
      trackId: 12,
    });
  });

  it('takes an empty website as none', () => {
    expect(schema.parse({ ...good, website: '   ' }).website).toBeNull();
  });

  it('says what is missing', () => {
    expect(errorsOf(schema.safeParse({}))).toEqual({
      startupName: 'apply.errors.startupName.required',
      country: 'apply.errors.country.required',
      trackId: 'apply.errors.trackId.required',
    });
    expect(errorsOf(schema.safeParse({ ...good, startupName: '   ' }))).toEqual({ startupName: 'apply.errors.startupName.required' });
  });

  it('refuses a name that is too long', () => {
    expect(errorsOf(schema.safeParse({ ...good, startupName: long(LIMITS.startupName + 1) }))).toEqual({
      startupName: 'apply.errors.tooLong',
    });
    expect(schema.safeParse({ ...good, startupName: long(LIMITS.startupName) }).success).toBe(true);
  });

  it.each(['XX', 'FRA', 'F', '12', 'UK'])('refuses the country %s', (country) => {
    expect(errorsOf(schema.safeParse({ ...good, country }))).toEqual({ country: 'apply.errors.country.invalid' });
  });

  it.each(['javascript:alert(1)', 'ftp://files.example.org', 'http://localhost', 'not a url', 'https://exa mple.org', `https://${long(300)}.org`])(
    'refuses the website %s',
    (website) => {
      const errors = errorsOf(schema.safeParse({ ...good, website }));
      expect(Object.keys(errors)).toEqual(['website']);
      expect(['apply.errors.url', 'apply.errors.tooLong']).toContain(errors.website);
    },
  );

  it('refuses a track of another edition, and a track that is not a number', () => {
    expect(errorsOf(schema.safeParse({ ...good, trackId: '99' }))).toEqual({ trackId: 'apply.errors.trackId.invalid' });
    expect(errorsOf(schema.safeParse({ ...good, trackId: 'abc' }))).toEqual({ trackId: 'apply.errors.trackId.invalid' });
  });

  it('asks for no track when the edition has none', () => {
    expect(startupSchema([]).parse({ ...good, trackId: undefined }).trackId).toBeNull();
  });
});

describe('pitch section', () => {
  const good = { oneLiner: 'Clear budgets.', problem: 'Nobody reads budgets.', solution: 'We explain them.', videoUrl: '' };

  it('accepts good input, with Windows line ends made Unix ones before counting', () => {
    const solution = `${long(LIMITS.solution - 10)}\r\n${long(9)}`;
    const parsed = pitchSchema.parse({ ...good, solution, videoUrl: 'https://video.example/pitch' });
    expect(parsed.solution).toHaveLength(LIMITS.solution);
    expect(parsed.solution).not.toContain('\r');
    expect(parsed.videoUrl).toBe('https://video.example/pitch');
  });

  it('says what is missing and what is too long', () => {
    expect(errorsOf(pitchSchema.safeParse({ videoUrl: '' }))).toEqual({
      oneLiner: 'apply.errors.oneLiner.required',
      problem: 'apply.errors.problem.required',
      solution: 'apply.errors.solution.required',
    });
    expect(errorsOf(pitchSchema.safeParse({ ...good, oneLiner: long(LIMITS.oneLiner + 1) }))).toEqual({ oneLiner: 'apply.errors.tooLong' });
    expect(errorsOf(pitchSchema.safeParse({ ...good, problem: long(LIMITS.problem + 1) }))).toEqual({ problem: 'apply.errors.tooLong' });
  });

  it('keeps the one-liner on one line: a line break typed in its textarea becomes a space', () => {
    expect(pitchSchema.parse({ ...good, oneLiner: 'Clear budgets,\r\n  for everyone.' }).oneLiner).toBe('Clear budgets, for everyone.');
  });

  it('refuses a bad video link', () => {
    expect(errorsOf(pitchSchema.safeParse({ ...good, videoUrl: 'data:text/html,hi' }))).toEqual({ videoUrl: 'apply.errors.url' });
  });
});

describe('impact, business, team and consent sections', () => {
  it('impact: good, missing, too long', () => {
    expect(impactSchema.parse({ impact: ' 40 000 voters ' })).toEqual({ impact: '40 000 voters' });
    expect(errorsOf(impactSchema.safeParse({ impact: '' }))).toEqual({ impact: 'apply.errors.impact.required' });
    expect(errorsOf(impactSchema.safeParse({ impact: long(LIMITS.impact + 1) }))).toEqual({ impact: 'apply.errors.tooLong' });
  });

  it('business: good, missing, too long', () => {
    expect(businessSchema.safeParse({ businessModel: 'Subscriptions', traction: '12 cities' }).success).toBe(true);
    expect(errorsOf(businessSchema.safeParse({}))).toEqual({
      businessModel: 'apply.errors.businessModel.required',
      traction: 'apply.errors.traction.required',
    });
    expect(errorsOf(businessSchema.safeParse({ businessModel: 'x', traction: long(LIMITS.traction + 1) }))).toEqual({
      traction: 'apply.errors.tooLong',
    });
  });

  it('team: good, missing, too long', () => {
    expect(teamSchema.parse({ team: 'Ana and Karim' })).toEqual({ team: 'Ana and Karim' });
    expect(errorsOf(teamSchema.safeParse({ team: '  ' }))).toEqual({ team: 'apply.errors.team.required' });
    expect(errorsOf(teamSchema.safeParse({ team: long(LIMITS.team + 1) }))).toEqual({ team: 'apply.errors.tooLong' });
  });

  it('consent: yes or no, nothing else', () => {
    expect(consentSchema.parse({ consentToPublication: 'yes' })).toEqual({ consentToPublication: true });
    expect(consentSchema.parse({ consentToPublication: 'no' })).toEqual({ consentToPublication: false });
    expect(errorsOf(consentSchema.safeParse({}))).toEqual({ consentToPublication: 'apply.errors.consentToPublication.required' });
    expect(errorsOf(consentSchema.safeParse({ consentToPublication: 'maybe' }))).toEqual({
      consentToPublication: 'apply.errors.consentToPublication.required',
    });
  });
});

describe('drafts and submitted applications', () => {
  it('a draft may leave fields blank, but what is typed must be valid', () => {
    const draft = validateSection('startup', { startupName: 'Civix', country: '', website: '', trackId: '' }, { complete: false, trackIds: TRACKS });
    expect(draft).toEqual({ ok: true, values: { startupName: 'Civix', country: null, website: null, trackId: null } });
    const bad = validateSection('startup', { startupName: '', country: 'ZZ', website: 'nope nope', trackId: '' }, { complete: false, trackIds: TRACKS });
    expect(bad).toEqual({ ok: false, fieldErrors: { country: 'apply.errors.country.invalid', website: 'apply.errors.url' } });
  });

  it('a submitted application must keep every required field', () => {
    const result = validateSection('startup', { startupName: '', country: 'FR', website: '', trackId: '11' }, { complete: true, trackIds: TRACKS });
    expect(result).toEqual({ ok: false, fieldErrors: { startupName: 'apply.errors.startupName.required' } });
  });

  const complete: ApplicationFields = {
    startupName: 'Civix',
    country: 'FR',
    website: null,
    trackId: 11,
    oneLiner: 'One line',
    problem: 'Problem',
    solution: 'Solution',
    videoUrl: null,
    impact: 'Impact',
    businessModel: 'Model',
    traction: 'Traction',
    team: 'Team',
    consentToPublication: false,
    deckFileId: 5,
    logoFileId: null,
  };

  it('knows which sections are complete, in progress or not started', () => {
    expect(sectionState('startup', complete, TRACKS)).toBe('complete');
    expect(sectionState('startup', { ...complete, country: null }, TRACKS)).toBe('inProgress');
    expect(sectionState('pitch', { ...complete, oneLiner: '', problem: '', solution: '' }, TRACKS)).toBe('notStarted');
    expect(sectionState('files', { ...complete, deckFileId: null, logoFileId: 3 }, TRACKS)).toBe('inProgress');
    expect(sectionState('files', complete, TRACKS)).toBe('complete');
    expect(sectionState('consent', null, TRACKS)).toBe('notStarted');
    expect(sectionState('consent', complete, TRACKS)).toBe('complete');
  });

  it('lists every problem before submission, the missing deck included', () => {
    expect(submissionProblems(complete, TRACKS)).toEqual([]);
    expect(submissionProblems({ ...complete, team: '', deckFileId: null }, TRACKS)).toEqual([
      { section: 'team', fieldErrors: { team: 'apply.errors.team.required' } },
      { section: 'files', fieldErrors: { deck: 'apply.errors.deck.required' } },
    ]);
  });

  it('reads the saved application back as the forms post it', () => {
    expect(formValuesOf(complete)).toMatchObject({ trackId: '11', website: '', consentToPublication: 'no' });
    expect(formValuesOf(null).startupName).toBe('');
  });

  it('keeps only the changed fields for the audit log', () => {
    expect(changedFields({ team: 'a', traction: 'b', x: 1 }, { team: 'a', traction: 'c' })).toEqual({
      before: { traction: 'b' },
      after: { traction: 'c' },
    });
  });
});

describe('the application window', () => {
  const edition = {
    status: 'open' as const,
    applicationsOpenAt: new Date('2031-03-01T00:00:00Z'),
    applicationsCloseAt: new Date('2031-06-30T21:59:59Z'),
  };
  const at = (iso: string) => new Date(iso);

  it('is open up to the close time and closed one second after', () => {
    expect(applicationWindow(edition, at('2031-06-30T21:59:58Z'))).toBe('open');
    expect(applicationWindow(edition, at('2031-06-30T21:59:59Z'))).toBe('open');
    expect(applicationWindow(edition, at('2031-06-30T22:00:00Z'))).toBe('closed');
    expect(applicationWindow(edition, at('2031-02-28T23:59:59Z'))).toBe('notYetOpen');
  });

  it('is closed once the edition moved on, and not open while in preparation', () => {
    expect(applicationWindow({ ...edition, status: 'judging' }, at('2031-04-01T00:00:00Z'))).toBe('closed');
    expect(applicationWindow({ ...edition, status: 'draft' }, at('2031-04-01T00:00:00Z'))).toBe('notYetOpen');
  });

  it('counts the time left in days, hours and minutes', () => {
    expect(timeLeft(edition.applicationsCloseAt, at('2031-06-28T20:58:00Z'))).toEqual({
      totalMs: (2 * 24 * 60 + 61) * 60_000 + 59_000,
      days: 2,
      hours: 1,
      minutes: 1,
    });
    expect(timeLeft(edition.applicationsCloseAt, at('2031-07-01T00:00:00Z')).totalMs).toBe(0);
  });

  it('lets an application be withdrawn until the results are published', () => {
    expect(canWithdraw('submitted', 'judging')).toBe(true);
    expect(canWithdraw('finalist', 'final')).toBe(true);
    expect(canWithdraw('finalist', 'published')).toBe(false);
    expect(canWithdraw('withdrawn', 'open')).toBe(false);
  });
});

describe('countries', () => {
  it('holds the 249 officially assigned ISO 3166-1 alpha-2 codes, each once', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect(COUNTRY_CODES.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
  });
});

describe("the organisers' list query", () => {
  it('reads the address, falling back to defaults on anything unexpected', () => {
    expect(parseListQuery(new URLSearchParams(''))).toEqual({ q: '', status: undefined, track: undefined, sort: 'name', dir: 'asc', page: 1 });
    expect(parseListQuery(new URLSearchParams('q=+civix+&status=submitted&track=12&sort=submitted&page=3'))).toEqual({
      q: 'civix',
      status: 'submitted',
      track: 12,
      sort: 'submitted',
      dir: 'desc',
      page: 3,
    });
    expect(parseListQuery(new URLSearchParams('status=bogus&track=x&sort=evil&dir=up&page=-2'))).toMatchObject({
      status: undefined,
      track: undefined,
      sort: 'name',
      dir: 'asc',
      page: 1,
    });
    expect(parseListQuery(new URLSearchParams('track=none')).track).toBe('none');
  });

  it('writes it back without its defaults', () => {
    const query = parseListQuery(new URLSearchParams('q=ça&status=draft&sort=name&dir=asc&page=2'));
    expect(listQueryParams(query).toString()).toBe('q=%C3%A7a&status=draft&page=2');
    expect(listQueryParams(query, { page: undefined, status: undefined }).toString()).toBe('q=%C3%A7a');
  });

  it('folds accents and case for search', () => {
    expect(foldForSearch('Ça Démocratie')).toBe('ca democratie');
  });
});
