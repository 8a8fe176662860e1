/**
 * A form message on the wire. Conform carries errors as strings; ours are dictionary keys, and
 * a few carry numbers ("6 applications use this track"). A message is the key, then, when it has
 * parameters, a space and their JSON: `setup.errors.track.inUse {"count":6}`. Keys hold no spaces.
 * Translated at render (app/components/forms.tsx), so each reader sees their own language.
 */
import type { SubmissionResult } from '@conform-to/react';
import type { Params } from './refusal';

export function formMessage(key: string, params?: Params): string {
  return params && Object.keys(params).length > 0 ? `${key} ${JSON.stringify(params)}` : key;
}

export function readFormMessage(message: string): { key: string; params: Params } {
  const space = message.indexOf(' ');
  if (space < 0) return { key: message, params: {} };
  try {
    return { key: message.slice(0, space), params: JSON.parse(message.slice(space + 1)) as Params };
  } catch {
    return { key: message, params: {} };
  }
}

/** What an action answers about a form it did not take: which form (a page may hold several) and Conform's reply. */
export interface FormReply {
  form: string;
  result: SubmissionResult<string[]>;
}

/** Conform's reply for this form, if the last answer was about it. */
export function replyOf(answer: unknown, form: string): SubmissionResult<string[]> | undefined {
  const reply = answer as Partial<FormReply> | null | undefined;
  return reply && typeof reply === 'object' && reply.form === form && reply.result ? reply.result : undefined;
}

/** The last answer's form name, for pages that choose which form to show by it. */
export function repliedForm(answer: unknown): string | undefined {
  const reply = answer as Partial<FormReply> | null | undefined;
  return reply && typeof reply === 'object' && typeof reply.form === 'string' && reply.result ? reply.form : undefined;
}

/** The messages of a reply, by field ('' for the form's own), decoded: for tests and logs. */
export function replyMessages(result: SubmissionResult<string[]> | undefined): Record<string, { key: string; params: Params }[]> {
  const out: Record<string, { key: string; params: Params }[]> = {};
  for (const [name, messages] of Object.entries(result?.error ?? {})) if (messages?.length) out[name] = messages.map(readFormMessage);
  return out;
}
