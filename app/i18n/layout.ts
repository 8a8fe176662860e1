/**
 * Messages of the phone layout, the public edition page's scores and call to apply, the open
 * data's schema and the organisers' Excel exports. `fr` is typed from `en`: a key missing in
 * French fails the typecheck. Merged into the dictionaries by en.ts and fr.ts.
 *
 * `menuMessages` belong to the core (the header, on every page); `layoutMessages` are the
 * `layout` namespace, sent by the routes that show them.
 */
const menuEn = {
  'nav.menu': 'Menu',
  'nav.method': 'Method',
} as const;

const menuFr: Record<keyof typeof menuEn, string> = {
  'nav.menu': 'Menu',
  'nav.method': 'Méthode',
};

export const menuMessages = { en: menuEn, fr: menuFr };

const en = {
  // ─── The founder's sections on a phone ───
  'layout.apply.sectionOf': 'Section {n} of {total}: {name}',
  'layout.apply.review': 'Review and submit',
  'layout.apply.whole': 'The whole application',

  // ─── Scrollable tables ───
  'layout.table.region': '{caption} (scrolls sideways)',
  'layout.table.labelled': '{label}: {value}',

  // ─── Public scores ───
  'layout.public.scoreHeader': 'Score /100',
  'layout.public.scoreMethod': '{method} method',
  'layout.public.exAequo': 'ex æquo',
  'layout.public.scoreNote.mean': 'Scores out of 100: the mean of the judges’ sheet totals.',
  'layout.public.scoreNote.trimmed':
    'Scores out of 100: the mean of the judges’ sheet totals, leaving out the highest and the lowest one when there are 5 sheets or more.',
  'layout.public.scoreNote.zscore':
    'Scores out of 100, adjusted for each judge’s severity: every judge’s totals are read against that judge’s own average (a z-score), then put back on the round’s 100-point scale. The z-scores themselves are in the open data and on the method page.',
  'layout.public.tieNote': 'ex æquo: still tied after every tie-break; the tied startups share the place.',

  // ─── An edition open for applications ───
  'layout.edition.applyTitle': 'Applications are open',
  'layout.edition.applyLead': 'GovTech and civic-tech startups can apply until {date}. Create an account, then fill in the application in as many sittings as you need.',
  'layout.edition.apply': 'Apply',
  'layout.edition.criteriaTitle': 'How applications are judged',
  'layout.edition.criteriaLead': 'Judges score every application against these criteria; the weight says how much each one counts in the total out of 100.',
  'layout.edition.criterionWeight': 'weight {weight}',
  'layout.edition.criterionScale': 'scored from {min} to {max}',
  'layout.edition.methodLink': 'How the ranking is computed',

  // ─── Open data ───
  'layout.openData.datapackage':
    'The description of the two CSV files (a Frictionless Data Package): every column with its type, unit and meaning, and the licence.',
  'layout.openData.precision': 'Scores are rounded to {decimals} decimals, the precision at which the method compares them.',

  // ─── Organisers' Excel exports ───
  'layout.export.xlsxNote': 'Excel (.xlsx): opens with its columns in any language setting.',
  'layout.export.applications': 'Download these applications (Excel)',
  'layout.export.applicationsAll': 'Download every application (Excel)',
  'layout.export.ranking': 'Download this ranking and its scores (Excel)',
  'layout.export.audit': 'Download the audit log (Excel)',
  'layout.export.sheet.applications': 'Applications',
  'layout.export.sheet.ranking': 'Ranking',
  'layout.export.sheet.scores': 'Scores',
  'layout.export.sheet.audit': 'Audit log',
  'layout.export.col.rank': 'Rank',
  'layout.export.col.tie': 'Tied after every tie-break',
  'layout.export.col.applicationId': 'Application no.',
  'layout.export.col.startup': 'Startup',
  'layout.export.col.track': 'Track',
  'layout.export.col.status': 'Status',
  'layout.export.col.score': 'Score ({method})',
  'layout.export.col.scoreOutOf100': 'Score /100',
  'layout.export.col.sheets': 'Counted sheets',
  'layout.export.col.spread': 'Spread of the totals (points)',
  'layout.export.col.criterionMean': '{criterion}: mean (0–1)',
  'layout.export.col.insufficient': 'Fewer than {min} sheets: not ranked',
  'layout.export.col.judge': 'Judge',
  'layout.export.col.criterion': 'Criterion',
  'layout.export.col.weight': 'Weight',
  'layout.export.col.min': 'Lowest',
  'layout.export.col.max': 'Highest',
  'layout.export.col.value': 'Value',
  'layout.export.col.total': 'Sheet total /100',
  'layout.export.col.at': 'Time ({zone})',
  'layout.export.col.actor': 'By',
  'layout.export.col.action': 'Action',
  'layout.export.col.entity': 'Record',
  'layout.export.col.entityId': 'Record no.',
  'layout.export.col.before': 'Before',
  'layout.export.col.after': 'After',
  'layout.export.yes': 'yes',
  'layout.export.no': 'no',
  'layout.export.system': 'the system',
} as const;

