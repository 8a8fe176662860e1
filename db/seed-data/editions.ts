/**
 * The demo's editions: 2018–2020 published, 2021 in judging, 2022 open for applications, and
 * 2023 on the evening of its live final (finalists confirmed, stage ready), for a newcomer to run.
 * Dates of past editions are fixed here (offsets written out: Paris is UTC+1 in winter,
 * UTC+2 in summer); only 2022's application window is computed from `now`, in seed-demo.ts.
 */
import type { ScoresheetCriterion } from '../../app/domain/scoresheet';
import type { RoundMethod } from '../schema';

export type TrackSlug = 'transparency' | 'participation' | 'anti-corruption' | 'services';

export interface TrackSpec {
  slug: TrackSlug;
  nameFr: string;
  nameEn: string;
}

/** A criterion of a seeded edition: the app's criterion, before it has an id. */
export type CriterionSpec = Omit<ScoresheetCriterion, 'id'>;

export interface ConflictSpec {
  /** 1..8, as in judgeN@example.org. */
  judge: number;
  slug: string;
  reason: string;
}

interface EditionBase {
  year: number;
  startsOn: string;
  endsOn: string;
  tracks: TrackSpec[];
  criteria: CriterionSpec[];
  screeningMethod: RoundMethod;
  finalMethod: RoundMethod;
  /** Judges 1..8 who are members of the edition. */
  judges: number[];
  conflicts: ConflictSpec[];
  /**
   * Applications written to be strong (quality 0..1; the others draw theirs between 0.2 and 0.62),
   * so that the finalists and winners the demo tells a story about come out of the ranking.
   */
  stars: Record<string, number>;
}

/** A past edition: judged, ranked and published. */
export interface PublishedEditionSpec extends EditionBase {
  kind: 'published';
  withdrawn: string;
  /** The finalist the audience loves: it gets the most votes. */
  crowdFavourite: string;
  timeline: PastTimeline;
}

export interface JudgingEditionSpec extends EditionBase {
  kind: 'judging';
  withdrawn: string;
  /** Started but never submitted. */
  drafts: string[];
  timeline: PastTimeline;
}

export interface OpenEditionSpec extends EditionBase {
  kind: 'open';
  /** The applications already submitted; the others are drafts. */
  submitted: string[];
  /** Judges invited but who have not accepted yet. */
  pendingInvitations: string[];
}

/**
 * An edition on the evening of its final: screened, shortlisted, the final round open with its
 * judges assigned and no sheet yet, the stage idle with its running order (the demo's live final).
 */
export interface FinalEditionSpec extends EditionBase {
  kind: 'final';
  withdrawn: string;
  timeline: PastTimeline;
}

export type EditionSpec = PublishedEditionSpec | JudgingEditionSpec | OpenEditionSpec | FinalEditionSpec;

export interface PastTimeline {
  createdAt: string;
  applicationsOpenAt: string;
  applicationsCloseAt: string;
  judgesJoinedAt: string;
  screeningStartsAt: string;
  screeningEndsAt: string;
  screeningLockedAt: string;
  finalistsAnnouncedAt: string;
  finalStartsAt: string;
  finalLockedAt: string;
  resultsAt: string;
  publishedAt: string;
}

/** The calendar every past edition followed: window March–June, screening in summer, final on day 2. */
function pastTimeline(year: number, endsOn: string): PastTimeline {
  return {
    createdAt: `${year}-01-15T10:00:00+01:00`,
    applicationsOpenAt: `${year}-03-05T09:00:00+01:00`,
    applicationsCloseAt: `${year}-06-30T23:59:00+02:00`,
    judgesJoinedAt: `${year}-05-14T10:00:00+02:00`,
    screeningStartsAt: `${year}-07-02T09:00:00+02:00`,
    screeningEndsAt: `${year}-09-18T20:00:00+02:00`,
    screeningLockedAt: `${year}-09-21T12:00:00+02:00`,
    finalistsAnnouncedAt: `${year}-09-24T10:00:00+02:00`,
    finalStartsAt: `${endsOn}T14:00:00+01:00`,
    finalLockedAt: `${endsOn}T16:50:00+01:00`,
    resultsAt: `${endsOn}T17:05:00+01:00`,
    publishedAt: `${endsOn}T18:30:00+01:00`,
  };
}

export function editionName(year: number): string {
  return `GovTech Summit ${year} — Pitch competition`;
}

