/**
 * The demo's people: one organiser, eight judges and five founders who can log in
 * (password DEMO_PASSWORD), each with a plausible name. The founders of the other
 * startups get `contact@<slug>.example` accounts that no password opens.
 */

export const DEMO_PASSWORD = 'palmares-demo-2026';

export type Language = 'fr' | 'en';

export interface DemoPerson {
  email: string;
  name: string;
  preferredLanguage: Language;
  /** When the account was created (fixed; never the clock). */
  createdAt: string;
}

export const ORGANISER: DemoPerson = {
  email: 'organiser@example.org',
  name: 'Camille Lefèvre',
  preferredLanguage: 'fr',
  createdAt: '2018-01-08T09:30:00+01:00',
};

export interface DemoJudge extends DemoPerson {
  /** Who they are, for the demo's narrative (not stored: users have no such column). */
  profile: string;
  /**
   * How lenient the judge is, added to an application's quality (0..1) before scoring:
   * negative is severe, positive generous. Fixed so that the z-score year has something to correct.
   */
  leniency: number;
  /** Share of their 2021 screening sheets already submitted (the round is still open). */
  progress2021: number;
}

export const JUDGES: DemoJudge[] = [
  {
    email: 'judge1@example.org',
    name: 'Hélène Marchetti',
    profile: 'Directrice de programme, direction interministérielle du numérique (FR)',
    preferredLanguage: 'fr',
    createdAt: '2018-04-16T10:12:00+02:00',
    leniency: 0.02,
    progress2021: 0.95,
  },
  {
    email: 'judge2@example.org',
    name: 'Kaspar Tamm',
    profile: 'Former government CIO, Tallinn (EE)',
    preferredLanguage: 'en',
    createdAt: '2018-04-16T11:40:00+02:00',
    leniency: -0.04,
    progress2021: 1,
  },
  {
    email: 'judge3@example.org',
    name: 'Jürgen Weiß',
    profile: 'Partner, GovTech venture fund, Berlin (DE)',
    preferredLanguage: 'en',
    createdAt: '2018-04-17T08:55:00+02:00',
    leniency: -0.16,
    progress2021: 0.55,
  },
  {
    email: 'judge4@example.org',
    name: 'Aïssatou Ndiaye',
    profile: 'Militante des données ouvertes, Dakar (SN)',
    preferredLanguage: 'fr',
    createdAt: '2018-04-18T14:20:00+02:00',
    leniency: 0.14,
    progress2021: 0.75,
  },
  {
    email: 'judge5@example.org',
    name: 'Olena Kovalenko',
    profile: 'Digital-transformation adviser to a city council, Kyiv (UA)',
    preferredLanguage: 'en',
    createdAt: '2018-04-19T09:05:00+02:00',
    leniency: 0.05,
    progress2021: 0.45,
  },
  {
    email: 'judge6@example.org',
    name: 'Rafael Ortúzar',
    profile: 'Impact investor, Santiago (CL)',
    preferredLanguage: 'en',
    createdAt: '2018-04-20T16:45:00+02:00',
    leniency: -0.06,
    progress2021: 0.8,
  },
  {
    email: 'judge7@example.org',
    name: 'Siobhán Ó Briain',
    profile: 'Director of a transparency NGO, Dublin (IE)',
    preferredLanguage: 'en',
    createdAt: '2018-04-23T10:30:00+02:00',
    leniency: 0.08,
    progress2021: 0.3,
  },
  {
    email: 'judge8@example.org',
    name: 'François-Xavier N’Guessan',
    profile: 'Conseiller du médiateur de la République, Abidjan (CI)',
    preferredLanguage: 'fr',
    createdAt: '2018-04-24T15:10:00+02:00',
    leniency: -0.02,
    progress2021: 0.7,
  },
];

/**
 * A founder's account is created a few minutes before their first application, like every
 * founder's (seed-demo.ts), so it has no date of its own here.
 */
export type DemoFounder = Omit<DemoPerson, 'createdAt'>;

/** The five founders who can log in; their startups are in startups.ts (`demoFounder`). */
export const DEMO_FOUNDERS: DemoFounder[] = [
  {
    email: 'founder1@example.org',
    name: 'Léa Rousseau',
    preferredLanguage: 'fr',
  },
  {
    email: 'founder2@example.org',
    name: 'Tomás Herrera',
    preferredLanguage: 'en',
  },
  {
    email: 'founder3@example.org',
    name: 'Ngozi Okafor',
    preferredLanguage: 'en',
  },
  {
    email: 'founder4@example.org',
    name: 'Mei-Ling Chen',
    preferredLanguage: 'en',
  },
  {
    email: 'founder5@example.org',
    name: 'Baptiste Girard',
    preferredLanguage: 'fr',
  },
];
