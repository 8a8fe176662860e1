/**
 * GET /editions/:year/stage/events — the live channel of the stage (Server-Sent Events): the
 * current public state at once (event `stage`, id = its version), then every change, a heartbeat
 * comment every 15 s, and a `retry:` hint. Public: the state never holds a score, nor a vote count
 * before the reveal (docs/decisions/008-sse-not-websockets.md).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireEdition } from '~/utils/editions.server';
import { stageEventsResponse } from '~/utils/stage.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const edition = requireEdition(params.year);
  return stageEventsResponse(edition, request.signal);
}