export function editionNameFr(year: number): string {
  return `GovTech Summit ${year} — Concours de pitchs`;
}

/** The public description of a demo edition, in French and in English. */
export function editionDescription(year: number): { descriptionFr: string; descriptionEn: string } {
  return {
    descriptionFr: `Le concours de pitchs du GovTech Summit ${year} à Paris : des startups de la GovTech et de la civic tech présentent leurs solutions pour l’action publique devant un jury de responsables publics, d’investisseurs et de représentants de la société civile.`,
    descriptionEn: `The pitch competition of the GovTech Summit ${year} in Paris: GovTech and civic-tech startups present their solutions for public action to a jury of public officials, investors and civil-society representatives.`,
  };
}

export const CITY = 'Paris';
export const TIME_ZONE = 'Europe/Paris';

export const ROUND_NAMES = {
  screening: { nameFr: 'Présélection', nameEn: 'Screening' },
  final: { nameFr: 'Finale', nameEn: 'Final' },
} as const;

// ─── Criteria ───────────────────────────────────────────────────────────────

const impact: CriterionSpec = {
  nameFr: 'Impact pour le secteur public',
  nameEn: 'Impact for the public sector',
  helpFr:
    'Quel changement mesurable pour les administrations et les citoyens ? Qui en bénéficie, et à quelle échelle ?',
  helpEn: 'What measurable change for administrations and citizens? Who benefits, and at what scale?',
  weight: 3,
  scaleMin: 1,
  scaleMax: 10,
};

const feasibility: CriterionSpec = {
  nameFr: 'Faisabilité',
  nameEn: 'Feasibility',
  helpFr:
    'La solution peut-elle être déployée dans une vraie administration : commande publique, sécurité, RGPD, accessibilité ?',
  helpEn: 'Can it be deployed in a real administration: procurement, security, GDPR, accessibility?',
  weight: 2,
  scaleMin: 1,
  scaleMax: 10,
};

const team: CriterionSpec = {
  nameFr: 'Équipe',
  nameEn: 'Team',
  helpFr: 'L’équipe a-t-elle les compétences et l’expérience du secteur public pour réussir ?',
  helpEn: 'Does the team have the skills and the public-sector experience to deliver?',
  weight: 1,
  scaleMin: 1,
  scaleMax: 5,
};

const innovation = (weight: number): CriterionSpec => ({
  nameFr: 'Innovation',
  nameEn: 'Innovation',
  helpFr: 'Qu’apporte la solution par rapport à ce qui existe déjà, ici ou ailleurs ?',
  helpEn: 'What does it bring compared with what already exists, here or elsewhere?',
  weight,
  scaleMin: 1,
  scaleMax: 10,
});

const scalability = (weight: number, scaleMax: number): CriterionSpec => ({
  nameFr: 'Passage à l’échelle',
  nameEn: 'Scalability',
  helpFr: 'Peut-elle servir d’autres collectivités ou d’autres pays sans être réécrite ?',
  helpEn: 'Can it serve other administrations or other countries without being rebuilt?',
  weight,
  scaleMin: 1,
  scaleMax,
});

const openness: CriterionSpec = {
  nameFr: 'Ouverture (code, données, standards)',
  nameEn: 'Openness (code, data, standards)',
  helpFr: 'Code source ouvert, données ouvertes, standards interopérables (OCDS, schémas nationaux…).',
  helpEn: 'Open-source code, open data, interoperable standards (OCDS, national schemas…).',
  weight: 1,
  scaleMin: 1,
  scaleMax: 5,
};

const inclusion: CriterionSpec = {
  nameFr: 'Inclusion et accessibilité',
  nameEn: 'Inclusion and accessibility',
  helpFr: 'Utilisable par toutes et tous : personnes handicapées, peu connectées, allophones.',
  helpEn: 'Usable by everyone: disabled people, people with little connectivity, non-native speakers.',
  weight: 1,
  scaleMin: 1,
  scaleMax: 5,
};

// ─── Tracks (same four slugs every year; names drift with each year's theme) ───

const TRACKS_2018: TrackSpec[] = [
  { slug: 'transparency', nameFr: 'Transparence', nameEn: 'Transparency' },
  { slug: 'participation', nameFr: 'Participation citoyenne', nameEn: 'Citizen participation' },
  { slug: 'anti-corruption', nameFr: 'Lutte contre la corruption', nameEn: 'Anti-corruption' },
  { slug: 'services', nameFr: 'Services publics', nameEn: 'Public services' },
];

