/**
 * GET /editions/:year/stage/events — the live channel of the stage (Server-Sent Events): the
 * current public state at once (event `stage`, id = its version), then every change, a heartbeat
 * comment every 15 s, and a `retry:` hint. Public: the state never holds a score, nor a vote count
 * before the reveal (docs/decisions/008-sse-not-websockets.md). At most SSE_MAX_PER_ADDRESS
 * connections per address and SSE_MAX_TOTAL in all: 429 beyond (docs/decisions/022-request-limits.md).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePublicEdition } from '~/utils/editions.server';
import { reserveConnection } from '~/utils/events.server';
import { clientOf } from '~/utils/request.server';
import { tooManyConnections } from '~/utils/request-refusal.server';
import { stageEventsResponse } from '~/utils/stage.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const edition = requirePublicEdition(params.year);
  const release = reserveConnection(clientOf(request, context).ip);
  if (!release) return tooManyConnections(request);
  return stageEventsResponse(edition, request.signal, release);
}
