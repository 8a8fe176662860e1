/**
 * Between the organiser's result pages of an edition: each round's ranking and calibration.
 * The current page is marked with aria-current and a visible underline, not colour alone.
 */
import { NavLink } from '@remix-run/react';
import { useT } from '~/i18n';

export interface RoundLink {
  id: number;
  nameEn: string;
  nameFr: string;
}

export function RankingRoundNav({ year, rounds }: { year: number; rounds: RoundLink[] }) {
  const { t, lang } = useT();
  return (
    <nav className="round-nav" aria-label={t('results.nav.label')}>
      <ul>
        <li>
          <NavLink to={`/organise/${year}/results`} end>
            {t('results.nav.overview')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`/organise/${year}/shortlist`} end>
            {t('results.nav.shortlist')}
          </NavLink>
        </li>
        {rounds.map((round) => {
          const name = lang === 'fr' ? round.nameFr : round.nameEn;
          return (
            <li key={round.id} className="round-nav__round">
              <span className="round-nav__name">{name}</span>
              <NavLink to={`/organise/${year}/rounds/${round.id}/ranking`}>
                {t('results.nav.ranking')}
                <span className="visually-hidden"> — {name}</span>
              </NavLink>
              <NavLink to={`/organise/${year}/rounds/${round.id}/calibration`}>
                {t('results.nav.calibration')}
                <span className="visually-hidden"> — {name}</span>
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
