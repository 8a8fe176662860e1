/**
 * A sentence that ends on the open data's licence, linked with `rel="license"` (the public results
 * page and the method page say under which licence their data may be reused).
 */
import type { ReactNode } from 'react';
import { LICENCE } from '~/domain/open-data';

export function LicenceSentence({ children }: { children: ReactNode }) {
  return (
    <p>
      {children}{' '}
      <a href={LICENCE.url} rel="license">
        {LICENCE.name}
      </a>
      .
    </p>
  );
}
