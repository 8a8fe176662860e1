/** What the server knows of the client beyond the request: its address (from Express). */
import type { AppLoadContext } from '@remix-run/node';

export function clientOf(request: Request, context?: AppLoadContext) {
  return {
    ip: context?.clientIp || 'unknown',
    userAgent: request.headers.get('User-Agent'),
  };
}
