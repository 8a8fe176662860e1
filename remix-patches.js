/**
 * Two load-time edits of Remix's server code, for the production server (docs/decisions/047).
 * Both remove work Remix repeats on every request although nothing in it changed.
 *
 * 1. **Route matching once per path.** @remix-run/router 1.23 flattens, ranks and compiles every
 *    route of the app again on each call of its internal `matchRoutesImpl`, and a request calls it
 *    three to five times: the server runtime's `matchRoutes`, the static handler's own (internal,
 *    unreachable from outside the file), and, for a document, @remix-run/react's route discovery (on
 *    a route table React builds afresh per request). The edit makes `matchRoutesImpl` call
 *    `exports.UNSAFE_matchRoutesImpl`, which `cacheRouteMatching` below replaces with a memo: one
 *    answer per (route table's structure, pathname), the structure being what matching reads (each
 *    route's path, index, caseSensitive and children), so React's per-request copy of the table
 *    shares the answers of the first; each answer is rebuilt with the caller's own route objects and
 *    a fresh params object. At most LIMIT paths per structure (then it starts over), so random URLs
 *    cannot grow it.
 * 2. **A loader gets the request itself when there is nothing to strip.** @remix-run/server-runtime
 *    2.17 (`data.js` `callRouteLoader`) copies the request twice for every loader, to remove the
 *    `index` and `_routes` search parameters: two `new URL` and two undici `Request`s (headers copied,
 *    a signal that follows the first) per loader, three loaders on an organiser page. Without a query
 *    string there is nothing to remove, and the copy would have the same URL, method, headers and
 *    signal (a GET or HEAD has no body): the loader gets the request. With a query string, unchanged.
 *
 * The text is edited in memory when `loadPatchedRemix` loads the two files, before anything else
 * requires them; nothing in node_modules is written, so `npm ci` needs no step and other tools (the
 * tests, `remix dev`'s compiler) see the packages unchanged. An edit whose text is not found (a new
 * version) is skipped: the server logs `remix_patch_missing` at start and runs without it, and
 * tests/unit/remix-patches.test.ts fails, so an upgrade cannot pass CI silently.
 *
 * **How to drop them**: delete this file and its call in server.js when React Router 7 (or a Remix
 * release) caches its flattened branches and stops copying the request per loader, or when
 * bench/profile-floor.ts no longer shows `flattenRoutes`/`compilePath`/`matchRouteBranch` and
 * `stripIndexParam`/`stripRoutesParam`.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);
const runtimeRequire = createRequire(requireHere.resolve('@remix-run/server-runtime'));

/** The edits: file, the text found exactly once, what replaces it, what is appended, and a marker of an edited source. */
export const EDITS = [
  {
    name: 'route matching once per path',
    file: runtimeRequire.resolve('@remix-run/router'),
    find: 'function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n',
    replace:
      'function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n' +
      '  return exports.UNSAFE_matchRoutesImpl(routes, locationArg, basename, allowPartial); // Palmarès: remix-patches.js\n' +
      '}\n' +
      'function matchRoutesImplUncached(routes, locationArg, basename, allowPartial) {\n',
    append: '\nexports.UNSAFE_matchRoutesImpl = matchRoutesImplUncached;\nexports.UNSAFE_matchRoutesImplUncached = matchRoutesImplUncached;\n',
    marker: 'exports.UNSAFE_matchRoutesImplUncached',
  },
  {
    name: 'a loader gets the request itself when there is nothing to strip',
    file: runtimeRequire.resolve('./data.js'),
    find: '    request: singleFetch ? stripRoutesParam(stripIndexParam(request)) : stripDataParam(stripIndexParam(request)),\n    context: loadContext,\n    params\n  });\n  if (result === undefined) {\n    throw new Error(`You defined a loader',
    replace:
      '    request: singleFetch ? loaderRequest(request) : stripDataParam(stripIndexParam(request)),\n    context: loadContext,\n    params\n  });\n  if (result === undefined) {\n    throw new Error(`You defined a loader',
    append:
      '\n// Palmarès: remix-patches.js. Without a query string there is no index or _routes parameter to strip.\n' +
      'function loaderRequest(request) {\n  return request.url.includes("?") ? stripRoutesParam(stripIndexParam(request)) : request;\n}\n',
    marker: 'function loaderRequest(request)',
  },
];

export const ROUTER_PATH = EDITS[0].file;

/** The source with the edit, the same source if already edited, or null if the text is not there exactly once. */
export function patchedSource(edit, source) {
  if (source.includes(edit.marker)) return source;
  const at = source.indexOf(edit.find);
  if (at < 0 || source.indexOf(edit.find, at + 1) >= 0) return null;
  return source.slice(0, at) + edit.replace + source.slice(at + edit.find.length) + edit.append;
}

/**
 * Loads the edited files (before anything else requires them), then restores Node's loader.
 * Returns the names of the edits that could not be made.
 */
