/**
 * Route handles that the root reads, and how it reads them.
 *
 * A route whose POSTs change nothing the root loader reads (the user, the language) says so with
 * `export const handle: RootHandle = { revalidateRootAfterPost: false }`, and the root skips
 * reloading its data after such a post.
 *
 * Root's `shouldRevalidate` is given the posted URL but not the matched routes (and `useMatches`
 * is a hook, out of reach there), so it matches the URL against the browser's route tree itself:
 * `window.__remixRouter` is the data router Remix 2 creates in the browser (Remix's own hot reload
 * finds it there), and its routes carry each loaded route module's `handle`. The route that owns
 * the action is loaded, since the form posting to it is on its page. `shouldRevalidate` only runs
 * in the browser; anywhere else, or should the router not be found, the answer is the default.
 */
import { matchRoutes } from '@remix-run/react';

export interface RootHandle {
  revalidateRootAfterPost?: boolean;
  /** The page is for people who never log in (the audience's vote): the header shows no account links. */
  withoutAccountLinks?: boolean;
}

type Routes = Parameters<typeof matchRoutes>[0];

/** Whether the route that owns the action at `formAction` asks the root not to reload after a POST. */
export function postKeepsRootData(formAction: string): boolean {
  if (typeof window === 'undefined') return false;
  const router = (window as { __remixRouter?: { routes: Routes } }).__remixRouter;
  if (!router) return false;
  const matches = matchRoutes(router.routes, new URL(formAction, window.location.href).pathname);
  const owner = matches?.[matches.length - 1]?.route as { handle?: RootHandle } | undefined;
  return owner?.handle?.revalidateRootAfterPost === false;
}
