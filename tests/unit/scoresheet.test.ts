import { describe, expect, it } from 'vitest';
import {
  checkValue,
  diffScoresheets,
  differingCriteria,
  emptySnapshot,
  isComplete,
  planSave,
  readScoresheetForm,
  sameContent,
  scaleSteps,
  scoresheetActionOf,
  scoresheetFormFields,
  typedContent,
  validateScoresheet,
  type RawScoresheet,
  type ScoresheetSnapshot,
} from '~/domain/scoresheet';
import { saveRequestSchema } from '~/domain/scoresheet-request';

const IMPACT = { id: 1, scaleMin: 1, scaleMax: 10 };
const FEASIBILITY = { id: 2, scaleMin: 1, scaleMax: 10 };
const TEAM = { id: 3, scaleMin: 1, scaleMax: 5 };
const CRITERIA = [IMPACT, FEASIBILITY, TEAM];

function raw(values: Record<number, string>, comments: Record<number, string> = {}, overallComment = ''): RawScoresheet {
  return { values, comments, overallComment };
}

function stored(partial: Partial<ScoresheetSnapshot> = {}): ScoresheetSnapshot {
  return {
    status: 'draft',
    revision: 1,
    values: { 1: 7, 2: null, 3: null },
    comments: { 1: '', 2: '', 3: '' },
    overallComment: '',
    ...partial,
  };
}

describe('checkValue', () => {
  it('accepts every whole number of the scale, ends included', () => {
    expect(scaleSteps(IMPACT)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const step of scaleSteps(IMPACT)) expect(checkValue(String(step), IMPACT)).toEqual({ ok: true, value: step });
  });

  it('reads an empty value as "not chosen yet"', () => {
    expect(checkValue('', IMPACT)).toEqual({ ok: true, value: null });
    expect(checkValue('   ', IMPACT)).toEqual({ ok: true, value: null });
  });

  it('refuses values off the scale: 11 and 0 on 1–10, 6 on 1–5', () => {
    expect(checkValue('11', IMPACT)).toEqual({ ok: false, error: 'scoring.errors.outOfScale' });
    expect(checkValue('0', IMPACT)).toEqual({ ok: false, error: 'scoring.errors.outOfScale' });
    expect(checkValue('-3', IMPACT)).toEqual({ ok: false, error: 'scoring.errors.outOfScale' });
    expect(checkValue('6', TEAM)).toEqual({ ok: false, error: 'scoring.errors.outOfScale' });
  });

  it('refuses anything that is not a whole number', () => {
    for (const bad of ['7.5', '7,5', '1e1', 'seven', '0x7', 'Infinity', 'NaN', '7 8', '99999999999']) {
      expect(checkValue(bad, IMPACT), bad).toEqual({ ok: false, error: 'scoring.errors.notInteger' });
    }
  });
});

describe('validateScoresheet', () => {
  it('lets a draft leave criteria unscored', () => {
    const check = validateScoresheet(CRITERIA, raw({ 1: '7' }), 'draft');
    expect(check).toEqual({
      ok: true,
      content: { values: { 1: 7, 2: null, 3: null }, comments: { 1: '', 2: '', 3: '' }, overallComment: '' },
    });
  });

  it('asks for every criterion on a complete sheet, with a message on each missing one', () => {
    const check = validateScoresheet(CRITERIA, raw({ 1: '7', 2: '', 3: '4' }), 'complete');
    expect(check).toEqual({ ok: false, fieldErrors: { 'score-2': 'scoring.errors.required' } });
  });

  it('refuses a value off the scale even in a draft, and says which field', () => {
    const check = validateScoresheet(CRITERIA, raw({ 1: '11', 3: '2.5' }), 'draft');
    expect(check).toEqual({
      ok: false,
      fieldErrors: { 'score-1': 'scoring.errors.outOfScale', 'score-3': 'scoring.errors.notInteger' },
    });
  });

  it('trims comments and refuses overlong ones', () => {
    const ok = validateScoresheet(CRITERIA, raw({}, { 1: '  strong team  ' }, '  good  '), 'draft');
    expect(ok.ok && ok.content.comments[1]).toBe('strong team');
    expect(ok.ok && ok.content.overallComment).toBe('good');
    const long = validateScoresheet(CRITERIA, raw({}, { 2: 'x'.repeat(2001) }, 'y'.repeat(5001)), 'draft');
    expect(long).toEqual({
      ok: false,
      fieldErrors: { 'comment-2': 'scoring.errors.commentTooLong', overallComment: 'scoring.errors.overallCommentTooLong' },
    });
  });
});

describe('the form', () => {
  it('reads only the fields of the given criteria, and writes them back the same way', () => {
    const form = new URLSearchParams({
      'score-1': '8',
      'comment-1': 'clear problem',
      'score-3': '4',
      'score-99': '10',
      overallComment: 'promising',
    });
    const read = readScoresheetForm(form, CRITERIA);
    expect(read).toEqual({
      values: { 1: '8', 2: '', 3: '4' },
      comments: { 1: 'clear problem', 2: '', 3: '' },
      overallComment: 'promising',
    });
    const content = typedContent(CRITERIA, read);
    expect(readScoresheetForm(new URLSearchParams(scoresheetFormFields(CRITERIA, content)), CRITERIA)).toEqual(read);
  });

  it('shows back what was typed after a refusal, leaving off-scale values unchosen', () => {
    expect(typedContent(CRITERIA, raw({ 1: '11', 2: '3' }, { 1: 'typed ' }))).toEqual({
      values: { 1: null, 2: 3, 3: null },
      comments: { 1: 'typed ', 2: '', 3: '' },
      overallComment: '',
    });
  });

  it('requires an intent, a well-formed idempotency key and a revision', () => {
    const key = '0b6f6c1e-5d0a-4a39-9d8c-2f1a3c4b5d6e';
    expect(saveRequestSchema.safeParse({ intent: 'save', idempotencyKey: key, revision: '3' })).toMatchObject({
      success: true,
      data: { intent: 'save', idempotencyKey: key, revision: 3 },
    });
    expect(saveRequestSchema.safeParse({ intent: 'publish', idempotencyKey: key, revision: '0' }).success).toBe(false);
    expect(saveRequestSchema.safeParse({ intent: 'save', idempotencyKey: 'short', revision: '0' }).success).toBe(false);
    expect(saveRequestSchema.safeParse({ intent: 'save', idempotencyKey: `${key}';--`, revision: '0' }).success).toBe(false);
    expect(saveRequestSchema.safeParse({ intent: 'save', idempotencyKey: key, revision: '-1' }).success).toBe(false);
    expect(saveRequestSchema.safeParse({ intent: 'save', idempotencyKey: key, revision: '1.5' }).success).toBe(false);
    expect(saveRequestSchema.safeParse({ intent: 'save', idempotencyKey: key }).success).toBe(false);
  });
});

