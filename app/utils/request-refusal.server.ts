/**
 * The small page server.js answers with when it refuses a request before Remix sees it
 * (cross-origin form, body too large, wrong method or Content-Type, too many live screens):
 * a title and a sentence in the visitor's language (the language cookie, then Accept-Language),
 * with no script and no stylesheet, so that it needs nothing else from the server.
 */
import { translate, type Lang, type MessageKey } from '~/i18n';
import { languageCookie, languageFromHeader } from './language.server';
import { log } from './log.server';

export type RequestRefusalKind =
  | 'crossOrigin'
  | 'payloadTooLarge'
  | 'lengthRequired'
  | 'unsupportedMediaType'
  | 'methodNotAllowed'
  | 'tooManyConnections';

export const REQUEST_REFUSAL_STATUS: Record<RequestRefusalKind, number> = {
  crossOrigin: 403,
  methodNotAllowed: 405,
  lengthRequired: 411,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  tooManyConnections: 429,
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The visitor's language from the raw Cookie and Accept-Language headers. */
export async function languageOfHeaders(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Promise<Lang> {
  let chosen: unknown = null;
  try {
    chosen = await languageCookie.parse(cookie ?? null);
  } catch {
    // a malformed cookie is no choice
  }
  if (chosen === 'fr' || chosen === 'en') return chosen;
  return languageFromHeader(acceptLanguage ?? null) ?? 'en';
}

/** The page of a refusal, in the visitor's language. */
export async function requestRefusalPage(
  kind: RequestRefusalKind,
  headers: { cookie?: string | null; acceptLanguage?: string | null },
  params: Record<string, string | number> = {},
): Promise<{ status: number; lang: Lang; html: string }> {
  const lang = await languageOfHeaders(headers.cookie, headers.acceptLanguage);
  const title = translate(lang, `errors.request.${kind}.title` as MessageKey, params);
  const body = translate(lang, `errors.request.${kind}.body` as MessageKey, params);
  const html =
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)} — Palmarès</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>` +
    `<p><a href="/">${escapeHtml(translate(lang, 'errors.request.backHome'))}</a></p></main></body></html>`;
  return { status: REQUEST_REFUSAL_STATUS[kind], lang, html };
}

/** 429 for a live-stage connection beyond the limits (SSE_MAX_PER_ADDRESS, SSE_MAX_TOTAL). */
export async function tooManyConnections(request: Request): Promise<Response> {
  log.warn('sse_refused', { path: new URL(request.url).pathname, status: 429 });
  const page = await requestRefusalPage('tooManyConnections', {
    cookie: request.headers.get('Cookie'),
    acceptLanguage: request.headers.get('Accept-Language'),
  });
  return new Response(page.html, {
    status: page.status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': page.lang, 'Cache-Control': 'no-store', 'Retry-After': '30' },
  });
}
