/**
 * Messages of the scoring pages. `fr` is typed from `en`: a key missing in French fails the typecheck.
 * Merged into the dictionaries by en.ts and fr.ts.
 */
const en = {} as const;

const fr: Record<keyof typeof en, string> = {};

export const scoringMessages = { en, fr };
