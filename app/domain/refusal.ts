/**
 * The one refusal: a well-formed request that a rule turns down. Services throw it, routes
 * answer it (status + the message of `key`, next to `field` when there is one). Every rule of
 * the product refuses through this type, so a route has one thing to catch.
 */
import type { MessageKey } from '~/i18n';

export type Params = Record<string, string | number>;

export type RefusalStatus = 400 | 403 | 404 | 409 | 410 | 413 | 415 | 429;

export class Refusal extends Error {
  constructor(
    readonly status: RefusalStatus,
    /** A dictionary key (app/i18n). */
    readonly key: MessageKey,
    readonly params: Params = {},
    /** The field the message belongs next to, if any. */
    readonly field?: string,
  ) {
    super(key);
    this.name = 'Refusal';
  }
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}
