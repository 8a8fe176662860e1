/**
 * The account forms' schemas, shared by the actions (the truth) and the forms
 * (HTML constraints for hints). Messages are dictionary keys, translated where shown.
 */
import { z } from 'zod';
import type { MessageKey } from '~/i18n';
import { plainText } from './text';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;

const email = z
  .string({ error: 'errors.email.required' })
  .trim()
  .toLowerCase()
  .min(1, 'errors.email.required')
  .max(EMAIL_MAX_LENGTH, 'errors.email.tooLong')
  .pipe(z.email({ error: 'errors.email.invalid' }));

export const loginSchema = z.object({
  email,
  password: z.string({ error: 'errors.password.required' }).min(1, 'errors.password.required'),
});

export const signupSchema = z.object({
  name: plainText(
    z
      .string({ error: 'errors.name.required' })
      .trim()
      .min(1, 'errors.name.required')
      .max(NAME_MAX_LENGTH, 'errors.name.tooLong'),
  ),
  email,
  password: z
    .string({ error: 'errors.password.required' })
    .min(PASSWORD_MIN_LENGTH, 'errors.password.tooShort')
    .max(PASSWORD_MAX_LENGTH, 'errors.password.tooLong'),
});

/** Field -> message key. The keys come from the schemas' zod messages, which tsc does not follow. */
export type FieldErrors<T extends string> = Partial<Record<T, MessageKey>>;

/** The first message key of each field, from a failed zod parse. */
export function fieldErrorsOf<T extends string>(error: z.ZodError): FieldErrors<T> {
  const out: Record<string, MessageKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !out[field]) out[field] = issue.message as MessageKey;
  }
  return out as FieldErrors<T>;
}

/** Any control character, any Unicode space or line break, a backslash (browsers read it as `/`). */
const UNSAFE_IN_REDIRECT = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/;
/** A host no real request has: resolving against it tells whether a path stays on this site. */
const PROBE_ORIGIN = 'http://palmares.invalid';

/**
 * Where to go after logging in (or after switching language): only a path on this site.
 * Refuses anything with a control character, whitespace or a backslash (`/\tab/evil`, `/\evil`
 * become `//evil` in a browser), anything not starting with a single `/`, and anything that a
 * browser would resolve to another origin (`//evil`, `/%2F…` stays a path and is allowed).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || to.length === 0 || to.length > 2000) return fallback;
  if (!to.startsWith('/') || to.startsWith('//') || UNSAFE_IN_REDIRECT.test(to)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(to, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE_ORIGIN) return fallback;
  // Serialised by the URL parser: percent-encoded, so the Location header is always plain ASCII.
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

// The invitation page's forms: the address is the invitation's, so only the rest is asked.
export const invitationSignupSchema = signupSchema.omit({ email: true });
export const invitationLoginSchema = loginSchema.pick({ password: true });
/** Accepting while logged in as the invited account: one button, nothing to type. */
export const invitationJoinSchema = z.object({});

// Password reset (docs/decisions/029): the address asked for, then a new password under sign-up's rule.
export const forgotPasswordSchema = loginSchema.pick({ email: true });
export const resetPasswordSchema = signupSchema.pick({ password: true });
