import { describe, expect, it } from 'vitest';
import { linkHref } from '~/domain/web-link';

/** http(s) addresses, and the link each gives (normalised by the URL parser). */
const LINKED = [
  ['https://civix.fr', 'https://civix.fr/'],
  ['http://example.org/a b?x=1', 'http://example.org/a%20b?x=1'],
  ['HTTPS://Civix.FR/Pitch', 'https://civix.fr/Pitch'],
];

/** Nothing, text that is no address, and every other scheme: no `javascript:` or `data:` link is ever drawn. */
const NOT_LINKED = [null, undefined, '', 'civix.fr', 'https://', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org', 'mailto:a@b.fr'];

describe('linkHref: a stored web address as a link only when it is http(s)', () => {
  it.each(LINKED)('links %s as %s', (value, href) => {
    expect(linkHref(value)).toBe(href);
  });

  it.each(NOT_LINKED.map((value) => [value]))('gives no link for %s', (value) => {
    expect(linkHref(value)).toBeNull();
  });
});
