/**
 * The server half of the form kit (the browser half is app/components/forms.tsx). An action
 * parses with the form's module-level zod schema and answers a refused form with Conform's
 * reply: the messages by field, and what was typed, so the page shows both with or without
 * JavaScript.
 */
import type { Submission, SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data } from '@remix-run/node';
import { z } from 'zod';
import { formMessage, type FormReply } from '~/domain/form-reply';
import { isRefusal, type Refusal } from '~/domain/refusal';
import type { AuthFailure } from './auth.server';

/**
 * Parses a posted form with its schema. The schemas read the text as typed (they trim, check
 * and convert themselves), so Conform's own coercion is off: the browser and the server run
 * exactly the same rules.
 */
export function parseForm<S extends z.ZodType>(formData: FormData | URLSearchParams, schema: S) {
  return parseWithZod(formData, { schema, disableAutoCoercion: true });
}

/** The answer to a refused form: 400 unless a rule says otherwise (403, 409, 429…). */
export function replyTo(form: string, result: SubmissionResult<string[]>, status = 400, headers?: HeadersInit) {
  return data<FormReply>({ form, result }, { status, headers });
}

/** Conform's reply carrying a refusal: next to its field when it names one, else on the form. */
export function refusalResult(submission: Submission<unknown, string[], unknown>, refusal: Refusal, hideFields?: string[]) {
  const message = [formMessage(refusal.key, refusal.params)];
  return submission.reply(refusal.field ? { fieldErrors: { [refusal.field]: message }, hideFields } : { formErrors: message, hideFields });
}

/** A refusal as the whole answer of a form. */
export function refusedForm(form: string, submission: Submission<unknown, string[], unknown>, refusal: Refusal) {
  return replyTo(form, refusalResult(submission, refusal), refusal.status);
}

/**
 * A refused log-in or sign-up as the whole answer of a form: 429 when throttled, else 400; the
 * password is never sent back.
 */
export function refusedAuth(form: string, submission: Submission<unknown, string[], unknown>, failure: AuthFailure) {
  const result = submission.reply({
    fieldErrors: fieldMessages(failure.fieldErrors),
    formErrors: failure.formError ? [formMessage(failure.formError, failure.params)] : undefined,
    hideFields: ['password'],
  });
  return replyTo(form, result, failure.formError === 'errors.auth.tooManyAttempts' ? 429 : 400);
}

/** Runs a change of a parsed form; a Refusal becomes the form's answer, anything else is a real error. */
export function attempt<T>(form: string, submission: Submission<unknown, string[], unknown>, change: () => T) {
  try {
    return change();
  } catch (error) {
    if (isRefusal(error)) return refusedForm(form, submission, error);
    throw error;
  }
}

/**
 * A submission whose rules a service checks itself (an application section, saved with its
 * revision by `saveSection`): Conform keeps what was typed, the service's answer gives the messages.
 */
export function submissionOf(formData: FormData | URLSearchParams) {
  return parseForm(formData, z.object({}).passthrough());
}

/** A service's field messages (one key per field) in Conform's shape. */
export function fieldMessages(errors: Partial<Record<string, string>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).flatMap(([name, key]) => (key ? [[name, [key]]] : [])));
}
