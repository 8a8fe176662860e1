import { describe, expect, it } from 'vitest';
import { signupSchema } from '~/domain/account';
import { pitchSchema, startupSchema } from '~/domain/application';
import { criterionSchema, declareConflictSchema, trackSchema, unlockRoundSchema } from '~/domain/judging-setup';
import { FORBIDDEN_CHARACTER_MESSAGE, hasForbiddenCharacters, UNREADABLE_TEXT_MESSAGE } from '~/domain/text';

/** NUL and each bidirectional embedding, override and isolate control. */
const FORBIDDEN = ['\u0000', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

function firstError(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) {
  return result.error?.issues.find((i) => i.path[0] === field)?.message;
}

describe('stored text refuses NUL and bidirectional controls', () => {
  it.each(FORBIDDEN.map((c) => [c.codePointAt(0)!.toString(16), c]))('U+%s is refused', (_, c) => {
    expect(hasForbiddenCharacters(`Civ${c}ix`)).toBe(true);
  });

  it('accepts ordinary text in any script, with its accents, emoji, and right-to-left letters', () => {
    for (const ok of ['Ça Démocratie', 'Zürich Civic Lab', 'ציבור', 'مدينة', 'Open 🗳️ Gov', 'Pitch; v2 = final']) {
      expect(hasForbiddenCharacters(ok)).toBe(false);
    }
  });

  it('refuses text that arrived damaged (U+FFFD, where the bytes were not UTF-8) with its own message', () => {
    const parsed = signupSchema.safeParse({ name: 'Civ\uFFFDix', email: 'eve@example.org', password: 'a long enough password' });
    expect(firstError(parsed, 'name')).toBe(UNREADABLE_TEXT_MESSAGE);
  });

  it('the sign-up name', () => {
    const parsed = signupSchema.safeParse({ name: 'Eve\u202egnp.exe', email: 'eve@example.org', password: 'a long enough password' });
    expect(firstError(parsed, 'name')).toBe(FORBIDDEN_CHARACTER_MESSAGE);
  });

  it("the application's short and long texts", () => {
    const startup = startupSchema([]).safeParse({ startupName: 'Civix\u0000', country: 'FR', website: '' });
    expect(firstError(startup, 'startupName')).toBe(FORBIDDEN_CHARACTER_MESSAGE);
    const pitch = pitchSchema.safeParse({ oneLiner: 'We \u2066fix\u2069 things', problem: 'p', solution: 's', videoUrl: '' });
    expect(firstError(pitch, 'oneLiner')).toBe(FORBIDDEN_CHARACTER_MESSAGE);
  });

  it('track and criterion names, and reasons', () => {
    expect(firstError(trackSchema.safeParse({ nameFr: 'Santé\u202d', nameEn: 'Health', position: '1' }), 'nameFr')).toBe(FORBIDDEN_CHARACTER_MESSAGE);
    expect(
      firstError(
        criterionSchema.safeParse({ nameFr: 'Impact', nameEn: 'Impact\u0000', weight: '1', scaleMin: '0', scaleMax: '10', position: '1' }),
        'nameEn',
      ),
    ).toBe(FORBIDDEN_CHARACTER_MESSAGE);
    expect(firstError(declareConflictSchema.safeParse({ applicationId: '3', reason: 'former \u202eboss' }), 'reason')).toBe(FORBIDDEN_CHARACTER_MESSAGE);
    expect(firstError(unlockRoundSchema.safeParse({ roundId: '3', reason: 'typo\u0000' }), 'reason')).toBe(FORBIDDEN_CHARACTER_MESSAGE);
  });
});
