/** Pieces of the public showcase (issue 15), shared by the list and a startup's page. */
import type { ShowcaseAward } from '~/domain/showcase';
import type { Lang, T } from '~/i18n';

export function awardText(t: T, lang: Lang, award: ShowcaseAward): string {
  if (award.kind === 'overall') return t('showcase.award.overall', { place: award.place });
  if (award.kind === 'track') return t('showcase.award.track', { track: (lang === 'fr' ? award.trackFr : award.trackEn) ?? '' });
  return t('showcase.award.peoples_choice');
}

/** The startup's published logo, or its initial for the eye only (the name is always beside it). */
export function StartupLogo({ logoFileId, name, size = 56 }: { logoFileId: number | null; name: string; size?: number }) {
  if (logoFileId) return <img className="showcase-logo" src={`/files/${logoFileId}`} alt="" width={size} height={size} loading="lazy" />;
  return (
    <span className="showcase-logo showcase-logo--initial" aria-hidden="true" style={{ width: size, height: size }}>
      {name.trim().charAt(0).toUpperCase() || '?'}
    </span>
  );
}
