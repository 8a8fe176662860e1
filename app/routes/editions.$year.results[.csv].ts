/**
 * /editions/:year/results.csv — open data of a published edition (Licence Ouverte 2.0), documented on the
 * edition's page and on /method. Built once per edition and cached (ETag, 304); a 404 for an edition
 * whose results are not published, as for one that does not exist.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePublicEdition } from '~/utils/editions.server';
import { openDataResponse } from '~/utils/public-results.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  return openDataResponse(request, requirePublicEdition(params.year), 'results.csv');
}
