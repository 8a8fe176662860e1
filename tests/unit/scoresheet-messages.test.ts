/**
 * Every message key the scoring code names exists, in English and in French. `t()` accepts any
 * string (so that form errors can travel as keys), which the typecheck cannot follow: this can.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '~/i18n/en';
import { fr } from '~/i18n/fr';

const ROOT = path.resolve(__dirname, '../..');
const FILES = [
  'app/domain/scoresheet.ts',
  'app/utils/scoresheets.server.ts',
  'app/utils/progress.server.ts',
  'app/components/Scale.tsx',
  'app/components/SaveStatus.tsx',
  'app/components/ScoresheetApplication.tsx',
  'app/components/ScoresheetConflict.tsx',
  'app/components/ScoresheetForm.tsx',
  'app/components/ScoresheetReadOnly.tsx',
  'app/routes/judge.$year._index.tsx',
  'app/routes/judge.$year.rounds.$roundId.$applicationId.tsx',
  'app/routes/organise.$year.progress.tsx',
];

function keysNamedIn(file: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...source.matchAll(/['`]((?:scoring|status|progress|forms|errors)\.[A-Za-z0-9_.]+)['`]/g)].map((m) => m[1]);
}

describe('scoring messages', () => {
  it.each(FILES)('%s names only keys that exist in both languages', (file) => {
    const keys = keysNamedIn(file).filter((key) => !key.endsWith('.'));
    for (const key of keys) {
      expect(Object.prototype.hasOwnProperty.call(en, key), `${key} in en`).toBe(true);
      expect(Object.prototype.hasOwnProperty.call(fr, key), `${key} in fr`).toBe(true);
    }
  });

  it('has a French text for every English one, with the same placeholders', () => {
    const scoringKeys = Object.keys(en).filter((key) => key.startsWith('scoring.')) as (keyof typeof en)[];
    expect(scoringKeys.length).toBeGreaterThan(50);
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of scoringKeys) {
      expect(fr[key], key).toBeTruthy();
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
    // Words that are the same in both languages; anything else left in English is a miss.
    const same = scoringKeys.filter((key) => fr[key] === en[key]);
    expect(same).toEqual(['scoring.application.solution', 'scoring.application.traction']);
  });
});
