/**
 * The fictional GovTech and civic-tech startups of the demo. Each one applies to the
 * editions in `years` (same startup, new text every time: traction, team and a line on
 * what changed are written per year by text.ts). Texts are in the startup's language.
 * Every name, website and person here is invented; websites use the reserved `.example` domain.
 */
import type { Language } from './people';
import type { TrackSlug } from './editions';

export type BusinessModelKey =
  | 'subscription'
  | 'open-source'
  | 'tender'
  | 'freemium'
  | 'grants'
  | 'per-case';

export interface StartupSpec {
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  city: string;
  lang: Language;
  track: TrackSlug;
  /** Chief executive first; the other founder second. */
  founders: [string, string];
  model: BusinessModelKey;
  /** Has a pitch video link. */
  video: boolean;
  years: number[];
  /** 1..5 for the founders who can log in (people.ts DEMO_FOUNDERS), else a `contact@` account. */
  demoFounder?: number;
  oneLiner: string;
  problem: string;
  solution: string;
  impact: string;
}

export const STARTUPS: StartupSpec[] = [
  {
    slug: 'civix',
    name: 'Civix',
    country: 'FR',
    city: 'Lyon',
    lang: 'fr',
    track: 'participation',
    founders: ['Léa Rousseau', 'Karim Benali'],
    model: 'subscription',
    video: true,
    years: [2019, 2020, 2022],
    demoFounder: 1,
    oneLiner: 'Des consultations citoyennes en ligne que les petites communes peuvent lancer en une heure.',
    problem:
      'Les communes de moins de 20 000 habitants n’ont ni le budget ni les compétences pour organiser une concertation numérique. Résultat : ce sont toujours les mêmes habitants, peu nombreux, qui viennent aux « réunions publiques du mardi soir ».',
    solution:
      'Civix propose des modèles de consultation prêts à l’emploi (budget participatif, plan local d’urbanisme, aménagement d’une place), un vote vérifié par SMS et une synthèse automatique des contributions, relue par les agents.',
    impact:
      'Chaque consultation touche en moyenne cinq fois plus d’habitants qu’une réunion publique, dont beaucoup de moins de 35 ans ; les élus disposent d’une synthèse lisible avant de décider.',
  },
  {
    slug: 'openledger',
    name: 'OpenLedger',
    country: 'ES',
    city: 'Valencia',
    lang: 'en',
    track: 'anti-corruption',
    founders: ['Tomás Herrera', 'Lucía Ferrer'],
    model: 'open-source',
    video: true,
    years: [2020, 2021],
    demoFounder: 2,
    oneLiner: 'Every euro a region spends, from contract to payment, in one public ledger anyone can search.',
    problem:
      'Regional spending data is scattered across procurement portals, budget PDFs and payment systems that do not share identifiers. Journalists and auditors spend weeks matching a contract to the payments made under it.',
    solution:
      'OpenLedger links tenders, contracts, invoices and payments with the Open Contracting Data Standard, flags unusual patterns (split contracts, late amendments) and publishes the result as open data with a plain-language search.',
    impact:
      'Auditors cut the time to reconstruct a spending trail from weeks to minutes; citizens can see who was paid, for what and when.',
  },
  {
    slug: 'votabl',
    name: 'Votabl',
    country: 'NG',
    city: 'Lagos',
    lang: 'en',
    track: 'participation',
    founders: ['Ngozi Okafor', 'Emeka Adeyemi'],
    model: 'per-case',
    video: true,
    years: [2021],
    demoFounder: 3,
    oneLiner: 'Participatory budgeting by SMS and USSD, for residents who have a phone but no data plan.',
    problem:
      'Participatory budgeting in Nigerian local governments reaches the connected few: online forms exclude most residents, and paper ballots are slow to count and easy to contest.',
    solution:
      'Votabl runs the whole cycle — proposals, shortlists, votes and results — over SMS and USSD menus in English, Yoruba, Hausa and Igbo, with one vote per SIM and a public tally updated every hour.',
    impact:
      'Pilot wards saw turnout rise from a few hundred to several thousand residents, half of them women, and every funded project is tracked until delivery.',
  },
  {
    slug: 'civiclens',
    name: 'CivicLens',
    country: 'TW',
    city: 'Taipei',
    lang: 'en',
    track: 'transparency',
    founders: ['Mei-Ling Chen', 'Wei-Jie Lin'],
    model: 'freemium',
    video: false,
    years: [2022],
    demoFounder: 4,
    oneLiner: 'Searchable, summarised recordings of every city-council meeting, with who said what and how they voted.',
    problem:
      'Council meetings are public but nobody watches six hours of video. Local journalism has shrunk, and residents learn about decisions once they are final.',
    solution:
      'CivicLens transcribes council sessions, links each speech to the agenda item and the vote, and sends residents alerts on the topics and streets they follow. Summaries are checked by a human editor before publication.',
    impact:
      'Residents follow the decisions that affect them before they are taken; councillors get fewer but better-informed questions.',
  },
  {
    slug: 'marche-clair',
    name: 'Marché Clair',
    country: 'FR',
    city: 'Nantes',
    lang: 'fr',
    track: 'anti-corruption',
    founders: ['Baptiste Girard', 'Inès Haddad'],
    model: 'subscription',
    video: true,
    years: [2018, 2022],
    demoFounder: 5,
    oneLiner: 'La commande publique des petites collectivités, lisible et vérifiable par tous.',
    problem:
      'Les petites collectivités publient leurs marchés de façon dispersée et souvent incomplète. Les signaux d’alerte (avenants répétés, fournisseur unique, découpage des marchés) passent inaperçus.',
    solution:
      'Marché Clair collecte les données essentielles de la commande publique, les complète à partir des avis publiés et signale automatiquement les situations à risque aux élus et aux contrôleurs, avec une page publique par marché.',
    impact:
      'Les collectivités clientes publient désormais 100 % de leurs données essentielles ; plusieurs anomalies ont été corrigées avant paiement.',
  },
  {
    slug: 'dataville',
    name: 'DataVille',
    country: 'BE',
    city: 'Liège',
    lang: 'fr',
    track: 'transparency',
    founders: ['Julien Dumont', 'Sarah Lambert'],
    model: 'open-source',
    video: false,
    years: [2018, 2019, 2021, 2023],
    oneLiner: 'Un portail de données ouvertes clé en main pour les communes qui n’ont pas de service informatique.',
    problem:
      'La plupart des communes wallonnes ne publient aucune donnée ouverte : les portails existants sont pensés pour les grandes villes et demandent un administrateur à plein temps.',
    solution:
      'DataVille publie automatiquement les jeux de données les plus demandés (budget, marchés, subventions, équipements) à partir des logiciels métiers déjà en place, au format des schémas nationaux.',
    impact:
      'Une commune passe de zéro à une quinzaine de jeux de données à jour en un mois, réutilisés par la presse locale et les associations.',
  },
  {
    slug: 'budget-ouvert',
    name: 'Budget Ouvert',
    country: 'MA',
    city: 'Rabat',
    lang: 'fr',
    track: 'transparency',
    founders: ['Yasmine El Amrani', 'Omar Tazi'],
    model: 'grants',
    video: true,
    years: [2018, 2020, 2021, 2023],
    oneLiner: 'Le budget de votre commune expliqué en images, en arabe, en amazighe et en français.',
    problem:
      'Les budgets communaux sont publiés en PDF de deux cents pages que personne ne lit. Les citoyens ignorent combien est consacré à l’éclairage, aux écoles ou au ramassage des déchets.',
    solution:
      'Budget Ouvert transforme le budget voté en visualisations simples, comparables d’une année et d’une commune à l’autre, et permet aux habitants de poser des questions publiques auxquelles la commune répond.',
    impact:
      'Dans les communes pilotes, les questions budgétaires posées en conseil ont triplé et les réponses sont désormais publiques.',
  },
  {
    slug: 'usaldus',
    name: 'Usaldus',
    country: 'EE',
    city: 'Tartu',
    lang: 'en',
    track: 'services',
    founders: ['Kadri Saar', 'Martin Kask'],
    model: 'per-case',
    video: false,
    years: [2018, 2019],
    oneLiner: 'Digital signatures and once-only data for small municipalities, without a new IT system.',
    problem:
      'Small municipalities still ask residents to print, sign and scan forms, and to provide documents the state already holds.',
    solution:
      'Usaldus plugs into the national identity and data-exchange layers and turns any municipal form into a signed, pre-filled online service in a day.',
    impact:
      'Residents stop re-entering data the state already has; a typical permit request goes from two weeks to two days.',
  },
  {
    slug: 'tendr',
    name: 'Tendr',
    country: 'UA',
    city: 'Kharkiv',
    lang: 'en',
    track: 'anti-corruption',
    founders: ['Andriy Melnyk', 'Iryna Bondarenko'],
    model: 'freemium',
    video: true,
    years: [2018, 2021, 2023],
    oneLiner: 'Red-flag analytics on public procurement, built for auditors and watchdog NGOs.',
    problem:
      'Open procurement data is published in huge volumes, but auditors lack the tools to find the few suspicious tenders among hundreds of thousands.',
    solution:
      'Tendr scores every tender against forty published risk indicators (single bidder, unusual deadlines, related companies) and lets auditors and NGOs file a monitoring request in one click.',
    impact:
      'Monitoring requests filed through Tendr led to cancelled or corrected tenders worth several million euros.',
  },
  {
    slug: 'kura',
    name: 'Kura',
    country: 'KE',
    city: 'Nairobi',
    lang: 'en',
    track: 'participation',
    founders: ['Wanjiru Kamau', 'Brian Otieno'],
    model: 'grants',
    video: false,
    years: [2018],
    oneLiner: 'Neutral, verified information on candidates and ballots, by USSD and community radio.',
    problem:
      'Before elections, voters in rural counties rely on rumours and partisan messages; official information is online only and hard to find.',
    solution:
      'Kura publishes candidate profiles, polling-station locations and explainers of each ballot through USSD menus and partner radio call-in shows, checked by a network of local fact-checkers.',
    impact:
      'Hundreds of thousands of USSD sessions during the last electoral cycle, in counties where internet use is below 20%.',
  },
  {
    slug: 'samadossier',
    name: 'SamaDossier',
    country: 'SN',
    city: 'Dakar',
    lang: 'fr',
    track: 'services',
    founders: ['Moussa Diop', 'Fatou Sarr'],
    model: 'per-case',
    video: true,
    years: [2019, 2020, 2021, 2022, 2023],
    oneLiner: 'Suivre l’avancement de ses démarches administratives par SMS, comme on suit un colis.',
    problem:
      'Pour savoir où en est une demande d’acte d’état civil ou de permis, il faut souvent se déplacer plusieurs fois au guichet. Ces trajets coûtent du temps et de l’argent, surtout en zone rurale.',
    solution:
      'SamaDossier attribue un numéro de suivi à chaque démarche et envoie un SMS à chaque étape, en français ou en wolof. Les agents mettent à jour le dossier depuis une application simple, même hors connexion.',
    impact:
      'Les déplacements inutiles au guichet ont baissé de moitié dans les mairies pilotes, et les délais de traitement sont désormais mesurés.',
  },
  {
    slug: 'fala-cidadao',
    name: 'Fala Cidadão',
    country: 'BR',
    city: 'Recife',
    lang: 'en',
    track: 'participation',
    founders: ['Ana Beatriz Souza', 'João Pedro Lima'],
    model: 'subscription',
    video: true,
    years: [2018, 2019],
    oneLiner: 'Residents report problems and follow city hall’s answers on WhatsApp, in public.',
    problem:
      'City ombudsman offices receive complaints by phone and paper, answer late, and publish nothing about what was fixed.',
    solution:
      'Fala Cidadão turns WhatsApp messages into tracked public requests, routes them to the right department, and publishes response times per department on an open dashboard.',
    impact:
      'Median response time fell from 41 to 9 days in the first partner city, and the dashboard is now discussed in council.',
  },
  {
    slug: 'nagrik-setu',
    name: 'Nagrik Setu',
    country: 'IN',
    city: 'Pune',
    lang: 'en',
    track: 'services',
    founders: ['Priya Deshpande', 'Arjun Mehta'],
    model: 'tender',
    video: false,
    years: [2019, 2021],
    oneLiner: 'Grievances in any Indian language, routed to the right officer and closed on time.',
    problem:
      'Municipal grievance portals receive thousands of complaints a week; many are misrouted, closed without action or left in English-only queues.',
    solution:
      'Nagrik Setu classifies complaints written or spoken in twelve languages, routes them to the responsible ward officer and escalates automatically when a deadline is missed.',
    impact:
      'Misrouted complaints dropped by 70% in the pilot corporation, and closure now requires a photo or a citizen confirmation.',
  },
  {
    slug: 'lucido',
    name: 'Lúcido',
    country: 'MX',
    city: 'Guadalajara',
    lang: 'en',
    track: 'anti-corruption',
    founders: ['Valeria Montes', 'Diego Castañeda'],
    model: 'freemium',
    video: false,
    years: [2020, 2021, 2023],
    oneLiner: 'Officials’ asset and interest declarations, machine-readable and cross-checked.',
    problem:
      'Asset declarations are public in principle, but published as scanned forms that cannot be searched or compared over time.',
    solution:
      'Lúcido extracts declarations into structured data, compares them year over year and with company registers, and flags unexplained changes for journalists and oversight bodies.',
    impact:
      'Oversight bodies in two states use Lúcido to prioritise audits; several undeclared interests were corrected.',
  },
  {
    slug: 'claro-publico',
    name: 'Claro Público',
    country: 'CL',
    city: 'Valparaíso',
    lang: 'en',
    track: 'transparency',
    founders: ['Camila Rojas', 'Matías Fuentes'],
    model: 'open-source',
    video: true,
    years: [2018, 2019],
    oneLiner: 'Who met whom: the lobbying register as a searchable map of meetings and decisions.',
    problem:
      'Chile’s lobbying law makes meetings public, but the records sit in thousands of separate pages with no link to the decisions that followed.',
    solution:
      'Claro Público consolidates meeting records, links them to bills and regulations, and lets anyone follow an organisation or an official.',
    impact:
      'Journalists use it weekly; two ministries now publish their records in the structured format it proposed.',
  },
  {
    slug: 'maple-forms',
    name: 'Maple Forms',
    country: 'CA',
    city: 'Ottawa',
    lang: 'en',
    track: 'services',
    founders: ['Rebecca Thompson', 'Samuel Tremblay'],
    model: 'subscription',
    video: false,
    years: [2019, 2021],
    oneLiner: 'Accessible, bilingual government forms that people actually finish.',
    problem:
      'Public forms are long, inaccessible to screen readers and abandoned halfway; the paper fallback costs agencies millions.',
    solution:
      'Maple Forms is a form builder with accessibility checks built in, plain-language patterns, French and English side by side, and save-and-return for long applications.',
    impact:
      'Completion rates above 85% on forms that used to lose half their users, with WCAG 2.1 AA conformance by default.',
  },
  {
    slug: 'parish-pulse',
    name: 'Parish Pulse',
    country: 'GB',
    city: 'Bristol',
    lang: 'en',
    track: 'participation',
    founders: ['Eleanor Hughes', 'Tom Fletcher'],
    model: 'subscription',
    video: false,
    years: [2018, 2019],
    oneLiner: 'Consultation and polling tools for the ten thousand parish and town councils of England.',
    problem:
      'Parish councils make decisions on planning and local services with little input beyond the same handful of residents at meetings.',
    solution:
      'Parish Pulse offers quick polls, postcard invitations with QR codes and a public log of how each consultation informed the decision.',
    impact:
      'Councils using it hear from ten times more residents, and publish why they decided as they did.',
  },
  {
    slug: 'rastro',
    name: 'Rastro',
    country: 'ES',
    city: 'Sevilla',
    lang: 'en',
    track: 'anti-corruption',
    founders: ['Alejandro Ruiz', 'Marta Gil'],
    model: 'tender',
    video: true,
    years: [2020],
    oneLiner: 'Traceability of public subsidies, from the call to the final report.',
    problem:
      'Subsidies are granted by dozens of bodies with no shared view; the same project can be funded twice and final reports are rarely checked.',
    solution:
      'Rastro connects grant systems, detects double funding and overdue reports, and publishes every grant with its outcome.',
    impact:
      'Double funding detected in the pilot region amounted to 2% of the subsidies audited, recovered before payment.',
  },
  {
    slug: 'piazza-civica',
    name: 'Piazza Civica',
    country: 'IT',
    city: 'Bologna',
    lang: 'en',
    track: 'participation',
    founders: ['Giulia Romano', 'Luca Bianchi'],
    model: 'open-source',
    video: true,
    years: [2020, 2021, 2022, 2023],
    oneLiner: 'Neighbourhood assemblies, online and offline, with minutes everyone can read.',
    problem:
      'Neighbourhood councils meet in rooms few people can reach, and their decisions rarely travel back to the residents.',
    solution:
      'Piazza Civica combines hybrid meetings, structured proposals and readable minutes, and follows each proposal until the city answers.',
    impact:
      'Proposals from residents reaching the city council doubled in the first year in the pilot districts.',
  },
  {
    slug: 'raadsvolger',
    name: 'Raadsvolger',
    country: 'NL',
    city: 'Utrecht',
    lang: 'en',
    track: 'transparency',
    founders: ['Sanne de Vries', 'Daan Jansen'],
    model: 'freemium',
    video: false,
    years: [2018],
    oneLiner: 'Follow how your municipal council votes, motion by motion.',
    problem:
      'Municipal councils publish votes in minutes and PDFs; nobody can tell how a party voted on housing over four years.',
    solution:
      'Raadsvolger extracts motions and votes from council information systems and shows voting records by party, councillor and topic.',
    impact:
      'Used by local media in forty municipalities ahead of the municipal elections.',
  },
  {
    slug: 'guichet-facile',
    name: 'Guichet Facile',
    country: 'BE',
    city: 'Namur',
    lang: 'fr',
    track: 'services',
    founders: ['Élodie Renard', 'Maxime Leroy'],
    model: 'subscription',
    video: false,
    years: [2018, 2019, 2020],
    oneLiner: 'La prise de rendez-vous et la file d’attente virtuelle pour les guichets communaux.',
    problem:
      'Les files d’attente aux guichets de la population sont longues et imprévisibles ; les agents passent leur journée sous pression.',
    solution:
      'Guichet Facile propose des rendez-vous en ligne, une file virtuelle par SMS et la liste des documents à apporter, pour qu’un seul passage suffise.',
    impact:
      'Le temps d’attente moyen est passé de 50 à 8 minutes dans les communes pilotes.',
  },
  {
    slug: 'naira-trail',
    name: 'Naira Trail',
    country: 'NG',
    city: 'Abuja',
    lang: 'en',
    track: 'transparency',
    founders: ['Chidinma Eze', 'Tunde Bakare'],
    model: 'grants',
    video: true,
    years: [2019, 2020, 2023],
    oneLiner: 'Follow the money of capital projects, from budget line to finished school.',
    problem:
      'Budgeted capital projects — schools, clinics, boreholes — are often reported complete but never built, and communities have no way to check.',
    solution:
      'Naira Trail maps every budgeted project, invites communities to send geotagged photos, and sends verified gaps to the contractors and the audit office.',
    impact:
      'Community monitors have verified over a thousand projects; dozens of stalled ones were resumed after publication.',
  },
  {
    slug: 'alerte-integre',
    name: 'Alerte Intègre',
    country: 'FR',
    city: 'Paris',
    lang: 'fr',
    track: 'anti-corruption',
    founders: ['Nathalie Roche', 'Adrien Morel'],
    model: 'subscription',
    video: false,
    years: [2018, 2019, 2020],
    oneLiner: 'Un canal de signalement sécurisé et anonyme pour les lanceurs d’alerte du secteur public.',
    problem:
      'La loi impose aux collectivités un dispositif de recueil des signalements, mais beaucoup se contentent d’une adresse électronique que personne n’ose utiliser.',
    solution:
      'Alerte Intègre offre un canal chiffré, anonyme et bidirectionnel, un suivi des délais légaux et un tableau de bord pour le référent déontologue.',
    impact:
      'Les collectivités équipées reçoivent des signalements exploitables et peuvent prouver le respect de leurs obligations.',
  },
  {
    slug: 'delib',
    name: 'Délib',
    country: 'FR',
    city: 'Bordeaux',
    lang: 'fr',
    track: 'transparency',
    founders: ['Mathilde Perrin', 'Hugo Fontaine'],
    model: 'open-source',
    video: true,
    years: [2018, 2019],
    oneLiner: 'Toutes les délibérations municipales publiées, datées et consultables le jour même.',
    problem:
      'Les délibérations sont affichées en mairie ou publiées des semaines plus tard dans un PDF scanné ; les habitants les découvrent trop tard.',
    solution:
      'Délib se branche sur le logiciel de gestion des séances, publie chaque délibération en texte intégral avec ses votes et notifie les abonnés par thème.',
    impact:
      'Le délai de publication passe de plusieurs semaines à quelques heures, et les délibérations deviennent des données ouvertes.',
  },
  {
    slug: 'quorum',
    name: 'Quorum',
    country: 'FR',
    city: 'Grenoble',
    lang: 'fr',
    track: 'participation',
    founders: ['Claire Dubois', 'Antoine Mercier'],
    model: 'tender',
    video: true,
    years: [2019, 2020, 2021, 2023],
    oneLiner: 'Organiser une convention citoyenne tirée au sort, du tirage à la restitution.',
    problem:
      'Les assemblées citoyennes tirées au sort sont longues et coûteuses à organiser : tirage, relances, logistique, indemnisation, traçabilité des votes.',
    solution:
      'Quorum gère le tirage stratifié vérifiable, les invitations, la logistique des sessions et la publication des propositions et des réponses de l’institution.',
    impact:
      'Une convention locale s’organise avec deux fois moins de moyens, et chaque proposition reçoit une réponse publique.',
  },
  {
    slug: 'burgerbot',
    name: 'Bürgerbot',
    country: 'DE',
    city: 'Leipzig',
    lang: 'en',
    track: 'services',
    founders: ['Lena Schäfer', 'Murat Yılmaz'],
    model: 'subscription',
    video: false,
    years: [2018, 2021, 2023],
    oneLiner: 'A multilingual assistant that answers residents’ questions about local administration.',
    problem:
      'Citizens’ offices are overwhelmed by simple questions — which documents, which office, which fee — asked in many languages.',
    solution:
      'Bürgerbot answers in German, Turkish, Arabic, Ukrainian and English from the municipality’s own service catalogue, and hands over to a person when unsure.',
    impact:
      'A third of phone calls to the citizens’ office avoided in the pilot city, with answers checked against official sources.',
  },
  {
    slug: 'amtlich',
    name: 'Amtlich',
    country: 'DE',
    city: 'Hamburg',
    lang: 'en',
    track: 'services',
    founders: ['Jonas Becker', 'Svenja Hoffmann'],
    model: 'per-case',
    video: true,
    years: [2021, 2022, 2023],
    oneLiner: 'Document checks before the appointment, so one visit to the citizens’ office is enough.',
    problem:
      'Half of the appointments at citizens’ offices end with a missing document and a second visit.',
    solution:
      'Amtlich lets residents upload their documents before the appointment; an officer checks them in advance and confirms the visit only when the file is complete.',
    impact:
      'Second visits fell by 60% in the pilot district, freeing appointments for everyone.',
  },
  {
    slug: 'offene-vergabe',
    name: 'Offene Vergabe',
    country: 'DE',
    city: 'Berlin',
    lang: 'en',
    track: 'anti-corruption',
    founders: ['Felix Wagner', 'Nora Klein'],
    model: 'open-source',
    video: false,
    years: [2018, 2020],
    oneLiner: 'German public procurement data, standardised and open.',
    problem:
      'Procurement notices are spread over hundreds of federal, state and municipal portals, each with its own format.',
    solution:
      'Offene Vergabe collects notices and awards, converts them to the Open Contracting Data Standard and publishes a bulk download and an API.',
    impact:
      'Researchers and journalists can analyse German procurement as a whole for the first time.',
  },
  {
    slug: 'hromada-digital',
    name: 'Hromada Digital',
    country: 'UA',
    city: 'Lviv',
    lang: 'en',
    track: 'participation',
    founders: ['Oksana Shevchuk', 'Taras Hnatyuk'],
    model: 'grants',
    video: true,
    years: [2019, 2021, 2023],
    oneLiner: 'E-petitions, participatory budgets and open meetings for Ukraine’s amalgamated communities.',
    problem:
      'Newly amalgamated communities gained budgets and powers, but not the tools to involve their residents.',
    solution:
      'Hromada Digital provides e-petitions with verified signatures, participatory budgeting and live-streamed council sessions as one shared service.',
    impact:
      'Over a hundred communities connected; thousands of petitions answered publicly.',
  },
  {
    slug: 'mizan',
    name: 'Mizan',
    country: 'TN',
    city: 'Tunis',
    lang: 'fr',
    track: 'transparency',
    founders: ['Salma Ben Youssef', 'Karim Jlassi'],
    model: 'grants',
    video: false,
    years: [2018, 2020, 2021],
    oneLiner: 'Les décisions de justice publiées, anonymisées et consultables par tous.',
    problem:
      'Les décisions de justice restent difficilement accessibles : sans jurisprudence publique, citoyens et avocats ne peuvent pas anticiper la manière dont la loi est appliquée.',
    solution:
      'Mizan anonymise automatiquement les décisions, avec une relecture humaine, et les publie avec un moteur de recherche en arabe et en français.',
    impact:
      'Plusieurs milliers de décisions publiées ; les tribunaux partenaires gagnent du temps sur les demandes de copies.',
  },
  {
    slug: 'baraza',
    name: 'Baraza',
    country: 'KE',
    city: 'Kisumu',
    lang: 'en',
    track: 'participation',
    founders: ['Achieng Odhiambo', 'Peter Mwangi'],
    model: 'grants',
    video: true,
    years: [2019, 2021, 2023],
    oneLiner: 'County public-participation forums, extended by radio and SMS.',
    problem:
      'Kenya’s constitution requires public participation in county budgets, but forums are announced late and held far from most residents.',
    solution:
      'Baraza announces forums by SMS and radio, collects comments by SMS and call-in, and publishes a summary that the county must answer.',
    impact:
      'Participation in budget forums multiplied by six in partner counties, with a published answer to every theme raised.',
  },
  {
    slug: 'accra-fix',
    name: 'Accra Fix',
    country: 'GH',
    city: 'Accra',
    lang: 'en',
    track: 'services',
    founders: ['Kwame Mensah', 'Abena Owusu'],
    model: 'subscription',
    video: false,
    years: [2018, 2019],
    oneLiner: 'Report a broken streetlight or a blocked drain, and see when it gets fixed.',
    problem:
      'Residents have no reliable channel to report broken public infrastructure, and the city cannot prioritise repairs.',
    solution:
      'Accra Fix collects geotagged reports by app and SMS, groups duplicates, and gives maintenance teams a prioritised work list.',
    impact:
      'Thousands of issues reported and resolved, with average repair times published per district.',
  },
  {
    slug: 'cahier-commun',
    name: 'Cahier Commun',
    country: 'FR',
    city: 'Lille',
    lang: 'fr',
    track: 'participation',
    founders: ['Sophie Garnier', 'Yanis Kaci'],
    model: 'open-source',
    video: false,
    years: [2018, 2019],
    oneLiner: 'Des cahiers de doléances numériques, lisibles et analysés en toute transparence.',
    problem:
      'Quand une collectivité recueille l’avis de ses habitants, les contributions s’entassent sans analyse publique ; la confiance s’érode.',
    solution:
      'Cahier Commun recueille les contributions en ligne et sur papier, les classe par thème avec une méthode publiée et rend l’ensemble consultable en données ouvertes.',
    impact:
      'Chaque contributeur peut retrouver sa contribution et voir comment elle a été prise en compte.',
  },
  {
    slug: 'sentinela',
    name: 'Sentinela',
    country: 'BR',
    city: 'Belo Horizonte',
    lang: 'en',
    track: 'anti-corruption',
    founders: ['Larissa Costa', 'Rafael Oliveira'],
    model: 'freemium',
    video: true,
    years: [2020, 2021, 2023],
    oneLiner: 'Parents and teachers monitor school-meal funds, school by school.',
    problem:
      'School-meal budgets are a frequent target of fraud; parents see empty plates but have no figures to compare.',
    solution:
      'Sentinela publishes the funds transferred to each school and the purchases made, and lets parents report missing meals anonymously.',
    impact:
      'Reports from parents triggered audits in several municipalities; meal quality indicators improved.',
  },
  {
    slug: 'demarches-ci',
    name: 'Démarches CI',
    country: 'CI',
    city: 'Abidjan',
    lang: 'fr',
    track: 'services',
    founders: ['Aya Kouassi', 'Serge Koffi'],
    model: 'tender',
    video: false,
    years: [2018, 2019, 2021],
    oneLiner: 'Un guichet unique en ligne pour créer son entreprise en Côte d’Ivoire.',
    problem:
      'Créer une entreprise exige encore plusieurs passages dans différentes administrations, ce qui pousse beaucoup d’entrepreneurs vers l’informel.',
    solution:
      'Démarches CI regroupe les formalités en un seul parcours, avec paiement mobile et suivi en temps réel, en lien avec les administrations concernées.',
    impact:
      'Le délai de création est passé de trois semaines à quatre jours pour les dossiers traités en ligne.',
  },
  {
    slug: 'contralor-ciudadano',
    name: 'Contralor Ciudadano',
    country: 'CO',
    city: 'Medellín',
    lang: 'en',
    track: 'anti-corruption',
    founders: ['Daniela Restrepo', 'Andrés Gómez'],
    model: 'grants',
    video: true,
    years: [2019, 2020],
    oneLiner: 'Citizen audits of public works with geotagged photos and open contracts.',
    problem:
      'Unfinished public works — roads, bridges, schools — are common, and citizens’ complaints get lost without evidence.',
    solution:
      'Contralor Ciudadano pairs each public work with its contract and schedule, and lets trained citizen auditors document progress with geotagged photos sent to the comptroller.',
    impact:
      'Hundreds of works monitored; the comptroller opened investigations on the most delayed.',
  },
  {
    slug: 'presupuesto-vivo',
    name: 'Presupuesto Vivo',
    country: 'AR',
    city: 'Rosario',
    lang: 'en',
    track: 'transparency',
    founders: ['Florencia Díaz', 'Martín Sosa'],
    model: 'open-source',
    video: false,
    years: [2018, 2020],
    oneLiner: 'Live budget execution dashboards for municipalities, updated every night.',
    problem:
      'Budget execution is published once a year, months after the money is spent, when nothing can be corrected.',
    solution:
      'Presupuesto Vivo reads the municipality’s accounting system every night and publishes execution by programme, with open data and plain explanations.',
    impact:
      'Councillors and residents follow spending during the year, not after it.',
  },
  {
    slug: 'ubuntu-records',
    name: 'Ubuntu Records',
    country: 'ZA',
    city: 'Cape Town',
    lang: 'en',
    track: 'services',
    founders: ['Thandiwe Nkosi', 'Pieter van Wyk'],
    model: 'tender',
    video: false,
    years: [2020, 2021],
    oneLiner: 'Recognised digital records of land and housing rights in informal settlements.',
    problem:
      'Millions of residents of informal settlements have no record of where they live, which blocks access to services and exposes them to evictions.',
    solution:
      'Ubuntu Records maps dwellings with residents, records agreed boundaries and occupancy, and issues a municipal certificate recognised for service connections.',
    impact:
      'Thousands of households recorded; certificates accepted by utilities in the partner municipality.',
  },
  {
    slug: 'minwon',
    name: 'Minwon',
    country: 'KR',
    city: 'Seoul',
    lang: 'en',
    track: 'services',
    founders: ['Ji-woo Park', 'Hyun-soo Kim'],
    model: 'subscription',
    video: true,
    years: [2019],
    oneLiner: 'Civil complaints classified, deduplicated and answered faster with language models.',
    problem:
      'Local governments receive millions of civil complaints a year; many are duplicates and officers spend hours sorting them.',
    solution:
      'Minwon classifies and groups complaints, drafts an answer from past replies for an officer to check, and reports recurring issues to decision-makers.',
    impact:
      'Processing time per complaint cut by 40% in the pilot district, with every answer still signed by an officer.',
  },
  {
    slug: 'bayanihan-ledger',
    name: 'Bayanihan Ledger',
    country: 'PH',
    city: 'Cebu',
    lang: 'en',
    track: 'transparency',
    founders: ['Maria Santos', 'Paolo Reyes'],
    model: 'grants',
    video: false,
    years: [2020],
    oneLiner: 'Disaster-relief funds and goods tracked from donor to family.',
    problem:
      'After typhoons, relief funds and goods flow through many hands; families and donors cannot see where they went.',
    solution:
      'Bayanihan Ledger records each allocation and distribution with the barangay, publishes them in near real time and lets families confirm receipt by SMS.',
    impact:
      'Used in the last typhoon season by a dozen municipalities; complaints about missing aid halved.',
  },
  {
    slug: 'suara-desa',
    name: 'Suara Desa',
    country: 'ID',
    city: 'Yogyakarta',
    lang: 'en',
    track: 'participation',
    founders: ['Dewi Lestari', 'Budi Santoso'],
    model: 'grants',
    video: false,
    years: [2018, 2021],
    oneLiner: 'Villagers plan how the village fund is spent, and see the results.',
    problem:
      'Indonesian villages receive significant funds each year, but planning meetings are dominated by a few and spending is hard to follow.',
    solution:
      'Suara Desa collects proposals from every hamlet, supports the planning meeting with simple visual votes, and publishes spending on a village notice board and online.',
    impact:
      'Women’s participation in planning meetings doubled in pilot villages.',
  },
  {
    slug: 'skaidru',
    name: 'Skaidru',
    country: 'LT',
    city: 'Vilnius',
    lang: 'en',
    track: 'anti-corruption',
    founders: ['Rūta Kazlauskienė', 'Mantas Petrauskas'],
    model: 'tender',
    video: true,
    years: [2019, 2021, 2022, 2023],
    oneLiner: 'Conflict-of-interest detection in procurement, from company and family registers.',
    problem:
      'Procurement officers must declare conflicts of interest, but nobody checks declarations against who actually owns the bidding companies.',
    solution:
      'Skaidru cross-references bidders’ beneficial owners with officials’ declarations and publicly known relations, and alerts the contracting authority before award.',
    impact:
      'Dozens of undeclared conflicts detected before contract signature in pilot agencies.',
  },
  {
    slug: 'kunta-kuulee',
    name: 'Kunta Kuulee',
    country: 'FI',
    city: 'Tampere',
    lang: 'en',
    track: 'participation',
    founders: ['Aino Virtanen', 'Mikko Laine'],
    model: 'subscription',
    video: false,
    years: [2018],
    oneLiner: 'Youth councils and school students shape municipal decisions, on their phones.',
    problem:
      'Young people are rarely heard in municipal decisions that affect them most: schools, transport, leisure.',
    solution:
      'Kunta Kuulee runs short consultations in schools and youth centres, and shows how each result fed the decision.',
    impact:
      'Tens of thousands of young participants; results cited in council decisions on school transport.',
  },
  {
    slug: 'oppna-protokoll',
    name: 'Öppna Protokoll',
    country: 'SE',
    city: 'Malmö',
    lang: 'en',
    track: 'transparency',
    founders: ['Elin Lindqvist', 'Oskar Berg'],
    model: 'open-source',
    video: false,
    years: [2020],
    oneLiner: 'Every municipal protocol in Sweden, searchable and linked to the documents it cites.',
    problem:
      'Municipal protocols are public but scattered over 290 websites in formats that search engines do not index.',
    solution:
      'Öppna Protokoll collects protocols, extracts decisions and references, and offers search and alerts across all municipalities.',
    impact:
      'Journalists and researchers compare decisions across municipalities in minutes instead of days.',
  },
  {
    slug: 'kommunekort',
    name: 'Kommunekort',
    country: 'DK',
    city: 'Aarhus',
    lang: 'en',
    track: 'services',
    founders: ['Freja Nielsen', 'Mads Christensen'],
    model: 'subscription',
    video: false,
    years: [2018],
    oneLiner: 'An accessible map of every public service near you, with opening hours and step-free access.',
    problem:
      'Information on where to find public services, and whether they are accessible, is out of date and spread across websites.',
    solution:
      'Kommunekort keeps a shared, open register of service locations that municipalities update once and reuse everywhere.',
    impact:
      'Residents with reduced mobility find accessible services without calling ahead.',
  },
  {
    slug: 'lobby-ledger',
    name: 'Lobby Ledger',
    country: 'IE',
    city: 'Dublin',
    lang: 'en',
    track: 'transparency',
    founders: ['Aoife Byrne', 'Cian Murphy'],
    model: 'freemium',
    video: true,
    years: [2018, 2019],
    oneLiner: 'Lobbying returns turned into a timeline of influence on each policy.',
    problem:
      'Lobbying returns are filed every four months, but it is impossible to see all the lobbying behind a single policy.',
    solution:
      'Lobby Ledger links returns to policies and officials and shows the full timeline of contacts before a decision.',
    impact:
      'Cited in parliamentary questions; the regulator adopted two of its data recommendations.',
  },
  {
    slug: 'tessera',
    name: 'Tessera',
    country: 'PL',
    city: 'Kraków',
    lang: 'en',
    track: 'services',
    founders: ['Agnieszka Nowak', 'Piotr Zieliński'],
    model: 'per-case',
    video: false,
    years: [2019],
    oneLiner: 'Assisted digital identity for seniors, at the library and the post office.',
    problem:
      'Older people are left out of digital public services because they cannot set up or use an electronic identity alone.',
    solution:
      'Tessera trains librarians and postal staff as digital helpers, with a secure assisted mode that never exposes the person’s credentials.',
    impact:
      'Thousands of seniors accessing their health and pension records online for the first time.',
  },
  {
    slug: 'mairie-mobile',
    name: 'Mairie Mobile',
    country: 'FR',
    city: 'Rennes',
    lang: 'fr',
    track: 'services',
    founders: ['Aurélie Lemoine', 'Thomas Caron'],
    model: 'subscription',
    video: true,
    years: [2018, 2019, 2020, 2021, 2023],
    oneLiner: 'L’application des petites mairies : alertes, démarches et signalements au même endroit.',
    problem:
      'Les petites communes communiquent par le bulletin municipal et le panneau d’affichage ; les habitants ratent les alertes et ne savent pas où faire leurs démarches.',
    solution:
      'Mairie Mobile regroupe les alertes (coupures, travaux, météo), les démarches en ligne et les signalements, administrés par le secrétariat de mairie en quelques minutes par semaine.',
    impact:
      'Dans les communes équipées, près d’un foyer sur deux reçoit les alertes ; les signalements sont traités deux fois plus vite.',
  },
  {
    slug: 'open-cantine',
    name: 'Open Cantine',
    country: 'FR',
    city: 'Montpellier',
    lang: 'fr',
    track: 'services',
    founders: ['Manon Chevalier', 'Lucas Barbier'],
    model: 'freemium',
    video: false,
    years: [2020, 2021, 2022, 2023],
    oneLiner: 'La qualité des repas des cantines publiques, mesurée et publiée.',
    problem:
      'La loi fixe des objectifs de produits durables dans la restauration collective, mais les cantines manquent d’outils pour les mesurer et en rendre compte.',
    solution:
      'Open Cantine calcule automatiquement la part de produits durables et bio à partir des factures, aide à réduire le gaspillage et publie les résultats pour les familles.',
    impact:
      'Les cantines équipées suivent leurs objectifs en continu ; les familles voient enfin ce qui est servi.',
  },
  {
    slug: 'transparence-sante',
    name: 'Transparence Santé+',
    country: 'FR',
    city: 'Toulouse',
    lang: 'fr',
    track: 'anti-corruption',
    founders: ['Isabelle Faure', 'Nicolas Guérin'],
    model: 'freemium',
    video: false,
    years: [2018, 2020],
    oneLiner: 'Les liens d’intérêts entre professionnels de santé et industrie, enfin lisibles.',
    problem:
      'Les déclarations de liens d’intérêts sont publiques mais massives et difficiles à interpréter pour un patient ou un journaliste.',
    solution:
      'Transparence Santé+ consolide les déclarations, corrige les doublons et les présente par professionnel, par établissement et par laboratoire, avec des explications claires.',
    impact:
      'Utilisé par des rédactions et des commissions d’experts pour vérifier les déclarations avant nomination.',
  },
  {
    slug: 'echo-citoyen',
    name: 'Écho citoyen',
    country: 'CA',
    city: 'Montréal',
    lang: 'fr',
    track: 'participation',
    founders: ['Geneviève Pelletier', 'Olivier Gagnon'],
    model: 'subscription',
    video: true,
    years: [2018, 2019, 2021, 2023],
    oneLiner: 'Des consultations publiques bilingues, accessibles et dont on voit l’effet.',
    problem:
      'Les consultations municipales attirent surtout les mêmes participants et laissent peu de traces de leur influence sur les décisions.',
    solution:
      'Écho citoyen propose des consultations en français et en anglais, conformes aux normes d’accessibilité, et un rapport public qui relie chaque décision aux avis reçus.',
    impact:
      'Participation plus diverse (âge, quartier, langue) et retour systématique aux participants.',
  },
  {
    slug: 'sanad',
    name: 'Sanad',
    country: 'MA',
    city: 'Casablanca',
    lang: 'fr',
    track: 'services',
    founders: ['Nadia Berrada', 'Hamza Alaoui'],
    model: 'per-case',
    video: false,
    years: [2020, 2021, 2023],
    oneLiner: 'Les actes d’état civil demandés en ligne et livrés sans file d’attente.',
    problem:
      'Obtenir un extrait d’acte de naissance impose encore de se rendre à l’arrondissement de naissance, parfois à des centaines de kilomètres.',
    solution:
      'Sanad permet de demander un acte en ligne, de payer par mobile et de le recevoir par voie électronique ou au bureau le plus proche.',
    impact:
      'Des milliers de déplacements évités chaque mois dans les arrondissements pilotes.',
  },
  {
    slug: 'teranga-data',
    name: 'Teranga Data',
    country: 'SN',
    city: 'Saint-Louis',
    lang: 'fr',
    track: 'transparency',
    founders: ['Awa Ba', 'Cheikh Fall'],
    model: 'open-source',
    video: false,
    years: [2018, 2020, 2021, 2023],
    oneLiner: 'Un portail de données ouvertes partagé par les collectivités sénégalaises.',
    problem:
      'Les collectivités produisent des données utiles (budgets, équipements, état civil agrégé) qui restent dans des tableurs isolés.',
    solution:
      'Teranga Data offre un portail mutualisé, des formations pour les agents et des schémas communs pour publier et comparer les données.',
    impact:
      'Une vingtaine de collectivités publient désormais leurs budgets et leurs équipements en données ouvertes.',
  },
  {
    slug: 'acces-droits',
    name: 'Accès Droits',
    country: 'FR',
    city: 'Marseille',
    lang: 'fr',
    track: 'services',
    founders: ['Samia Belkacem', 'Pierre-Louis Vidal'],
    model: 'tender',
    video: true,
    years: [2019, 2020, 2021, 2022],
    oneLiner: 'Un simulateur d’aides sociales qui réduit le non-recours, utilisé par les travailleurs sociaux.',
    problem:
      'Un tiers des personnes éligibles à certaines aides ne les demandent pas : elles ignorent y avoir droit ou renoncent devant la complexité.',
    solution:
      'Accès Droits estime en dix minutes l’ensemble des aides nationales et locales, prépare les dossiers et suit leur aboutissement, avec les travailleurs sociaux.',
    impact:
      'Dans les territoires pilotes, des milliers de foyers ont ouvert des droits auxquels ils ne recouraient pas.',
  },
  {
    slug: 'umuganda-connect',
    name: 'Umuganda Connect',
    country: 'RW',
    city: 'Kigali',
    lang: 'en',
    track: 'participation',
    founders: ['Claudine Uwase', 'Jean-Paul Habimana'],
    model: 'grants',
    video: false,
    years: [2020],
    oneLiner: 'Community work days planned with residents, and their results shared.',
    problem:
      'Monthly community work days mobilise millions of people, but planning is top-down and results are not recorded.',
    solution:
      'Umuganda Connect lets residents propose and vote on projects by SMS and records what was achieved in each village.',
    impact:
      'Residents choose the projects; districts see results across villages.',
  },
  {
    slug: 'pacto-limpio',
    name: 'Pacto Limpio',
    country: 'MX',
    city: 'Mexico City',
    lang: 'en',
    track: 'anti-corruption',
    founders: ['Ximena Ortega', 'Luis Navarro'],
    model: 'grants',
    video: false,
    years: [2018, 2019],
    oneLiner: 'Integrity pacts for large public contracts, monitored by civil society.',
    problem:
      'Integrity pacts work, but monitoring them requires documents that are hard to obtain and track.',
    solution:
      'Pacto Limpio gives independent monitors a shared workspace with the contract’s documents, milestones and public reports.',
    impact:
      'Monitors followed several large infrastructure contracts with public reports at every milestone.',
  },
  {
    slug: 'assemblea',
    name: 'Assemblea',
    country: 'IT',
    city: 'Torino',
    lang: 'en',
    track: 'participation',
    founders: ['Chiara Esposito', 'Marco Ricci'],
    model: 'tender',
    video: true,
    years: [2019, 2021],
    oneLiner: 'Deliberative polls for regions: informed opinions, not just opinions.',
    problem:
      'Opinion polls measure first reactions; regional governments need to know what citizens think once informed.',
    solution:
      'Assemblea runs deliberative polls: a representative sample, balanced briefing materials, small-group discussions online, and a before/after survey.',
    impact:
      'Two regions used its results in health and transport planning, published with the full method.',
  },
  {
    slug: 'fisc-clair',
    name: 'Fisc Clair',
    country: 'BE',
    city: 'Bruxelles',
    lang: 'fr',
    track: 'transparency',
    founders: ['Charlotte Michel', 'Mehdi Aziz'],
    model: 'freemium',
    video: false,
    years: [2019, 2020, 2022, 2023],
    oneLiner: 'À quoi servent vos impôts locaux ? Une réponse personnalisée, chiffrée et sourcée.',
    problem:
      'Les contribuables paient leurs impôts locaux sans savoir à quoi ils servent ; la défiance grandit.',
    solution:
      'Fisc Clair calcule, à partir du budget voté, la part de chaque euro consacrée aux écoles, à la voirie ou à la culture, et l’envoie avec l’avis d’imposition.',
    impact:
      'Des communes pilotes constatent une nette hausse des questions budgétaires et de la participation aux débats.',
  },
  {
    slug: 'consensus-lab',
    name: 'Consensus Lab',
    country: 'TW',
    city: 'Taichung',
    lang: 'en',
    track: 'participation',
    founders: ['Yu-Ting Huang', 'Chen-Hao Wu'],
    model: 'open-source',
    video: true,
    years: [2018, 2020],
    oneLiner: 'Find the consensus in a public consultation, not just the loudest voices.',
    problem:
      'Online consultations are dominated by polarised comments; decision-makers cannot see where people agree.',
    solution:
      'Consensus Lab lets participants vote on short statements and clusters opinions to highlight statements that all groups support.',
    impact:
      'Used to prepare regulations on ride-sharing and online alcohol sales with broad support.',
  },
  {
    slug: 'rue-sure',
    name: 'Rue Sûre',
    country: 'FR',
    city: 'Strasbourg',
    lang: 'fr',
    track: 'services',
    founders: ['Émilie Schmitt', 'Julien Weber'],
    model: 'subscription',
    video: false,
    years: [2018, 2021],
    oneLiner: 'Signaler un danger sur la voirie et savoir quand il sera réparé.',
    problem:
      'Trous, éclairage en panne, passages piétons effacés : les signalements arrivent par téléphone ou par courriel et se perdent entre les services.',
    solution:
      'Rue Sûre centralise les signalements, les localise, les transmet au bon service et informe l’habitant à chaque étape.',
    impact:
      'Les délais de réparation sont mesurés et publiés ; les dangers signalés près des écoles sont traités en priorité.',
  },
  {
    slug: 'petitio',
    name: 'Pétitio',
    country: 'FR',
    city: 'Nancy',
    lang: 'fr',
    track: 'participation',
    founders: ['Hélène Besson', 'Romain Collet'],
    model: 'subscription',
    video: false,
    years: [2020, 2021, 2022, 2023],
    oneLiner: 'Le droit de pétition local, avec des signatures vérifiées et une réponse obligatoire.',
    problem:
      'Les pétitions en ligne ne sont pas vérifiées et les collectivités n’ont aucune obligation d’y répondre ; la participation retombe vite.',
    solution:
      'Pétitio vérifie l’identité des signataires, applique le seuil fixé par la collectivité et publie la réponse de l’exécutif dans un délai garanti.',
    impact:
      'Chaque pétition ayant atteint le seuil a reçu une réponse publique, et plusieurs ont été inscrites à l’ordre du jour du conseil.',
  },
  {
    slug: 'archives-vivantes',
    name: 'Archives Vivantes',
    country: 'FR',
    city: 'Poitiers',
    lang: 'fr',
    track: 'transparency',
    founders: ['Agathe Marchand', 'Benoît Lacroix'],
    model: 'tender',
    video: false,
    years: [2019, 2021],
    oneLiner: 'Numériser et publier les archives municipales, avec l’aide des habitants.',
    problem:
      'Les archives municipales (délibérations anciennes, plans, registres) dorment dans des cartons et restent inaccessibles.',
    solution:
      'Archives Vivantes numérise, transcrit avec l’aide de bénévoles et publie les documents en données ouvertes, avec un moteur de recherche plein texte.',
    impact:
      'Des dizaines de milliers de pages publiées ; chercheurs et habitants y retrouvent l’histoire de leur quartier.',
  },
  {
    slug: 'konbit-data',
    name: 'Konbit Data',
    country: 'HT',
    city: 'Port-au-Prince',
    lang: 'fr',
    track: 'transparency',
    founders: ['Nadège Joseph', 'Ricardo Pierre'],
    model: 'grants',
    video: false,
    years: [2020, 2021, 2022, 2023],
    oneLiner: 'Des données ouvertes et fiables pour coordonner la reconstruction après une catastrophe.',
    problem:
      'Après une catastrophe, les acteurs de l’aide travaillent avec des données contradictoires ; certaines zones reçoivent tout, d’autres rien.',
    solution:
      'Konbit Data rassemble les besoins et les interventions déclarés par les mairies et les ONG, les publie en données ouvertes et signale les zones oubliées.',
    impact:
      'Une meilleure répartition de l’aide entre communes, vérifiable par tous.',
  },
  {
    slug: 'mboka-ouvert',
    name: 'Mboka Ouvert',
    country: 'CD',
    city: 'Lubumbashi',
    lang: 'fr',
    track: 'anti-corruption',
    founders: ['Grâce Mbuyi', 'Patrick Kabongo'],
    model: 'grants',
    video: false,
    years: [2018, 2021, 2023],
    oneLiner: 'Suivre les recettes minières, de la mine au budget de la province.',
    problem:
      'Les redevances minières destinées aux provinces et aux communautés se perdent en chemin ; personne ne sait combien arrive réellement.',
    solution:
      'Mboka Ouvert rapproche les déclarations des entreprises, les paiements et les budgets provinciaux, et publie les écarts.',
    impact:
      'Des écarts significatifs ont été documentés et portés devant les assemblées provinciales.',
  },
];
