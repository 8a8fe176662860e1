/**
 * Which keys a loader ships (decision 049): app/i18n/shipped-keys.server.ts, written from the
 * source by `npm run i18n:shipped` (scripts/i18n-shipped.ts), lists every route with, for each list
 * of namespaces its loader writes, the keys that route serves (its own, and its children's that
 * nothing nearer sends). A loader is told apart by the page's URL (the routes it matches) and the
 * list it writes; a list no route of the URL writes ships every key any route writing it ships.
 */
import { matchRoutes } from '@remix-run/react';
import { KEYS, ROUTES } from './shipped-keys.server';

/** A route as the generator writes it (scripts/i18n-shipped.ts, its keys by name) and as this module reads it (by position). */
export interface ShippedRoute<Key = number> {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  /** Each list of namespaces (joined by commas) the route's loader writes → its keys, as positions in KEYS. */
  lists: Record<string, readonly Key[]>;
}

interface Node {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: Node[];
}
type MatchableRoutes = Parameters<typeof matchRoutes>[0];

function tree(): Node[] {
  const nodes = new Map<string, Node>(ROUTES.map((r) => [r.id, { id: r.id, path: r.path, index: r.index, caseSensitive: r.caseSensitive }]));
  const roots: Node[] = [];
  for (const route of ROUTES) {
    const node = nodes.get(route.id)!;
    const parent = route.parentId ? nodes.get(route.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

const ROUTE_TREE = tree() as MatchableRoutes;
const byRoute = new Map(ROUTES.map((r) => [r.id, new Map(Object.entries(r.lists).map(([list, ids]) => [list, ids.map((i) => KEYS[i])]))]));
const byList = new Map<string, string[]>();
for (const lists of byRoute.values()) for (const [list, keys] of lists) byList.set(list, [...new Set([...(byList.get(list) ?? []), ...keys])].sort());

export interface Shipped {
  /** Names what is shipped: the route(s), or `*` for every route writing the list. */
  by: string;
  keys: readonly string[];
}

const atPath = new Map<string, Shipped | undefined>();

/**
 * The keys a loader writing `namespaces` ships at `pathname`; without a pathname (or when no route
 * of it writes that list), what any route writing it ships; undefined for a list no route writes.
 */
export function shippedKeys(namespaces: readonly string[], pathname?: string): Shipped | undefined {
  const list = namespaces.join(',');
  if (pathname === undefined) return anyRoute(list);
  const cacheKey = `${list}\n${pathname}`;
  if (atPath.has(cacheKey)) return atPath.get(cacheKey);
  const writers = (matchRoutes(ROUTE_TREE, pathname) ?? []).map((m) => m.route.id as string).filter((id) => byRoute.get(id)?.has(list));
  const shipped =
    writers.length === 0
      ? anyRoute(list)
      : { by: writers.join(' '), keys: writers.length === 1 ? byRoute.get(writers[0])!.get(list)! : [...new Set(writers.flatMap((id) => byRoute.get(id)!.get(list)!))] };
  // Bounded, as random URLs must not grow it: at most 2,000 paths, then it starts over.
  if (atPath.size >= 2000) atPath.clear();
  atPath.set(cacheKey, shipped);
  return shipped;
}

function anyRoute(list: string): Shipped | undefined {
  const keys = byList.get(list);
  return keys ? { by: '*', keys } : undefined;
}
