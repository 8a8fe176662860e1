import { describe, expect, it } from 'vitest';
import { linkHref } from '~/domain/web-link';

describe('linkHref: a stored web address as a link only when it is http(s)', () => {
  it('keeps http and https addresses, normalised', () => {
    expect(linkHref('https://civix.fr')).toBe('https://civix.fr/');
    expect(linkHref('http://example.org/a b?x=1')).toBe('http://example.org/a%20b?x=1');
    expect(linkHref('HTTPS://Civix.FR/Pitch')).toBe('https://civix.fr/Pitch');
  });

  it('refuses every other scheme, so no javascript: or data: link is drawn', () => {
    for (const value of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org', 'mailto:a@b.fr', 'vbscript:msgbox(1)']) {
      expect(linkHref(value)).toBeNull();
    }
  });

  it('gives null for nothing and for text that is no address', () => {
    expect(linkHref(null)).toBeNull();
    expect(linkHref(undefined)).toBeNull();
    expect(linkHref('')).toBeNull();
    expect(linkHref('civix.fr')).toBeNull();
    expect(linkHref('https://')).toBeNull();
  });
});
