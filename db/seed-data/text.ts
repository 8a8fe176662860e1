/**
 * The parts of an application that change from one year to the next (traction, team,
 * business model, what changed since the last application), and the judges' comments.
 * Every choice goes through the seeded generator passed in, so a given seed writes the same words.
 */
import type { Language } from './people';
import type { BusinessModelKey, StartupSpec } from './startups';
import type { TrackSlug } from './editions';

/** What the texts need from a random generator; seed-demo.ts passes its mulberry32. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** Thousands grouped by hand (not Intl) so the text never depends on the ICU build. */
function grouped(n: number, lang: Language): string {
  const separator = lang === 'fr' ? '\u202f' : ',';
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

const CUSTOMERS: Record<TrackSlug, { en: string; fr: string }> = {
  transparency: { en: 'public bodies', fr: 'organismes publics' },
  participation: { en: 'municipalities', fr: 'collectivités' },
  'anti-corruption': { en: 'oversight bodies and NGOs', fr: 'organes de contrôle et associations' },
  services: { en: 'local administrations', fr: 'administrations locales' },
};

const USERS: Record<TrackSlug, { en: string; fr: string }> = {
  transparency: { en: 'monthly visitors', fr: 'visiteurs par mois' },
  participation: { en: 'participants', fr: 'participants' },
  'anti-corruption': { en: 'records analysed', fr: 'dossiers analysés' },
  services: { en: 'requests handled', fr: 'demandes traitées' },
};

/** `stage` counts the startup's earlier applications: traction grows with each one. */
export function tractionText(s: StartupSpec, year: number, stage: number, rng: Random): string {
  const customers = CUSTOMERS[s.track][s.lang];
  const users = USERS[s.track][s.lang];
  const lang = s.lang;
  if (stage === 0) {
    const n = rng.int(2, 5);
    const u = rng.int(15, 90) * 100;
    const month = rng.int(0, 11);
    return lang === 'fr'
      ? `Pilote avec ${n} ${customers} depuis ${MONTHS_FR[month]} ${year - 1} ; ${grouped(u, lang)} ${users} sur les douze derniers mois.`
      : `Pilot with ${n} ${customers} since ${MONTHS_EN[month]} ${year - 1}; ${grouped(u, lang)} ${users} in the last twelve months.`;
  }
  const n = stage === 1 ? rng.int(8, 20) : rng.int(25, 60);
  const countries = stage === 1 ? rng.int(1, 2) : rng.int(3, 6);
  const u = (stage === 1 ? rng.int(12, 60) : rng.int(80, 400)) * 1000;
  const k = stage === 1 ? rng.int(40, 150) : rng.int(200, 600);
  if (lang === 'fr') {
    const pays = countries === 1 ? '1 pays' : `${countries} pays`;
    const tail = stage >= 2 ? `, équilibre attendu en ${year + 1}` : '';
    return `${n} ${customers} sous contrat dans ${pays} ; ${grouped(u, lang)} ${users} ; chiffre d’affaires de ${k} k€ en ${year - 1}${tail}.`;
  }
  const where = countries === 1 ? '1 country' : `${countries} countries`;
  const tail = stage >= 2 ? `, break-even expected in ${year + 1}` : '';
  return `${n} ${customers} under contract in ${where}; ${grouped(u, lang)} ${users}; revenue of €${k}k in ${year - 1}${tail}.`;
}

const TEAM_EXTRA_EN = [
  'Half of the team previously worked in public administration.',
  'Our advisers include a former city manager and a data-protection lawyer.',
  'We work with a panel of residents who test every release.',
  'Two of us were civil servants for more than ten years.',
];
const TEAM_EXTRA_FR = [
  'La moitié de l’équipe a travaillé dans l’administration.',
  'Nous sommes accompagnés par un ancien directeur général des services et une avocate spécialiste du RGPD.',
  'Un panel d’habitants teste chacune de nos nouvelles versions.',
  'Deux d’entre nous ont été agents publics pendant plus de dix ans.',
];

export function teamText(s: StartupSpec, year: number, stage: number, rng: Random): string {
  const [ceo, co] = s.founders;
  const size = stage === 0 ? rng.int(3, 6) : stage === 1 ? rng.int(7, 15) : rng.int(14, 30);
  if (s.lang === 'fr') {
    const hire = stage > 0 ? ` Nous avons recruté une responsable des ventes au secteur public en ${year - 1}.` : '';
    return `${ceo} (CEO) et ${co} (CTO), avec une équipe de ${size} personnes à ${s.city}. ${rng.pick(TEAM_EXTRA_FR)}${hire}`;
  }
  const hire = stage > 0 ? ` We hired a head of public-sector sales in ${year - 1}.` : '';
  return `${ceo} (CEO) and ${co} (CTO), with a team of ${size} in ${s.city}. ${rng.pick(TEAM_EXTRA_EN)}${hire}`;
}

export function businessModelText(s: StartupSpec, rng: Random): string {
  const model: BusinessModelKey = s.model;
  const fr = s.lang === 'fr';
  switch (model) {
    case 'subscription': {
      const price = rng.int(12, 60) * 100;
      return fr
        ? `Abonnement annuel des collectivités, selon leur population (à partir de ${grouped(price, 'fr')} € par an pour une commune de 10 000 habitants), sans coût pour les habitants.`
        : `Annual subscription paid by public bodies, priced by population (from €${grouped(price, 'en')} a year for a town of 10,000), free for residents.`;
    }
    case 'open-source':
      return fr
        ? 'Le logiciel est libre (AGPL) ; nos revenus viennent de l’hébergement, du support et de l’intégration aux systèmes existants.'
        : 'The software is open source (AGPL); revenue comes from hosting, support and integration with existing systems.';
    case 'tender': {
      const years = rng.int(2, 4);
      return fr
        ? `Marchés publics pluriannuels (${years} ans) avec des agences nationales et régionales, complétés par une licence par poste pour les services ministériels.`
        : `Multi-year public contracts (${years} years) with national and regional agencies, plus a per-seat licence for ministries.`;
    }
    case 'freemium':
      return fr
        ? 'Gratuit pour les citoyens, les associations et les chercheurs ; les rédactions et les entreprises paient l’accès à l’API et aux alertes.'
        : 'Free for citizens, NGOs and researchers; newsrooms and companies pay for API access and alerts.';
    case 'grants':
      return fr
        ? 'Subventions de fondations pendant la phase pilote, puis une contribution annuelle des collectivités partenaires et des prestations de formation.'
        : 'Foundation grants during the pilot phase, then an annual fee from partner governments and paid training.';
    case 'per-case': {
      const cents = rng.int(5, 40);
      return fr
        ? `Une redevance par dossier traité (${cents} centimes), payée par l’administration ; le service reste gratuit pour l’usager.`
        : `A fee per processed case (${cents} cents), paid by the administration; the service stays free for the public.`;
    }
  }
}

const SINCE_EN = [
  'we moved from pilots to paid contracts and published our code under an open licence.',
  'we rebuilt the product accessibility-first and passed an independent WCAG 2.1 audit.',
  'we added offline support and two new languages, after feedback from front-line staff.',
  'we opened an office in a second country and signed our first national agency.',
];
const SINCE_FR = [
  'nous sommes passés des pilotes à des contrats payants et avons publié notre code sous licence libre.',
  'nous avons reconstruit le produit en partant de l’accessibilité et obtenu un audit RGAA indépendant.',
  'nous avons ajouté un mode hors connexion et deux nouvelles langues, à la demande des agents de terrain.',
  'nous avons ouvert un bureau dans un deuxième pays et signé avec une première agence nationale.',
];

/** A re-application says what changed since the last one. */
export function sinceLastText(s: StartupSpec, previousYear: number, rng: Random): string {
  return s.lang === 'fr'
    ? `Depuis notre candidature de ${previousYear} : ${rng.pick(SINCE_FR)}`
    : `Since our ${previousYear} application, ${rng.pick(SINCE_EN)}`;
}

// ─── Judges' comments ───────────────────────────────────────────────────────

type Band = 'high' | 'mid' | 'low';

const SCREENING_COMMENTS: Record<Language, Record<Band, string[]>> = {
  en: {
    high: [
      'Strong team and a clear path to adoption by administrations.',
      'Convincing pilots; the impact on public trust is well argued.',
      'One of the best applications I read: concrete, measurable, open.',
      'Solid traction with real public buyers. Would like to see it on stage.',
    ],
    mid: [
      'Interesting idea, but the business model relies too much on grants.',
      'Good problem statement; traction is still thin.',
      'How is personal data protected? The GDPR side is not addressed.',
      'Promising, but the procurement route for a municipality is unclear.',
    ],
    low: [
      'The solution is vague and the public-sector buyer is not identified.',
      'Too early: no pilot, no user yet.',
      'Hard to see what is new compared with existing tools.',
      'The impact claims are not backed by any figure.',
    ],
  },
  fr: {
    high: [
      'Équipe solide et adoption déjà engagée par plusieurs collectivités.',
      'Impact démontré, chiffres à l’appui ; très convaincant.',
      'Ça coche toutes les cases : utile, ouvert, déjà utilisé.',
      'Une candidature mûre, qui mérite sa place en finale.',
      'Mise en œuvre réaliste, équipe expérimentée : à voir en finale.',
    ],
    mid: [
      'Bonne idée, mais le modèle économique reste fragile.',
      'Problème bien posé ; la traction est encore modeste.',
      'À suivre : la question de l’hébergement des données n’est pas traitée.',
      'Intéressant, mais quel acheteur public, et par quel marché ?',
    ],
    low: [
      'Trop tôt : ni pilote ni utilisateurs.',
      'La solution reste floue et l’acheteur public n’est pas identifié.',
      'Peu de différence avec les outils existants.',
      'L’impact annoncé n’est étayé par aucun chiffre.',
    ],
  },
};

const FINAL_COMMENTS: Record<Language, Record<Band, string[]>> = {
  en: {
    high: ['Great pitch, crisp answers in the Q&A.', 'The demo was the most convincing of the afternoon.', 'Clear impact, credible numbers, an excellent team.'],
    mid: ['Good pitch, but the answers on revenue were vague.', 'Solid, though less ambitious than the others.', 'Ran out of time before the impact slide.'],
    low: ['The pitch did not match the application.', 'Weak answers on data protection.', 'Unclear who pays once the grants end.'],
  },
  fr: {
    high: ['Excellent pitch, réponses précises aux questions du jury.', 'La démonstration la plus convaincante de l’après-midi.', 'Impact clair, chiffres crédibles, très belle équipe.'],
    mid: ['Bon pitch, mais des réponses floues sur le modèle économique.', 'Solide, mais moins ambitieux que les autres finalistes.', 'Manque de temps : la partie impact a été escamotée.'],
    low: ['Le pitch ne reflétait pas la candidature.', 'Réponses faibles sur la protection des données.', 'On ne voit pas qui paiera après les subventions.'],
  },
};

/** `level` is the sheet's total on 0..1; the comment matches it and the judge's language. */
export function sheetComment(round: 'screening' | 'final', lang: Language, level: number, rng: Random): string {
  const band: Band = level >= 0.68 ? 'high' : level >= 0.45 ? 'mid' : 'low';
  const pool = (round === 'screening' ? SCREENING_COMMENTS : FINAL_COMMENTS)[lang][band];
  return rng.pick(pool);
}