const TRACKS_2019: TrackSpec[] = [
  { slug: 'transparency', nameFr: 'Transparence et données ouvertes', nameEn: 'Transparency and open data' },
  { slug: 'participation', nameFr: 'Participation', nameEn: 'Participation' },
  { slug: 'anti-corruption', nameFr: 'Intégrité publique', nameEn: 'Public integrity' },
  { slug: 'services', nameFr: 'Services publics numériques', nameEn: 'Digital public services' },
];

const TRACKS_2020: TrackSpec[] = [
  { slug: 'transparency', nameFr: 'Transparence', nameEn: 'Transparency' },
  { slug: 'participation', nameFr: 'Participation à distance', nameEn: 'Remote participation' },
  { slug: 'anti-corruption', nameFr: 'Anticorruption', nameEn: 'Anti-corruption' },
  { slug: 'services', nameFr: 'Continuité des services publics', nameEn: 'Public-service continuity' },
];

const TRACKS_2021: TrackSpec[] = [
  { slug: 'transparency', nameFr: 'Transparence', nameEn: 'Transparency' },
  { slug: 'participation', nameFr: 'Démocratie participative', nameEn: 'Participatory democracy' },
  { slug: 'anti-corruption', nameFr: 'Intégrité et lutte anticorruption', nameEn: 'Integrity and anti-corruption' },
  { slug: 'services', nameFr: 'Délivrance des services publics', nameEn: 'Public-service delivery' },
];

const TRACKS_2022: TrackSpec[] = [
  { slug: 'transparency', nameFr: 'Transparence et redevabilité', nameEn: 'Transparency and accountability' },
  { slug: 'participation', nameFr: 'Participation citoyenne', nameEn: 'Citizen participation' },
  { slug: 'anti-corruption', nameFr: 'Intégrité publique', nameEn: 'Public integrity' },
  { slug: 'services', nameFr: 'Services publics inclusifs', nameEn: 'Inclusive public services' },
];

const TRACKS_2023: TrackSpec[] = [
  { slug: 'transparency', nameFr: 'Transparence et données', nameEn: 'Transparency and data' },
  { slug: 'participation', nameFr: 'Participation citoyenne', nameEn: 'Citizen participation' },
  { slug: 'anti-corruption', nameFr: 'Intégrité publique', nameEn: 'Public integrity' },
  { slug: 'services', nameFr: 'Services publics de proximité', nameEn: 'Local public services' },
];

const ALL_JUDGES = [1, 2, 3, 4, 5, 6, 7, 8];

