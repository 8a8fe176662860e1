import { preparedOnce } from '~/utils/db.server';
import { log } from '~/utils/log.server';

/** The query the probe runs, prepared once per connection (monitors poll it often). */
const editionCount = preparedOnce((db) => db.$client.prepare('select count(*) as editions from editions'));

/** 200 only after a real query answered; 503 when the database cannot be read. */
export async function loader() {
  try {
    editionCount().get();
    return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    log.error('healthz_failed', { message: error instanceof Error ? error.message : String(error) });
    return Response.json({ status: 'error' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
