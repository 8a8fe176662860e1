/**
 * What stored text may not hold, in one place: NUL (it cuts strings short in C libraries, CSV
 * readers and some terminals) and the bidirectional embedding, override and isolate controls
 * U+202A–U+202E and U+2066–U+2069 (they make a name read differently from what it is: a
 * startup called "‮fdp.exe" shows as "exe.pdf"). Every zod schema of app/domain that takes a
 * name or a short text refines it with `plainText`; services that take a free reason call
 * `hasForbiddenCharacters`. The message is a dictionary key, shown next to the field.
 */
import type { z } from 'zod';

// Built from code points so that the source itself holds none of these characters.
const FORBIDDEN = new RegExp(`[\\u0000\\u202A-\\u202E\\u2066-\\u2069]`, 'u');

export const FORBIDDEN_CHARACTER_MESSAGE = 'errors.text.forbiddenCharacter';

/**
 * U+FFFD is what a request's decoder puts where the bytes were not UTF-8: text holding it was
 * damaged on the way, and storing it would keep the damage silently.
 */
const UNREADABLE = /\uFFFD/u;
export const UNREADABLE_TEXT_MESSAGE = 'errors.text.unreadable';

export function hasUnreadableCharacters(value: string): boolean {
  return UNREADABLE.test(value);
}

export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN.test(value);
}

/** The same schema, refusing NUL and bidirectional controls with a field error. */
export function plainText<T extends z.ZodType<string, unknown>>(schema: T): T {
  return schema
    .refine((value) => !hasForbiddenCharacters(value), { message: FORBIDDEN_CHARACTER_MESSAGE })
    .refine((value) => !hasUnreadableCharacters(value), { message: UNREADABLE_TEXT_MESSAGE }) as T;
}