const fr: Record<keyof typeof en, string> = {
  'layout.apply.sectionOf': 'Rubrique {n} sur {total} : {name}',
  'layout.apply.review': 'Relire et envoyer',
  'layout.apply.whole': 'Toute la candidature',

  'layout.table.region': '{caption} (défile horizontalement)',
  'layout.table.labelled': '{label} : {value}',

  'layout.public.scoreHeader': 'Note /100',
  'layout.public.scoreMethod': 'méthode {method}',
  'layout.public.exAequo': 'ex æquo',
  'layout.public.scoreNote.mean': 'Notes sur 100 : la moyenne des totaux des fiches des jurés.',
  'layout.public.scoreNote.trimmed':
    'Notes sur 100 : la moyenne des totaux des fiches des jurés, sans le plus haut ni le plus bas à partir de 5 fiches.',
  'layout.public.scoreNote.zscore':
    'Notes sur 100, corrigées de la sévérité de chaque juré : les totaux de chaque juré sont lus par rapport à sa propre moyenne (un score z), puis ramenés sur l’échelle de 100 points de la manche. Les scores z eux-mêmes figurent dans les données ouvertes et sur la page de la méthode.',
  'layout.public.tieNote': 'ex æquo : encore à égalité après tous les départages ; les startups à égalité partagent la place.',

  'layout.edition.applyTitle': 'Les candidatures sont ouvertes',
  'layout.edition.applyLead':
    'Les startups GovTech et civic tech peuvent candidater jusqu’au {date}. Créez un compte, puis remplissez la candidature en autant de fois que nécessaire.',
  'layout.edition.apply': 'Candidater',
  'layout.edition.criteriaTitle': 'Comment les candidatures sont évaluées',
  'layout.edition.criteriaLead':
    'Les jurés notent chaque candidature selon ces critères ; le coefficient dit combien chacun compte dans le total sur 100.',
  'layout.edition.criterionWeight': 'coefficient {weight}',
  'layout.edition.criterionScale': 'noté de {min} à {max}',
  'layout.edition.methodLink': 'Comment le classement est calculé',

  'layout.openData.datapackage':
    'La description des deux fichiers CSV (un Data Package Frictionless) : chaque colonne avec son type, son unité et son sens, et la licence.',
  'layout.openData.precision': 'Les notes sont arrondies à {decimals} décimales, la précision à laquelle la méthode les compare.',

  'layout.export.xlsxNote': 'Excel (.xlsx) : s’ouvre en colonnes quelle que soit la langue du tableur.',
  'layout.export.applications': 'Télécharger ces candidatures (Excel)',
  'layout.export.applicationsAll': 'Télécharger toutes les candidatures (Excel)',
  'layout.export.ranking': 'Télécharger ce classement et ses notes (Excel)',
  'layout.export.audit': 'Télécharger le journal (Excel)',
  'layout.export.sheet.applications': 'Candidatures',
  'layout.export.sheet.ranking': 'Classement',
  'layout.export.sheet.scores': 'Notes',
  'layout.export.sheet.audit': 'Journal',
  'layout.export.col.rank': 'Rang',
  'layout.export.col.tie': 'À égalité après tous les départages',
  'layout.export.col.applicationId': 'N° de candidature',
  'layout.export.col.startup': 'Startup',
  'layout.export.col.track': 'Catégorie',
  'layout.export.col.status': 'Statut',
  'layout.export.col.score': 'Score ({method})',
  'layout.export.col.scoreOutOf100': 'Note /100',
  'layout.export.col.sheets': 'Fiches comptées',
  'layout.export.col.spread': 'Dispersion des totaux (points)',
  'layout.export.col.criterionMean': '{criterion} : moyenne (0–1)',
  'layout.export.col.insufficient': 'Moins de {min} fiches : non classée',
  'layout.export.col.judge': 'Juré',
  'layout.export.col.criterion': 'Critère',
  'layout.export.col.weight': 'Coefficient',
  'layout.export.col.min': 'Minimum',
  'layout.export.col.max': 'Maximum',
  'layout.export.col.value': 'Note',
  'layout.export.col.total': 'Total de la fiche /100',
  'layout.export.col.at': 'Heure ({zone})',
  'layout.export.col.actor': 'Par',
  'layout.export.col.action': 'Action',
  'layout.export.col.entity': 'Enregistrement',
  'layout.export.col.entityId': 'N° d’enregistrement',
  'layout.export.col.before': 'Avant',
  'layout.export.col.after': 'Après',
  'layout.export.yes': 'oui',
  'layout.export.no': 'non',
  'layout.export.system': 'le système',
};

export const layoutMessages = { en, fr };
