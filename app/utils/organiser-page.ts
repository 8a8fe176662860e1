/**
 * The head of an /organise/:year/* page, written once: its stylesheet, and its title
 * "<page> — <year> — Palmarès" from the year the page's loader sends (`edition.year`; none on an
 * error). The browser runs `links` and `meta` too, so this lives beside organiser-page.server.ts
 * (the loader's and action's prelude), not in it. A route says:
 * `export const { links, meta } = organiserPageHead(styles, 'organise.tabs.judges');`
 */
import type { LinksFunction, MetaFunction } from '@remix-run/node';
import { editionTitleMeta, type MessageKey } from '~/i18n';

export function organiserPageHead(stylesheet: string, titleKey: MessageKey) {
  const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }];
  const meta: MetaFunction = ({ matches, data }) =>
    editionTitleMeta(matches, titleKey, (data as { edition?: { year?: number } } | undefined)?.edition?.year);
  return { links, meta };
}
