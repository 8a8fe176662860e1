/**
 * The prelude every /organise/:year/* route writes first: the organiser guard, then the edition
 * of the URL (404 for an unknown year), then, for a loader, the page's messages, and for an
 * action, the posted form with its `intent` and the audit actor. One call instead of four lines
 * repeated in each route; the guards themselves stay in auth.server.ts and editions.server.ts.
 */
import type { Params } from '@remix-run/react';
import { messagesFor, type Namespace } from '~/i18n/messages.server';
import { requireOrganiser } from './auth.server';
import { requireEdition, type Edition } from './editions.server';

/** A loader's prelude: `{ user, edition, messages }`, or the guard's redirect / 403 / 404. */
export async function organiserPage(request: Request, params: Params, namespaces: readonly Namespace[]) {
  const user = await requireOrganiser(request);
  const edition = requireEdition(params.year);
  return { user, edition, messages: await messagesFor(request, namespaces) };
}

/** An action's prelude: the form posted, its `intent` ('' when absent) and the audit actor `act`. */
export async function organiserAction(request: Request, params: Params) {
  const user = await requireOrganiser(request);
  const edition = requireEdition(params.year);
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  return { user, edition, formData, intent, act: { editionId: edition.id, actorId: user.id } };
}

/** What the setup pages send the browser about their edition. */
export function editionHeader(edition: Edition) {
  return { id: edition.id, year: edition.year, status: edition.status, timeZone: edition.timeZone };
}
