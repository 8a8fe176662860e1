import { describe, expect, it } from 'vitest';
import { safeRedirect } from '~/domain/account';

/** Known open-redirect bypasses (OWASP, PortSwigger lists): each must fall back. */
const BYPASSES = [
  '//evil.example',
  '///evil.example',
  '////evil.example/',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/\r\n/evil.example',
  '/\v/evil.example',
  '/\f/evil.example',
  '/\u0000/evil.example',
  '/\u3000/evil.example',
  '/\u00a0/evil.example',
  '/\u2028/evil.example',
  '/\u202e/evil.example',
  ' //evil.example',
  '\t//evil.example',
  '%2F%2Fevil.example',
  '%2f%2fevil.example',
  'https:evil.example',
  'https://evil.example',
  'http:/evil.example',
  '//evil.example@palmares.test',
  'javascript:alert(1)',
  'data:text/html,x',
  'evil.example',
  '.evil.example',
  '@evil.example',
  '',
];

describe('safeRedirect', () => {
  it.each(BYPASSES)('refuses %j', (to) => {
    expect(safeRedirect(to, '/home')).toBe('/home');
  });

  it('keeps ordinary paths on this site, with their query and fragment', () => {
    expect(safeRedirect('/account', '/home')).toBe('/account');
    expect(safeRedirect('/judge/2021?round=2#sheet', '/home')).toBe('/judge/2021?round=2#sheet');
    expect(safeRedirect('/editions/2020', '/home')).toBe('/editions/2020');
  });

  it('keeps a percent-encoded slash as a path on this site, and encodes non-ASCII for the Location header', () => {
    expect(safeRedirect('/%2F%2Fevil.example', '/home')).toBe('/%2F%2Fevil.example');
    expect(new URL(safeRedirect('/%2F%2Fevil.example'), 'https://palmares.test').origin).toBe('https://palmares.test');
    expect(safeRedirect('/me?q=été', '/home')).toBe('/me?q=%C3%A9t%C3%A9');
  });

  it('refuses values that are not strings', () => {
    expect(safeRedirect(null, '/home')).toBe('/home');
    expect(safeRedirect(undefined, '/home')).toBe('/home');
  });
});
