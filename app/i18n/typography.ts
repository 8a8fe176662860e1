/**
 * French typography, applied once to the French templates where the dictionaries are loaded
 * (messages.server.ts), so that every string the server translates or sends to the browser has it:
 * a narrow no-break space (U+202F) before ; : ! ? and » and after «, instead of a plain or
 * no-break space, so that the sign never wraps alone onto the next line. Only templates are
 * touched, never the values put into them (a startup's name stays as its founder typed it).
 */
export const NARROW_NBSP = '\u202F';

/** `Raison : « oui » !` → `Raison\u202F: «\u202Foui\u202F»\u202F!` */
export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u00A0]+([;:!?»])/g, `${NARROW_NBSP}$1`)
    .replace(/«[ \u00A0]+/g, `«${NARROW_NBSP}`);
}

/** A dictionary with French typography in every template. */
export function typesetFrench<M extends Partial<Record<string, string>>>(messages: M): M {
  return Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, text === undefined ? text : frenchTypography(text)])) as M;
}
