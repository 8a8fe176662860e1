/**
 * An edition as people read it: its name and description in the reader's language. Pure: no
 * I/O, no React. Kept apart from the wall-clock times of its application window
 * (edition-time.ts), so that every page that names an edition does not ship them.
 */
import type { Lang } from '~/i18n';

export interface NamedEdition {
  /** The English name. */
  name: string;
  nameFr: string;
}

/** The edition's name in `lang`; the English one when the French one is missing. */
export function editionName(edition: NamedEdition, lang: Lang): string {
  return lang === 'fr' && edition.nameFr.trim() ? edition.nameFr : edition.name;
}

/** The edition's public description in `lang`; the other language's when this one is empty. */
export function editionDescription(edition: { descriptionFr: string; descriptionEn: string }, lang: Lang): string {
  const [mine, other] = lang === 'fr' ? [edition.descriptionFr, edition.descriptionEn] : [edition.descriptionEn, edition.descriptionFr];
  return mine.trim() ? mine : other;
}