export const EDITIONS: EditionSpec[] = [
  {
    kind: 'published',
    year: 2018,
    startsOn: '2018-11-12',
    endsOn: '2018-11-13',
    timeline: pastTimeline(2018, '2018-11-13'),
    tracks: TRACKS_2018,
    criteria: [impact, feasibility, innovation(2), team, scalability(1, 5)],
    screeningMethod: 'mean',
    finalMethod: 'mean',
    judges: ALL_JUDGES,
    conflicts: [
      { judge: 2, slug: 'usaldus', reason: 'Former colleague of the CEO at the national information system authority' },
      { judge: 4, slug: 'teranga-data', reason: 'Membre du conseil d’administration de l’association porteuse du projet' },
      { judge: 5, slug: 'tendr', reason: 'Advised the team during its incubation in 2017' },
    ],
    stars: {
      'marche-clair': 0.95,
      delib: 0.91,
      tendr: 0.89,
      'consensus-lab': 0.84,
      usaldus: 0.82,
      'cahier-commun': 0.8,
    },
    crowdFavourite: 'cahier-commun',
    withdrawn: 'kommunekort',
  },
  {
    kind: 'published',
    year: 2019,
    startsOn: '2019-11-18',
    endsOn: '2019-11-19',
    timeline: pastTimeline(2019, '2019-11-19'),
    tracks: TRACKS_2019,
    criteria: [impact, feasibility, team, innovation(1), scalability(1, 5), openness],
    screeningMethod: 'mean',
    // The z-score year: judges saw different applications in screening and read the final
    // each on their own scale, which is what the method corrects.
    finalMethod: 'zscore',
    judges: ALL_JUDGES,
    conflicts: [
      { judge: 1, slug: 'civix', reason: 'Ancienne collègue du cofondateur à la métropole de Lyon' },
      { judge: 6, slug: 'claro-publico', reason: 'Invested in the company’s seed round' },
      { judge: 8, slug: 'demarches-ci', reason: 'Conseille l’agence publique partenaire du projet' },
      { judge: 3, slug: 'skaidru', reason: 'Sits on the board of a shareholder of the company' },
    ],
    stars: {
      samadossier: 0.93,
      'claro-publico': 0.9,
      skaidru: 0.88,
      'maple-forms': 0.85,
      'echo-citoyen': 0.83,
      civix: 0.8,
    },
    crowdFavourite: 'echo-citoyen',
    withdrawn: 'pacto-limpio',
  },
  {
    kind: 'published',
    year: 2020,
    startsOn: '2020-11-16',
    endsOn: '2020-11-17',
    timeline: pastTimeline(2020, '2020-11-17'),
    tracks: TRACKS_2020,
    criteria: [impact, feasibility, scalability(2, 10), team, openness],
    screeningMethod: 'mean',
    finalMethod: 'mean',
    judges: ALL_JUDGES,
    conflicts: [
      { judge: 3, slug: 'piazza-civica', reason: 'His fund invested in the company in 2019' },
      { judge: 4, slug: 'samadossier', reason: 'Ancienne associée du fondateur' },
      { judge: 7, slug: 'offene-vergabe', reason: 'Her NGO is a funded partner of the project' },
    ],
    stars: {
      civix: 0.96,
      'naira-trail': 0.9,
      'acces-droits': 0.89,
      sentinela: 0.86,
      lucido: 0.83,
      'piazza-civica': 0.81,
    },
    crowdFavourite: 'lucido',
    withdrawn: 'umuganda-connect',
  },
  {
    kind: 'judging',
    year: 2021,
    startsOn: '2021-11-15',
    endsOn: '2021-11-16',
    timeline: pastTimeline(2021, '2021-11-16'),
    tracks: TRACKS_2021,
    criteria: [impact, feasibility, team, innovation(1), openness, inclusion],
    screeningMethod: 'zscore',
    finalMethod: 'mean',
    judges: ALL_JUDGES,
    conflicts: [
      { judge: 5, slug: 'hromada-digital', reason: 'Worked with both founders at the regional administration' },
      { judge: 4, slug: 'teranga-data', reason: 'Membre du conseil d’administration de l’association porteuse du projet' },
      { judge: 6, slug: 'openledger', reason: 'Close friend of the CEO' },
      { judge: 1, slug: 'quorum', reason: 'Lien familial avec la cofondatrice' },
    ],
    stars: { votabl: 0.88, amtlich: 0.85, 'maple-forms': 0.84 },
    withdrawn: 'sentinela',
    drafts: ['rue-sure', 'suara-desa'],
  },
  {
    kind: 'open',
    year: 2022,
    startsOn: '2022-11-14',
    endsOn: '2022-11-15',
    tracks: TRACKS_2022,
    criteria: [impact, feasibility, team, openness, inclusion],
    screeningMethod: 'mean',
    finalMethod: 'mean',
    judges: [1, 2, 3],
    conflicts: [],
    stars: {},
    submitted: ['civiclens', 'amtlich', 'skaidru', 'acces-droits', 'samadossier'],
    pendingInvitations: ['judge4@example.org', 'ines.moreau@example.org'],
  },
  {
    // The demo's live final, listed after 2022 (the edition open for applications) so that the
    // other editions and their ids stay what they were. Five judges keep the final short to run.
    kind: 'final',
    year: 2023,
    startsOn: '2023-11-13',
    endsOn: '2023-11-14',
    timeline: pastTimeline(2023, '2023-11-14'),
    tracks: TRACKS_2023,
    criteria: [impact, feasibility, team, innovation(1), inclusion],
    screeningMethod: 'mean',
    finalMethod: 'mean',
    judges: [1, 2, 3, 4, 5],
    conflicts: [{ judge: 3, slug: 'lucido', reason: 'Mentored the founders in a public-sector accelerator' }],
    stars: {
      'fisc-clair': 0.92,
      petitio: 0.9,
      lucido: 0.88,
      'open-cantine': 0.86,
      'hromada-digital': 0.84,
      'teranga-data': 0.82,
    },
    withdrawn: 'burgerbot',
  },
];
