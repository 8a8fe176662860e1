/**
 * The account forms' schemas, shared by the actions (the truth) and the forms
 * (HTML constraints for hints). Messages are dictionary keys, translated where shown.
 */
import { z } from 'zod';

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
  name: z
    .string({ error: 'errors.name.required' })
    .trim()
    .min(1, 'errors.name.required')
    .max(NAME_MAX_LENGTH, 'errors.name.tooLong'),
  email,
  password: z
    .string({ error: 'errors.password.required' })
    .min(PASSWORD_MIN_LENGTH, 'errors.password.tooShort')
    .max(PASSWORD_MAX_LENGTH, 'errors.password.tooLong'),
});

export type FieldErrors<T extends string> = Partial<Record<T, string>>;

/** The first message key of each field, from a failed zod parse. */
export function fieldErrorsOf<T extends string>(error: z.ZodError): FieldErrors<T> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !out[field]) out[field] = issue.message;
  }
  return out as FieldErrors<T>;
}

/** Where to go after logging in: only paths on this site, never `//evil.example`. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) {
    return fallback;
  }
  return to;
}

// The invitation page's forms: the address is the invitation's, so only the rest is asked.
export const invitationSignupSchema = signupSchema.omit({ email: true });
export const invitationLoginSchema = loginSchema.pick({ password: true });
/** Accepting while logged in as the invited account: one button, nothing to type. */
export const invitationJoinSchema = z.object({});