export function loadPatchedRemix() {
  const missing = [];
  const byFile = new Map(EDITS.map((edit) => [edit.file, edit]));
  const loadJs = Module._extensions['.js'];
  Module._extensions['.js'] = function (module, filename) {
    const edit = byFile.get(filename);
    const source = edit ? patchedSource(edit, fs.readFileSync(filename, 'utf8')) : null;
    if (source === null) return loadJs.call(this, module, filename);
    module._compile(source, filename);
  };
  try {
    for (const edit of EDITS) {
      if (requireHere.cache[edit.file]) missing.push(`${edit.name} (already loaded)`);
      else if (patchedSource(edit, fs.readFileSync(edit.file, 'utf8')) === null) missing.push(edit.name);
      requireHere(edit.file);
    }
  } finally {
    Module._extensions['.js'] = loadJs;
  }
  return missing;
}

/** Paths remembered per route-table structure. */
const LIMIT = 2000;

/**
 * What matching reads of a route table: each route's path, index and caseSensitive flags, and its
 * children, in order (@remix-run/router's flattenRoutes and computeScore read nothing else).
 */
function structureOf(routes) {
  let text = '';
  const walk = (list) => {
    text += '[';
    for (const route of list) {
      text += JSON.stringify(route.path ?? null) + (route.index ? 'i' : '') + (route.caseSensitive === true ? 'c' : '');
      if (route.children && route.children.length > 0) walk(route.children);
      text += ',';
    }
    text += ']';
  };
  walk(routes);
  return text;
}

/** Where `route` sits in the tree, as child indexes from the top (null if it is not in it). */
function positionOf(routes, route) {
  for (let i = 0; i < routes.length; i++) {
    if (routes[i] === route) return [i];
    const children = routes[i].children;
    const below = children && children.length > 0 ? positionOf(children, route) : null;
    if (below) return [i, ...below];
  }
  return null;
}

function routeAt(routes, position) {
  let route = routes[position[0]];
  for (let i = 1; i < position.length; i++) route = route.children[position[i]];
  return route;
}

/**
 * Replaces the patched router's `UNSAFE_matchRoutesImpl` with a memo. Returns false (and changes
 * nothing) when the router was not patched.
 */
export function cacheRouteMatching(router) {
  const uncached = router.UNSAFE_matchRoutesImplUncached;
  if (typeof uncached !== 'function' || router.UNSAFE_matchRoutesImpl !== uncached) return typeof uncached === 'function';
  /** A route table → the answers of its structure. */
  const memoOf = new WeakMap();
  /** Structure → (allowPartial, basename, pathname) → stored answer. */
  const byStructure = new Map();

  router.UNSAFE_matchRoutesImpl = function matchRoutesImpl(routes, locationArg, basename, allowPartial) {
    const pathname = typeof locationArg === 'string' ? router.parsePath(locationArg).pathname : locationArg?.pathname;
    if (!Array.isArray(routes) || typeof pathname !== 'string') return uncached(routes, locationArg, basename, allowPartial);
    let memo = memoOf.get(routes);
    if (memo === undefined) {
      const structure = structureOf(routes);
      memo = byStructure.get(structure);
      if (memo === undefined) {
        if (byStructure.size >= 20) byStructure.clear();
        byStructure.set(structure, (memo = new Map()));
      }
      memoOf.set(routes, memo);
    }
    const key = `${allowPartial ? 1 : 0}${basename}\u0000${pathname}`;
    const stored = memo.get(key);
    if (stored === undefined) {
      const matches = uncached(routes, locationArg, basename, allowPartial);
      const answer = matches === null ? null : storedAnswer(routes, matches);
      if (answer !== undefined) {
        if (memo.size >= LIMIT) memo.clear();
        memo.set(key, answer);
      }
      return matches;
    }
    if (stored === null) return null;
    // The router gives every match of an answer the same params object: so does the copy.
    const params = { ...stored.params };
    return stored.matches.map((m) => ({ params, pathname: m.pathname, pathnameBase: m.pathnameBase, route: routeAt(routes, m.position) }));
  };
  return true;
}

/** An answer kept without the caller's objects; undefined when it cannot be (then it is not kept). */
function storedAnswer(routes, matches) {
  if (matches.length === 0 || matches.some((m) => m.params !== matches[0].params)) return undefined;
  const kept = [];
  for (const m of matches) {
    const position = positionOf(routes, m.route);
    if (position === null) return undefined;
    kept.push({ pathname: m.pathname, pathnameBase: m.pathnameBase, position });
  }
  return { params: { ...matches[0].params }, matches: kept };
}

/** Loads Remix through the edits and turns the memo on; logs an error for each edit that could not be made. */
export function patchRemix() {
  const missing = loadPatchedRemix();
  if (!cacheRouteMatching(requireHere(ROUTER_PATH)) && !missing.length) missing.push(EDITS[0].name);
  for (const name of missing) {
    console.error(
      JSON.stringify({
        t: new Date().toISOString(),
        level: 'error',
        event: 'remix_patch_missing',
        patch: name,
        hint: 'remix-patches.js did not find its text (a new Remix version?): the server runs without this edit; see docs/decisions/047',
      }),
    );
  }
  return missing;
}
