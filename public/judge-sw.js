/**
 * The judge's service worker (docs/decisions/032-judges-offline.md). Registered by the judge pages
 * (app/components/JudgeOffline.tsx) with the scope /judge/, served by server.js with no-cache.
 *
 * What it keeps, in two caches of this origin:
 * - `palmares-judge-assets`: the compiled app (/build/…, fingerprinted, so kept as they are) and
 *   the favicon — cache first;
 * - `palmares-judge-pages`: the judge's pages (documents and their single-fetch `.data`) and the
 *   router's route look-ups (/__manifest) — network first, the kept copy only when the network
 *   fails. A page is kept only if it was answered 200 without a redirect.
 * Nothing else is touched: posts (saves) and every other address go to the network as they are.
 *
 * Offline, a judge page that was never kept answers a small page saying so, never the browser's
 * error page. Kept pages older than MAX_AGE_MS are not served and are dropped. Logging out (or a
 * revoked session's next contact) answers `Clear-Site-Data`, which removes these caches, this
 * worker and the outbox; a `forget` message does the same for the caches.
 */
const ASSETS = 'palmares-judge-assets';
const PAGES = 'palmares-judge-pages';
/** A kept sheet older than this is not shown any more (the edition's judging is over long before). */
const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;
const KEPT_AT = 'X-Palmares-Kept-At';
/** A kept sheet is fetched again by `keep` once it is this old (its own visits refresh it anyway). */
const REFRESH_MS = 5 * 60 * 1000;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([ASSETS, PAGES]);
      for (const name of await caches.keys()) if (name.startsWith('palmares-') && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The address a kept `.data` answer is stored under: no `_routes` (a kept answer has every route). */
function dataKey(url) {
  return `${url.origin}${url.pathname}`;
}

async function stamp(response) {
  const headers = new Headers(response.headers);
  headers.set(KEPT_AT, String(Date.now()));
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function keep(key, response) {
  if (response.status !== 200 || response.redirected || response.type !== 'basic') return;
  const cache = await caches.open(PAGES);
  await cache.put(key, await stamp(response));
}

async function kept(key) {
  const cache = await caches.open(PAGES);
  const response = await cache.match(key);
  if (!response) return null;
  if (Date.now() - Number(response.headers.get(KEPT_AT) ?? 0) > MAX_AGE_MS) {
    await cache.delete(key);
    return null;
  }
  return response;
}

const OFFLINE_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hors ligne — Offline — Palmarès</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:40rem;padding:0 1rem;color:#1b1b1f}a{color:#1d3ec7}</style></head>
<body><main><h1>Hors ligne · Offline</h1>
<p lang="fr">Cette page n’est pas gardée sur cet appareil. Vos notes déjà saisies sont gardées et seront envoyées au retour du réseau. <a href="/judge">Retour à vos pitchs</a></p>
<p lang="en">This page is not kept on this device. The scores you entered are kept and will be sent when the network is back. <a href="/judge">Back to your pitches</a></p>
</main></body></html>`;

function offlinePage() {
  return new Response(OFFLINE_PAGE, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

async function page(request) {
  const url = new URL(request.url);
  const key = `${url.origin}${url.pathname}`;
  try {
    const response = await fetch(request);
    await keep(key, response.clone());
    return response;
  } catch {
    return (await kept(key)) ?? offlinePage();
  }
}

async function data(request) {
  const url = new URL(request.url);
  try {
    const response = await fetch(request);
    if (!url.searchParams.has('_routes')) await keep(dataKey(url), response.clone());
    return response;
  } catch (error) {
    const copy = await kept(dataKey(url));
    if (copy) return copy;
    throw error;
  }
}

/**
 * The router asks which routes match the links on a page. Offline, the kept answer to the same
 * question, or else the union of every kept answer of this build (the judge's routes are in it),
 * or else an empty answer: the page's own routes came with the document, and a link the router
 * does not know becomes a full navigation, which this worker answers from its kept pages.
 */
async function manifest(request) {
  const url = new URL(request.url);
  try {
    const response = await fetch(request);
    await keep(url.href, response.clone());
    return response;
  } catch {
    const exact = await kept(url.href);
    if (exact) return exact;
    const version = url.searchParams.get('version');
    const cache = await caches.open(PAGES);
    const union = {};
    for (const key of await cache.keys()) {
      const keyUrl = new URL(key.url);
      if (keyUrl.pathname !== '/__manifest' || keyUrl.searchParams.get('version') !== version) continue;
      Object.assign(union, await (await cache.match(key)).json());
    }
    return new Response(JSON.stringify(union), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  }
}

async function asset(request) {
  const cache = await caches.open(ASSETS);
  const copy = await cache.match(request, { ignoreVary: true });
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/build/') || url.pathname === '/favicon.svg') return event.respondWith(asset(request));
  if (url.pathname === '/__manifest') return event.respondWith(manifest(request));
  if (!url.pathname.startsWith('/judge')) return;
  if (url.pathname.endsWith('.data')) return event.respondWith(data(request));
  if (request.mode === 'navigate') return event.respondWith(page(request));
});

/** Keeps what a judge page lists: its assigned sheets (document and data) and the files it uses. */
async function keepAll(pages, assets) {
  const cache = await caches.open(ASSETS);
  await Promise.all(
    assets
      .filter((href) => new URL(href).origin === self.location.origin)
      .map(async (href) => {
        if (await cache.match(href)) return;
        try {
          const response = await fetch(href);
          if (response.ok) await cache.put(href, response);
        } catch {
          // Offline meanwhile: kept on the next visit.
        }
      }),
  );
  for (const path of pages) {
    const url = new URL(path, self.location.origin);
    if (!url.pathname.startsWith('/judge/')) continue;
    for (const key of [`${url.origin}${url.pathname}`, `${url.origin}${url.pathname}.data`]) {
      // Kept a moment ago (this very visit, or the last page's): no need to ask again.
      const copy = await kept(key);
      if (copy && Date.now() - Number(copy.headers.get(KEPT_AT)) < REFRESH_MS) continue;
      try {
        await keep(key, await fetch(key, { credentials: 'same-origin', redirect: 'manual' }));
      } catch {
        // Offline meanwhile: kept on the next visit.
      }
    }
  }
}

/** One `keep` at a time: two pages asking at once do not fetch the same sheets twice. */
let keeping = Promise.resolve();

self.addEventListener('message', (event) => {
  const message = event.data ?? {};
  if (message.type === 'keep') event.waitUntil((keeping = keeping.then(() => keepAll(message.pages ?? [], message.assets ?? []))));
  if (message.type === 'forget') event.waitUntil(Promise.all([caches.delete(PAGES), caches.delete(ASSETS)]));
});