describe('diffScoresheets', () => {
  it('lists what changed, criterion by criterion, in display order', () => {
    const before = stored({ values: { 1: 7, 2: 5, 3: null }, comments: { 1: 'a', 2: '', 3: '' } });
    const after = { ...before, status: 'submitted' as const, values: { 1: 8, 2: 5, 3: 4 }, comments: { 1: 'a', 2: 'b', 3: '' }, overallComment: 'ok' };
    expect(diffScoresheets(CRITERIA, before, after)).toEqual([
      { field: 'status', before: 'draft', after: 'submitted' },
      { field: 'value', criterionId: 1, before: 7, after: 8 },
      { field: 'comment', criterionId: 2, before: '', after: 'b' },
      { field: 'value', criterionId: 3, before: null, after: 4 },
      { field: 'overallComment', before: '', after: 'ok' },
    ]);
  });

  it('finds nothing between a version and itself; comments are compared as stored (trimmed)', () => {
    const sheet = stored();
    expect(diffScoresheets(CRITERIA, sheet, sheet)).toEqual([]);
    expect(sameContent(CRITERIA, sheet, { ...sheet, comments: { ...sheet.comments, 1: '  ' } })).toBe(true);
    expect(sameContent(CRITERIA, sheet, { ...sheet, values: { ...sheet.values, 2: 1 } })).toBe(false);
    expect([...differingCriteria(CRITERIA, sheet, { ...sheet, values: { ...sheet.values, 2: 1 } })]).toEqual([2]);
  });
});

describe('planSave', () => {
  it('creates the sheet at revision 1 on a first draft save', () => {
    const plan = planSave(CRITERIA, null, 0, 'save', raw({ 1: '7' }));
    expect(plan).toMatchObject({ result: 'write', action: 'scoresheet.save', before: null, after: { status: 'draft', revision: 1, values: { 1: 7, 2: null, 3: null } } });
  });

  it('submits a complete sheet and names the action "submit"', () => {
    const plan = planSave(CRITERIA, stored(), 1, 'submit', raw({ 1: '7', 2: '6', 3: '4' }));
    expect(plan).toMatchObject({ result: 'write', action: 'scoresheet.submit', after: { status: 'submitted', revision: 2 } });
  });

  it('refuses a submit with a criterion missing, whatever the revision', () => {
    expect(planSave(CRITERIA, stored(), 1, 'submit', raw({ 1: '7', 3: '4' }))).toEqual({
      result: 'invalid',
      fieldErrors: { 'score-2': 'scoring.errors.required' },
    });
  });

  it('keeps a submitted sheet submitted: a change is "change", and must stay complete', () => {
    const submitted = stored({ status: 'submitted', revision: 4, values: { 1: 7, 2: 6, 3: 4 } });
    expect(planSave(CRITERIA, submitted, 4, 'save', raw({ 1: '8', 2: '6', 3: '4' }))).toMatchObject({
      result: 'write',
      action: 'scoresheet.change',
      before: submitted,
      after: { status: 'submitted', revision: 5, values: { 1: 8, 2: 6, 3: 4 } },
      changes: [{ field: 'value', criterionId: 1, before: 7, after: 8 }],
    });
    expect(planSave(CRITERIA, submitted, 4, 'save', raw({ 1: '8', 3: '4' }))).toMatchObject({ result: 'invalid' });
    expect(scoresheetActionOf('submitted', 'submit')).toBe('scoresheet.change');
  });

  it('refuses a save based on an older revision and hands back the stored version', () => {
    const current = stored({ revision: 3 });
    expect(planSave(CRITERIA, current, 2, 'save', raw({ 1: '9' }))).toEqual({ result: 'stale', stored: current });
    // A revision ahead of a sheet nobody saved yet is refused too.
    expect(planSave(CRITERIA, null, 5, 'save', raw({ 1: '9' }))).toEqual({ result: 'stale', stored: emptySnapshot(CRITERIA) });
  });

  it('writes nothing when nothing changed', () => {
    const current = stored({ comments: { 1: 'clear', 2: '', 3: '' } });
    expect(planSave(CRITERIA, current, 1, 'save', raw({ 1: '7' }, { 1: 'clear ' }))).toEqual({ result: 'unchanged', stored: current });
  });

  it('says a sheet is complete only when every criterion has a value', () => {
    expect(isComplete(CRITERIA, { 1: 1, 2: 1, 3: 1 })).toBe(true);
    expect(isComplete(CRITERIA, { 1: 1, 2: null, 3: 1 })).toBe(false);
    expect(isComplete(CRITERIA, { 1: 1, 3: 1 })).toBe(false);
  });
});
