/**
 * Messages of the results pages: rankings, calibration, shortlist, seal and publication for
 * organisers; the published edition, the open data and the method page for the public.
 * `fr` is typed from `en`: a key missing in French fails the typecheck.
 * Merged into the dictionaries by en.ts and fr.ts.
 */
const en = {

  // ─── Navigation between the organiser's result pages ───
  'results.nav.label': 'Rankings and results of this edition',
  'results.nav.overview': 'Seal and publication',
  'results.nav.shortlist': 'Finalists',
  'results.nav.ranking': 'Ranking',
  'results.nav.calibration': 'Calibration',

  // ─── Tables ───
  'results.table.rank': 'Rank',
  'results.table.startup': 'Startup',
  'results.table.track': 'Track',
  'results.table.score': 'Score ({method})',
  'results.table.sheets': 'Sheets',
  'results.table.spread': 'Spread',
  'results.table.spreadLong': 'Standard deviation of the sheet totals, in points out of 100',
  'results.table.rankBy': 'Rank by {method}',
  'results.table.notes': 'Notes',
  'results.table.status': 'Status',

  // ─── Ranking ───
  'results.ranking.title': 'Ranking — {round}',
  'results.ranking.summary':
    'Method: {method}; an application needs {minSheets} counted sheets to be ranked. {counted} of {submitted} submitted sheets count (conflicted judges and withdrawn applications never do).',
  'results.ranking.methodLink': 'How the ranking is computed',
  'results.ranking.tiesCount': '{count} tied after every tie-break',
  'results.ranking.insufficientCount': '{count} with fewer than {min, plural, one {# sheet} other {# sheets}}',
  'results.ranking.live': 'Round open: the ranking changes as sheets come in',
  'results.ranking.locked': 'Round locked: this ranking is final',
  'results.ranking.compareOn': 'Preview the other methods side by side',
  'results.ranking.compareOff': 'Hide the other methods',
  'results.ranking.compareHint': 'Shows the rank each method would give, without changing the round’s method.',
  'results.ranking.compareLegend':
    '↑2: two places higher with that method than with the round’s method ({method}); ↓1: one place lower; =: the same place.',
  'results.ranking.change.up': '{places, plural, one {# place} other {# places}} higher than with the round’s method',
  'results.ranking.change.down': '{places, plural, one {# place} other {# places}} lower than with the round’s method',
  'results.ranking.change.same': 'same place as with the round’s method',
  'results.ranking.tie': 'Tie — to decide openly',
  'results.ranking.insufficient': 'Insufficient scores ({sheets} of {min} sheets)',
  'results.ranking.empty': 'This round has no application to rank yet.',
  'results.ranking.tableRegion': 'Table: {caption}',

  // ─── Calibration ───
  'results.calibration.title': 'Judge calibration — {round}',
  'results.calibration.lead':
    'Each judge’s totals (0–100) against the panel’s. On the applications a judge scored, their gap is how far their total sits from the other judges’ mean on that same application; a judge is marked severe or lenient when that gap, over at least {minPaired} shared sheets, is more than {fraction} times the panel’s standard deviation.',
  'results.calibration.zscoreHint': 'The z-score method reads each judge against their own scale and removes such a bias.',
  'results.calibration.compareLink': 'Compare the methods on this round',
  'results.calibration.zscoreUsed': 'This round is ranked by z-score, which already reads each judge against their own scale.',
  'results.calibration.empty': 'No counted sheet in this round yet.',
  'results.calibration.chartCaption': 'Mean total of each judge (marker) and spread (line: mean ± one standard deviation), against the panel (dashed line and shaded band).',
  'results.calibration.legend': 'Markers: ▼ severe, ▲ lenient, ● in line, ○ too few shared sheets to tell. The table below gives every figure.',
  'results.calibration.summaryPanel': 'Panel: mean total {mean}, standard deviation {spread}, {sheets} sheets by {judges} judges.',
  'results.calibration.summarySevere': 'Severe: {names}.',
  'results.calibration.summaryLenient': 'Lenient: {names}.',
  'results.calibration.summaryNone': 'No judge stands out.',
  'results.calibration.panel': 'Panel',
  'results.calibration.tableCaption': 'Judge calibration, in figures',
  'results.calibration.judge': 'Judge',
  'results.calibration.sheets': 'Sheets',
  'results.calibration.mean': 'Mean total',
  'results.calibration.spread': 'Standard deviation',
  'results.calibration.range': 'Range',
  'results.calibration.rangeValue': '{min} – {max}',
  'results.calibration.gap': 'Gap with co-judges',
  'results.calibration.pairedSheets': '({count} shared)',
  'results.calibration.reading': 'Reading',
  'results.calibration.threshold': 'threshold ± {threshold}',
  'results.calibration.leaning.severe': 'severe',
  'results.calibration.leaning.lenient': 'lenient',
  'results.calibration.leaning.in_line': 'in line',
  'results.calibration.leaning.too_few': 'too few shared sheets',

  // ─── Charts ───
  'results.chart.criterionValue': '{criterion} {value}',
  'results.chart.showTable': 'Show these figures as a table',

  // ─── Shortlist ───
  'results.shortlist.title': 'Finalists',
  'results.shortlist.lead':
    'Choose the finalists from the screening ranking. The suggestion follows the ranking; adding a lower-ranked application or dropping a higher-ranked one needs a written reason, kept in the audit log. Confirming makes the chosen applications finalists and every other one “not selected”; it can be done again until the final starts.',
  'results.shortlist.lockFirst': 'Lock the screening round first: the finalists are chosen from its final ranking.',
  'results.shortlist.lockFirstLink': 'Lock it on the set-up page',
  'results.shortlist.suggestLegend': 'Suggestion from the ranking',
  'results.shortlist.modeLabel': 'How to suggest',
  'results.shortlist.mode.overall': 'Top N overall',
  'results.shortlist.mode.track': 'Top N of each track',
  'results.shortlist.nLabel': 'N',
  'results.shortlist.suggest': 'Suggest',
  'results.shortlist.suggestionOverall': 'Suggested: the {n} best-ranked applications.',
  'results.shortlist.suggestionTrack': 'Suggested: the {n} best-ranked applications of each track.',
  'results.shortlist.tieAtCut': '{count} are suggested: the applications tied at the cut-off all are, and keeping only some of them is a departure.',
  'results.shortlist.tableCaption': 'Screening ranking, with the suggested finalists',
  'results.shortlist.finalist': 'Finalist',
  'results.shortlist.selectLabel': 'Finalists',
  'results.shortlist.selectOne': 'Finalist: {name}',
  'results.shortlist.suggestionColumn': 'Suggestion',
  'results.shortlist.suggested': 'suggested',
  'results.shortlist.unranked': 'not ranked',
  'results.shortlist.reasonLabel': 'Reason for departing from the ranking',
  'results.shortlist.reasonHint': 'Required when the selection differs from the suggestion. Everyone who reads the audit log will see it.',
  'results.shortlist.confirmHint': 'Founders see their new status on their page as soon as you confirm.',
  'results.shortlist.confirm': 'Confirm the finalists',
  'results.shortlist.done': '{finalists} finalists confirmed; {departures} departures from the ranking recorded.',

  // ─── Seal and publication (organiser) ───
  'results.overview.title': 'Seal and publication',
  'results.overview.roundsCaption': 'Rounds of this edition',
  'results.overview.round': 'Round',
  'results.overview.state': 'State',
  'results.overview.method': 'Method',
  'results.overview.minSheets': 'at least {min} sheets',
  'results.overview.submitted': 'Submitted sheets',
  'results.overview.seal': 'Seal',
  'results.overview.pages': 'Pages',
  'results.overview.awardsPreview': 'What publishing will give',
  'results.overview.awardsGiven': 'Awards given',
  'results.overview.previewHint': 'Computed from the final round’s ranking as it stands; nothing is public before you publish.',
  'results.overview.noFinalRanking': 'The final round has no ranked application yet.',
  'results.overview.bestOfTrack': 'Best of “{track}”:',
  'results.overview.noVotes': 'No people’s choice vote was cast: there will be no people’s choice award.',
  'results.overview.podiumTie':
    'A podium place is tied after every tie-break: the tied finalists share the place. Say so openly on stage.',
  'results.overview.unrankedFinalists': 'Finalists with too few sheets, not ranked: {names}.',
  'results.overview.finalRanking': 'The final’s ranking',
  'results.overview.notYet': 'Not possible yet',
  'results.overview.lockOnSetup': 'Lock rounds on the set-up page',
  'results.seal.title': 'Seal the final round',
  'results.seal.explain':
    'Before the winners are revealed, seal the final round: its counted sheets are written in one canonical form and hashed (SHA‑256). The hash is published with the results, and anyone can recompute it from the open data. A sealed round cannot be unlocked.',
  'results.seal.hash': 'Seal (SHA‑256)',
  'results.seal.sealedAt': 'Sealed on',
  'results.seal.confirm': 'I understand that the final round stays locked for good once sealed.',
  'results.seal.submit': 'Seal the final round',
  'results.seal.done': 'The final round is sealed.',
  'results.publish.title': 'Publish the results',
  'results.publish.explain':
    'Publishing gives the awards (podium, best of each track, people’s choice), makes the winners’ status “winner”, and opens the results page and its open data to everyone. Published results are frozen: no sheet, score, criterion or round of this edition can change afterwards.',
  'results.publish.confirm': 'I understand that published results are frozen for good.',
  'results.publish.submit': 'Publish the results',
  'results.publish.done': 'The results are published.',
  'results.publish.publishedOn': 'Published on {date}. The results are frozen.',
  'results.publish.publicPage': 'The public results page',

  // ─── Errors ───
  'results.errors.sealed': 'The final round is sealed: this change would alter the sheets it counts, so it is refused. Nothing was changed.',
  'results.errors.notFound': 'This edition does not exist.',
  'results.errors.confirmRequired': 'Tick the box to confirm',
  'results.errors.shortlist.noScreening': 'This edition has no screening round to choose finalists from.',
  'results.errors.shortlist.screeningOpen': 'The screening round is still open: lock it before choosing the finalists.',
  'results.errors.shortlist.finalStarted': 'The final has started (it has sheets, or is locked): the finalists can no longer change.',
  'results.errors.shortlist.none': 'Choose at least one finalist',
  'results.errors.shortlist.unknown': 'One of the chosen applications is not in the screening ranking; reload the page',
  'results.errors.shortlist.reasonRequired':
    'Give a reason: the selection departs from the ranking ({added} added, {dropped} dropped)',
  'results.errors.shortlist.reasonTooLong': 'The reason must be at most {max} characters',
  'results.errors.shortlist.mode': 'Choose how to suggest finalists',
  'results.errors.shortlist.n': 'Enter a whole number of finalists from 1 to {max}',
  'results.errors.shortlist.assigned':
    'A finalist you are dropping is already assigned to judges in the final ({count} assignments): remove those assignments first.',
  'results.errors.seal.noFinal': 'This edition has no final round.',
  'results.errors.seal.already': 'The final round is already sealed.',
  'results.errors.seal.notLocked': 'Lock the final round first: a seal covers sheets that can no longer change.',
  'results.errors.seal.roundsOpen': 'Lock every round of the edition first: judges are numbered over the whole edition.',
  'results.errors.seal.noSheets': 'The final round has no counted sheet to seal.',
  'results.errors.publish.roundsOpen': 'Every round must be locked before publishing.',
  'results.errors.publish.notSealed': 'Seal the final round before publishing.',
  'results.errors.publish.sealMismatch':
    'The final round’s sheets no longer match its seal: something changed after sealing. Check the audit log before going further.',
  'results.errors.publish.noRanking': 'The final round has no ranked application: there is nothing to publish.',

  // ─── The public edition page ───
  'results.public.metaPublished': 'Winners, rankings and open data of the {year} GovTech Summit pitch competition.',
  'results.public.metaUnpublished': 'The {year} GovTech Summit pitch competition.',
  'results.public.publishedOn': 'Results published',
  'results.public.place.1': '1st place',
  'results.public.place.2': '2nd place',
  'results.public.place.3': '3rd place',
  'results.public.peoplesChoiceTitle': 'People’s choice',
  'results.public.votesOf': '{count} of {total} votes',
  'results.public.votes': '{count, plural, one {# vote} other {# votes}}',
  'results.public.undisclosed': '(name not published at the startup’s request)',
  'results.public.finalTitle': 'Final ranking',
  'results.public.finalLead':
    'Ranked by {method} from {sheets} scoresheets of {judges} judges; a finalist needs {minSheets} sheets to be ranked.',
  'results.public.methodLink': 'How the ranking is computed, and how to check it',
  'results.public.rankNumber': '#{rank}',
  'results.public.unrankedShort': 'not ranked',
  'results.public.insufficient': 'insufficient scores',
  'results.public.breakdownTitle': 'Scores by criterion: the mean mark of each finalist’s judges, as a share of the scale',
  'results.public.breakdownHint': '100 % is the top of the scale from every judge; the marks on each bar are at 25, 50 and 75 %.',
  'results.public.screeningTitle': 'Screening ranking',
  'results.public.screeningSummary': 'Show the screening ranking ({count, plural, one {# application} other {# applications}}, {method})',
  'results.public.sealTitle': 'Seal',
  'results.public.sealLead':
    'On {date}, before the winners were revealed, the final round’s counted sheets were sealed with this SHA‑256 hash. Anyone can recompute it from results.json.',
  'results.public.sealCheck': 'How to check the seal, step by step',
  'results.public.noSeal': 'This edition’s final round was not sealed.',
  'results.public.openDataTitle': 'Open data',
  'results.public.openDataLead':
    'Every ranking of this edition can be recomputed from these files, which hold every counted scoresheet. They are published under the',
  'results.public.fileJson':
    'Everything in one file: the criteria (id, name, weight, scale, position), each round’s method, ranking, unranked applications and counted sheets (judge, application, one integer per criterion id), the people’s choice votes, the awards and the seal.',
  'results.public.fileResultsCsv': 'The rankings, one row per application and round. Comma-separated, UTF-8. Columns:',
  'results.public.fileScoresCsv': 'The counted scoresheets, one row per sheet and criterion. Comma-separated, UTF-8. Columns:',
  'results.public.openDataPrivacy':
    'Judges appear as J1, J2… (the same number in every round of the edition). A startup that did not consent to publication appears as “Startup A” followed by its application number.',

  // ─── The method page ───
  'results.method.page.title': 'How a ranking is computed',
  'results.method.page.lead':
    'This is the public, reproducible method. Every results page links here, the open data of each edition holds everything needed to recompute each ranking and the seal, and the code that computes them is one pure module with no input or output of its own.',
  'results.method.toc.label': 'On this page',
  'results.method.inputs.title': 'Inputs (one round of one edition)',
  'results.method.inputs.criteria': 'Criteria c, each with a weight w_c > 0 and an integer scale lo_c … hi_c (lo_c < hi_c).',
  'results.method.inputs.sheets':
    'Counted scoresheets: submitted, every criterion filled with an integer inside its scale, by a judge who is not conflicted with that application. Drafts never count.',
  'results.method.total.title': '1. Scoresheet total (0–100)',
  'results.method.total.words':
    'Each mark is placed on its scale (0 for the lowest, 1 for the highest), weighted by its criterion, and the sum brought back to 0–100 by the sum of the weights.',
  'results.method.score.title': '2. Application score — the round’s method, chosen by the organiser',
  'results.method.score.mean': 'The arithmetic mean of the application’s totals T(j,a). The default.',
  'results.method.score.trimmed':
    'With {min} or more sheets, the highest and the lowest total are dropped (one each), then the mean; with fewer than {min} it equals the mean.',
  'results.method.score.zscore':
    'For every judge j, μ_j and σ_j (population standard deviation) of that judge’s counted totals in the round; z(j,a) = (T(j,a) − μ_j) / σ_j, or 0 when the judge has fewer than {min} sheets in the round or σ_j = 0. The score is the mean of the application’s z(j,a). This removes a severe or lenient judge’s bias when judges saw different applications.',
  'results.method.score.minSheets':
    'An application with fewer counted sheets than the round’s minimum ({min} unless the organiser chose otherwise) is not ranked; it is listed after the ranked ones as “insufficient scores”.',
  'results.method.order.title': '3. Order and ties',
  'results.method.order.sort': 'Applications are sorted by score, highest first. Values are compared after rounding to {decimals} decimals. Ties are broken by, in order:',
  'results.method.order.criteria':
    'the mean normalised value (x_c − lo_c)/(hi_c − lo_c) of the criterion with the largest weight, then of the next largest, and so on (equal weights: in the criteria’s display order);',
  'results.method.order.sheets': 'more counted sheets first.',
  'results.method.order.tie':
    'Still tied: the same rank (standard competition ranking: 1, 2, 2, 4), listed by name, and marked as a tie so that organisers decide openly on stage.',
  'results.method.votes.title': '4. People’s choice and awards',
  'results.method.votes.body': 'Votes are counted per finalist, one per voter; equal counts share a rank. The award goes to the finalist or finalists ranked first.',
  'results.method.awards.body':
    'Publishing gives places 1 to 3 of the final round’s ranking (tied finalists share a place), the best-ranked finalist of each track, and the people’s choice when votes were cast.',
  'results.method.example.title': 'Worked example',
  'results.method.example.criteria': 'Criteria: Impact w=3 (1–10), Feasibility w=2 (1–10), Team w=1 (1–5). Three judges, A, B and C, score three applications.',
  'results.method.example.caption': 'Marks (Impact, Feasibility, Team) and total T of each sheet, computed by the ranking engine',
  'results.method.example.judge': 'Judge',
  'results.method.example.disagree':
    'The two methods disagree on purpose: judge B is severe on OpenLedger and generous on Votabl; the z-score method reads each judge against their own scale.',
  'results.method.recompute.title': 'Recompute a ranking from results.json, step by step',
  'results.method.recompute.lead': 'Each published edition links to its results.json. Nothing else is needed:',
  'results.method.recompute.step1':
    'Read “criteria”: for each criterion its id, weight, scale (min, max) and display position. Each round gives its method, its minimum of sheets (“minSheets”) and its counted sheets (“sheets”), each with a judge pseudonym and one integer per criterion id (“scores”).',
  'results.method.recompute.step2': 'For every sheet, compute its total T (step 1), adding the criteria in display order.',
  'results.method.recompute.step3':
    'Group the sheets by application. An application with fewer than minSheets sheets is not ranked (it is in “unranked”). For the others, compute the score by the round’s method (step 2); for z-score, a judge’s μ and σ are taken over all of that judge’s sheets in the round, including those of unranked applications.',
  'results.method.recompute.step4':
    'Order the applications as in step 3: score, then the tie-break criteria’s mean normalised values, then the number of sheets, each compared after rounding to {decimals} decimals (half up). The rank of each application must equal its “rank” in the round’s “ranking”; “score” is published rounded to those {decimals} decimals: exactly the value compared.',
  'results.method.recompute.step5': '“peoplesChoice” lists the votes of each finalist with its rank; “awards” lists the places given on publication.',
  'results.method.recompute.step6': 'Finally, check the seal of the final round (below).',
  'results.method.recompute.privacy':
    'Judges appear as pseudonyms J1…Jn, numbered in the order of their accounts among the judges who submitted a scoresheet in the edition, the same in every round. A startup that did not consent to publication appears as “Startup A” followed by its application number.',
  'results.method.seal.title': 'Check the seal',
  'results.method.seal.lead':
    'Before the winners are revealed, the organisers seal the final round: they record a SHA‑256 hash of its counted sheets. Any later change to a sheet would change the hash, and published results are frozen. To check it from results.json:',
  'results.method.seal.step1': 'Take the round whose “seal” is not null (its id is “sealedRound”).',
  'results.method.seal.step2':
    'Build this document, where each sheet is {"applicationId", "judge", "scores"} exactly as in results.json:',
  'results.method.seal.step3': 'Order the sheets by applicationId, then by the number of the judge pseudonym (J2 before J10).',
  'results.method.seal.step4':
    'Write it as canonical JSON (RFC 8785): no spaces or line breaks, the keys of every object sorted by their characters (so "10" comes before "7"), every number an integer written plainly. In Python:',
  'results.method.seal.step5': 'Hash the UTF-8 bytes of that text with SHA‑256: the digest, in lowercase hexadecimal, must equal “seal”.',
  'results.method.seal.example': 'For example, two sheets of round 57 of 2019 give exactly this text:',
  'results.method.seal.why':
    'Only integers and plain ASCII strings go into the sealed text, so every language writes it the same way, byte for byte.',
  'results.method.script.title': 'Reference script',
  'results.method.script.lead':
    'This Python 3 script (standard library only) does all of the above: run it on a downloaded results.json; it prints, for each round, whether the ranks are the same, and whether the seal matches.',
  'results.method.licence.title': 'Licence',
  'results.method.licence.body': 'The open data of every edition is published under the',
  'results.method.back': 'Back to the editions',
} as const;

const fr: Record<keyof typeof en, string> = {

  'results.nav.label': 'Classements et résultats de cette édition',
  'results.nav.overview': 'Scellement et publication',
  'results.nav.shortlist': 'Finalistes',
  'results.nav.ranking': 'Classement',
  'results.nav.calibration': 'Étalonnage',

  'results.table.rank': 'Rang',
  'results.table.startup': 'Startup',
  'results.table.track': 'Catégorie',
  'results.table.score': 'Score ({method})',
  'results.table.sheets': 'Fiches',
  'results.table.spread': 'Dispersion',
  'results.table.spreadLong': 'Écart type des totaux des fiches, en points sur 100',
  'results.table.rankBy': 'Rang par {method}',
  'results.table.notes': 'Remarques',
  'results.table.status': 'Statut',

  'results.ranking.title': 'Classement — {round}',
  'results.ranking.summary':
    'Méthode : {method} ; une candidature doit avoir {minSheets} fiches comptées pour être classée. {counted} des {submitted} fiches envoyées comptent (jamais celles d’un juré en conflit d’intérêts ni celles d’une candidature retirée).',
  'results.ranking.methodLink': 'Comment le classement est calculé',
  'results.ranking.tiesCount': '{count} à égalité après tous les départages',
  'results.ranking.insufficientCount': '{count} avec moins de {min, plural, one {# fiche} other {# fiches}}',
  'results.ranking.live': 'Tour ouvert : le classement évolue à chaque fiche envoyée',
  'results.ranking.locked': 'Tour verrouillé : ce classement est définitif',
  'results.ranking.compareOn': 'Comparer avec les autres méthodes',
  'results.ranking.compareOff': 'Masquer les autres méthodes',
  'results.ranking.compareHint': 'Affiche le rang que donnerait chaque méthode, sans changer la méthode du tour.',
  'results.ranking.compareLegend':
    '↑2 : deux places plus haut avec cette méthode qu’avec celle du tour ({method}) ; ↓1 : une place plus bas ; = : même place.',
  'results.ranking.change.up': '{places, plural, one {# place} other {# places}} plus haut qu’avec la méthode du tour',
  'results.ranking.change.down': '{places, plural, one {# place} other {# places}} plus bas qu’avec la méthode du tour',
  'results.ranking.change.same': 'même place qu’avec la méthode du tour',
  'results.ranking.tie': 'Égalité — à trancher ouvertement',
  'results.ranking.insufficient': 'Notes insuffisantes ({sheets} fiches sur {min})',
  'results.ranking.empty': 'Ce tour n’a encore aucune candidature à classer.',
  'results.ranking.tableRegion': 'Tableau : {caption}',

  'results.calibration.title': 'Étalonnage des jurés — {round}',
  'results.calibration.lead':
    'Les totaux (0–100) de chaque juré comparés à ceux du jury. Sur les candidatures qu’un juré a notées, son écart mesure la distance entre son total et la moyenne des autres jurés sur la même candidature ; un juré est dit sévère ou indulgent quand cet écart, sur au moins {minPaired} fiches partagées, dépasse {fraction} fois l’écart type du jury.',
  'results.calibration.zscoreHint': 'La méthode du z-score lit chaque juré selon sa propre échelle et retire ce biais.',
  'results.calibration.compareLink': 'Comparer les méthodes sur ce tour',
  'results.calibration.zscoreUsed': 'Ce tour est classé par z-score, qui lit déjà chaque juré selon sa propre échelle.',
  'results.calibration.empty': 'Aucune fiche comptée dans ce tour pour l’instant.',
  'results.calibration.chartCaption':
    'Total moyen de chaque juré (marqueur) et dispersion (trait : moyenne ± un écart type), comparés au jury (ligne pointillée et bande grisée).',
  'results.calibration.legend': 'Marqueurs : ▼ sévère, ▲ indulgent, ● dans la norme, ○ trop peu de fiches partagées pour conclure. Le tableau ci-dessous donne tous les chiffres.',
  'results.calibration.summaryPanel': 'Jury : total moyen {mean}, écart type {spread}, {sheets} fiches de {judges} jurés.',
  'results.calibration.summarySevere': 'Sévères : {names}.',
  'results.calibration.summaryLenient': 'Indulgents : {names}.',
  'results.calibration.summaryNone': 'Aucun juré ne se distingue.',
  'results.calibration.panel': 'Jury',
  'results.calibration.tableCaption': 'Étalonnage des jurés, en chiffres',
  'results.calibration.judge': 'Juré',
  'results.calibration.sheets': 'Fiches',
  'results.calibration.mean': 'Total moyen',
  'results.calibration.spread': 'Écart type',
  'results.calibration.range': 'Étendue',
  'results.calibration.rangeValue': '{min} – {max}',
  'results.calibration.gap': 'Écart avec les autres jurés',
  'results.calibration.pairedSheets': '({count} partagées)',
  'results.calibration.reading': 'Lecture',
  'results.calibration.threshold': 'seuil ± {threshold}',
  'results.calibration.leaning.severe': 'sévère',
  'results.calibration.leaning.lenient': 'indulgent',
  'results.calibration.leaning.in_line': 'dans la norme',
  'results.calibration.leaning.too_few': 'trop peu de fiches partagées',

  'results.chart.criterionValue': '{criterion} {value}',
  'results.chart.showTable': 'Afficher ces chiffres sous forme de tableau',

  'results.shortlist.title': 'Finalistes',
  'results.shortlist.lead':
    'Choisissez les finalistes à partir du classement de présélection. La suggestion suit le classement ; ajouter une candidature moins bien classée ou en écarter une mieux classée exige une raison écrite, conservée dans le journal d’audit. La confirmation rend finalistes les candidatures choisies et « non retenues » toutes les autres ; elle peut être refaite jusqu’au début de la finale.',
  'results.shortlist.lockFirst': 'Verrouillez d’abord le tour de présélection : les finalistes sont choisis sur son classement définitif.',
  'results.shortlist.lockFirstLink': 'Le verrouiller sur la page de paramétrage',
  'results.shortlist.suggestLegend': 'Suggestion à partir du classement',
  'results.shortlist.modeLabel': 'Mode de suggestion',
  'results.shortlist.mode.overall': 'Les N premiers au général',
  'results.shortlist.mode.track': 'Les N premiers de chaque catégorie',
  'results.shortlist.nLabel': 'N',
  'results.shortlist.suggest': 'Suggérer',
  'results.shortlist.suggestionOverall': 'Suggestion : les {n} candidatures les mieux classées.',
  'results.shortlist.suggestionTrack': 'Suggestion : les {n} candidatures les mieux classées de chaque catégorie.',
  'results.shortlist.tieAtCut': '{count} sont suggérées : les candidatures à égalité à la limite le sont toutes, et n’en garder qu’une partie est un écart au classement.',
  'results.shortlist.tableCaption': 'Classement de présélection, avec les finalistes suggérés',
  'results.shortlist.finalist': 'Finaliste',
  'results.shortlist.selectLabel': 'Finalistes',
  'results.shortlist.selectOne': 'Finaliste : {name}',
  'results.shortlist.suggestionColumn': 'Suggestion',
  'results.shortlist.suggested': 'suggérée',
  'results.shortlist.unranked': 'non classée',
  'results.shortlist.reasonLabel': 'Raison de l’écart au classement',
  'results.shortlist.reasonHint': 'Obligatoire quand la sélection diffère de la suggestion. Toute personne qui lit le journal d’audit la verra.',
  'results.shortlist.confirmHint': 'Les porteurs de projet voient leur nouveau statut sur leur page dès votre confirmation.',
  'results.shortlist.confirm': 'Confirmer les finalistes',
  'results.shortlist.done': '{finalists} finalistes confirmés ; {departures} écarts au classement enregistrés.',

  'results.overview.title': 'Scellement et publication',
  'results.overview.roundsCaption': 'Tours de cette édition',
  'results.overview.round': 'Tour',
  'results.overview.state': 'État',
  'results.overview.method': 'Méthode',
  'results.overview.minSheets': 'au moins {min} fiches',
  'results.overview.submitted': 'Fiches envoyées',
  'results.overview.seal': 'Sceau',
  'results.overview.pages': 'Pages',
  'results.overview.awardsPreview': 'Ce que la publication attribuera',
  'results.overview.awardsGiven': 'Prix attribués',
  'results.overview.previewHint': 'Calculé à partir du classement actuel de la finale ; rien n’est public avant la publication.',
  'results.overview.noFinalRanking': 'La finale n’a encore aucune candidature classée.',
  'results.overview.bestOfTrack': 'Meilleure de « {track} » :',
  'results.overview.noVotes': 'Aucun vote du public : il n’y aura pas de prix du public.',
  'results.overview.podiumTie':
    'Une place du podium est à égalité après tous les départages : les finalistes concernés partagent la place. Dites-le ouvertement sur scène.',
  'results.overview.unrankedFinalists': 'Finalistes non classés faute de fiches : {names}.',
  'results.overview.finalRanking': 'Le classement de la finale',
  'results.overview.notYet': 'Pas encore possible',
  'results.overview.lockOnSetup': 'Verrouiller les tours sur la page de paramétrage',
  'results.seal.title': 'Sceller la finale',
  'results.seal.explain':
    'Avant l’annonce des lauréats, scellez la finale : ses fiches comptées sont écrites sous une forme canonique puis hachées (SHA‑256). L’empreinte est publiée avec les résultats et chacun peut la recalculer à partir des données ouvertes. Un tour scellé ne peut plus être déverrouillé.',
  'results.seal.hash': 'Sceau (SHA‑256)',
  'results.seal.sealedAt': 'Scellé le',
  'results.seal.confirm': 'Je comprends que la finale restera verrouillée définitivement une fois scellée.',
  'results.seal.submit': 'Sceller la finale',
  'results.seal.done': 'La finale est scellée.',
  'results.publish.title': 'Publier les résultats',
  'results.publish.explain':
    'La publication attribue les prix (podium, meilleure candidature de chaque catégorie, prix du public), donne aux lauréats le statut « lauréat » et ouvre à tous la page de résultats et ses données ouvertes. Les résultats publiés sont figés : aucune fiche, note, critère ni tour de cette édition ne peut plus changer.',
  'results.publish.confirm': 'Je comprends que les résultats publiés sont figés définitivement.',
  'results.publish.submit': 'Publier les résultats',
  'results.publish.done': 'Les résultats sont publiés.',
  'results.publish.publishedOn': 'Publiés le {date}. Les résultats sont figés.',
  'results.publish.publicPage': 'La page publique des résultats',

  'results.errors.sealed': 'La finale est scellée : ce changement modifierait les grilles qu’elle compte, il est donc refusé. Rien n’a été modifié.',
  'results.errors.notFound': 'Cette édition n’existe pas.',
  'results.errors.confirmRequired': 'Cochez la case pour confirmer',
  'results.errors.shortlist.noScreening': 'Cette édition n’a pas de tour de présélection où choisir les finalistes.',
  'results.errors.shortlist.screeningOpen': 'La présélection est encore ouverte : verrouillez-la avant de choisir les finalistes.',
  'results.errors.shortlist.finalStarted': 'La finale a commencé (elle a des fiches, ou elle est verrouillée) : les finalistes ne peuvent plus changer.',
  'results.errors.shortlist.none': 'Choisissez au moins un finaliste',
  'results.errors.shortlist.unknown': 'Une des candidatures choisies n’est pas dans le classement de présélection ; rechargez la page',
  'results.errors.shortlist.reasonRequired':
    'Donnez une raison : la sélection s’écarte du classement ({added} ajoutées, {dropped} écartées)',
  'results.errors.shortlist.reasonTooLong': 'La raison ne doit pas dépasser {max} caractères',
  'results.errors.shortlist.mode': 'Choisissez comment suggérer les finalistes',
  'results.errors.shortlist.n': 'Saisissez un nombre entier de finalistes entre 1 et {max}',
  'results.errors.shortlist.assigned':
    'Un finaliste que vous écartez est déjà attribué à des jurés de la finale ({count} attributions) : retirez d’abord ces attributions.',
  'results.errors.seal.noFinal': 'Cette édition n’a pas de finale.',
  'results.errors.seal.already': 'La finale est déjà scellée.',
  'results.errors.seal.notLocked': 'Verrouillez d’abord la finale : un sceau porte sur des fiches qui ne peuvent plus changer.',
  'results.errors.seal.roundsOpen': 'Verrouillez d’abord tous les tours de l’édition : les jurés sont numérotés sur toute l’édition.',
  'results.errors.seal.noSheets': 'La finale n’a aucune fiche comptée à sceller.',
  'results.errors.publish.roundsOpen': 'Tous les tours doivent être verrouillés avant la publication.',
  'results.errors.publish.notSealed': 'Scellez la finale avant de publier.',
  'results.errors.publish.sealMismatch':
    'Les fiches de la finale ne correspondent plus à son sceau : quelque chose a changé après le scellement. Consultez le journal d’audit avant d’aller plus loin.',
  'results.errors.publish.noRanking': 'La finale n’a aucune candidature classée : il n’y a rien à publier.',

  'results.public.metaPublished': 'Lauréats, classements et données ouvertes du concours de pitchs du GovTech Summit {year}.',
  'results.public.metaUnpublished': 'Le concours de pitchs du GovTech Summit {year}.',
  'results.public.publishedOn': 'Résultats publiés',
  'results.public.place.1': '1re place',
  'results.public.place.2': '2e place',
  'results.public.place.3': '3e place',
  'results.public.peoplesChoiceTitle': 'Prix du public',
  'results.public.votesOf': '{count} voix sur {total}',
  'results.public.votes': '{count} voix',
  'results.public.undisclosed': '(nom non publié à la demande de la startup)',
  'results.public.finalTitle': 'Classement de la finale',
  'results.public.finalLead':
    'Classement par {method} à partir de {sheets} fiches de {judges} jurés ; un finaliste doit avoir {minSheets} fiches pour être classé.',
  'results.public.methodLink': 'Comment le classement est calculé, et comment le vérifier',
  'results.public.rankNumber': 'n° {rank}',
  'results.public.unrankedShort': 'non classée',
  'results.public.insufficient': 'notes insuffisantes',
  'results.public.breakdownTitle': 'Notes par critère : la note moyenne des jurés de chaque finaliste, en part de l’échelle',
  'results.public.breakdownHint': '100 % correspond à la note maximale de tous les jurés ; les repères de chaque barre sont à 25, 50 et 75 %.',
  'results.public.screeningTitle': 'Classement de présélection',
  'results.public.screeningSummary': 'Afficher le classement de présélection ({count, plural, one {# candidature} other {# candidatures}}, {method})',
  'results.public.sealTitle': 'Sceau',
  'results.public.sealLead':
    'Le {date}, avant l’annonce des lauréats, les fiches comptées de la finale ont été scellées par cette empreinte SHA‑256. Chacun peut la recalculer à partir de results.json.',
  'results.public.sealCheck': 'Comment vérifier le sceau, étape par étape',
  'results.public.noSeal': 'La finale de cette édition n’a pas été scellée.',
  'results.public.openDataTitle': 'Données ouvertes',
  'results.public.openDataLead':
    'Chaque classement de cette édition peut être recalculé à partir de ces fichiers, qui contiennent toutes les fiches comptées. Ils sont publiés sous la',
  'results.public.fileJson':
    'Tout en un fichier : les critères (identifiant, nom, poids, échelle, position), pour chaque tour sa méthode, son classement, les candidatures non classées et les fiches comptées (juré, candidature, une note entière par identifiant de critère), les votes du public, les prix et le sceau.',
  'results.public.fileResultsCsv': 'Les classements, une ligne par candidature et par tour. Séparateur virgule, UTF-8. Colonnes :',
  'results.public.fileScoresCsv': 'Les fiches comptées, une ligne par fiche et par critère. Séparateur virgule, UTF-8. Colonnes :',
  'results.public.openDataPrivacy':
    'Les jurés apparaissent sous la forme J1, J2… (le même numéro dans chaque tour de l’édition). Une startup qui n’a pas consenti à la publication apparaît comme « Startup A » suivi de son numéro de candidature.',

  'results.method.page.title': 'Comment un classement est calculé',
  'results.method.page.lead':
    'Voici la méthode publique et reproductible. Chaque page de résultats renvoie ici, les données ouvertes de chaque édition contiennent tout ce qu’il faut pour recalculer chaque classement et le sceau, et le code qui les calcule est un module pur, sans entrée ni sortie propres.',
  'results.method.toc.label': 'Sur cette page',
  'results.method.inputs.title': 'Données (un tour d’une édition)',
  'results.method.inputs.criteria': 'Des critères c, chacun avec un poids w_c > 0 et une échelle entière lo_c … hi_c (lo_c < hi_c).',
  'results.method.inputs.sheets':
    'Les fiches comptées : envoyées, chaque critère rempli d’un entier dans son échelle, par un juré sans conflit d’intérêts avec cette candidature. Les brouillons ne comptent jamais.',
  'results.method.total.title': '1. Total d’une fiche (0–100)',
  'results.method.total.words':
    'Chaque note est placée sur son échelle (0 pour la plus basse, 1 pour la plus haute), pondérée par son critère, et la somme ramenée à 0–100 par la somme des poids.',
  'results.method.score.title': '2. Score d’une candidature — la méthode du tour, choisie par l’organisation',
  'results.method.score.mean': 'La moyenne arithmétique des totaux T(j,a) de la candidature. Méthode par défaut.',
  'results.method.score.trimmed':
    'À partir de {min} fiches, le total le plus haut et le plus bas sont retirés (un de chaque), puis la moyenne ; avec moins de {min} fiches, c’est la moyenne.',
  'results.method.score.zscore':
    'Pour chaque juré j, μ_j et σ_j (écart type de la population) de ses totaux comptés dans le tour ; z(j,a) = (T(j,a) − μ_j) / σ_j, ou 0 quand le juré a moins de {min} fiches dans le tour ou que σ_j = 0. Le score est la moyenne des z(j,a) de la candidature. Cela retire le biais d’un juré sévère ou indulgent quand les jurés n’ont pas vu les mêmes candidatures.',
  'results.method.score.minSheets':
    'Une candidature qui a moins de fiches comptées que le minimum du tour ({min} sauf choix contraire de l’organisation) n’est pas classée ; elle est listée après les candidatures classées, avec la mention « notes insuffisantes ».',
  'results.method.order.title': '3. Ordre et égalités',
  'results.method.order.sort':
    'Les candidatures sont triées par score décroissant. Les valeurs sont comparées après arrondi à {decimals} décimales. Les égalités sont départagées, dans l’ordre, par :',
  'results.method.order.criteria':
    'la valeur normalisée moyenne (x_c − lo_c)/(hi_c − lo_c) du critère le plus lourd, puis du suivant, et ainsi de suite (à poids égal : dans l’ordre d’affichage des critères) ;',
  'results.method.order.sheets': 'le plus grand nombre de fiches comptées.',
  'results.method.order.tie':
    'Toujours à égalité : le même rang (classement sportif : 1, 2, 2, 4), dans l’ordre alphabétique, avec la mention d’égalité pour que l’organisation tranche ouvertement sur scène.',
  'results.method.votes.title': '4. Prix du public et prix',
  'results.method.votes.body': 'Les votes sont comptés par finaliste, un par votant ; à nombre égal, le rang est partagé. Le prix va au ou aux finalistes classés premiers.',
  'results.method.awards.body':
    'La publication attribue les places 1 à 3 du classement de la finale (des finalistes à égalité partagent la place), le prix de la meilleure candidature de chaque catégorie et le prix du public quand des votes ont eu lieu.',
  'results.method.example.title': 'Exemple détaillé',
  'results.method.example.criteria':
    'Critères : Impact p=3 (1–10), Faisabilité p=2 (1–10), Équipe p=1 (1–5). Trois jurés, A, B et C, notent trois candidatures.',
  'results.method.example.caption': 'Notes (Impact, Faisabilité, Équipe) et total T de chaque fiche, calculés par le moteur de classement',
  'results.method.example.judge': 'Juré',
  'results.method.example.disagree':
    'Les deux méthodes divergent à dessein : le juré B est sévère avec OpenLedger et généreux avec Votabl ; le z-score lit chaque juré selon sa propre échelle.',
  'results.method.recompute.title': 'Recalculer un classement à partir de results.json, étape par étape',
  'results.method.recompute.lead': 'Chaque édition publiée renvoie vers son fichier results.json. Il suffit :',
  'results.method.recompute.step1':
    'Lire « criteria » : pour chaque critère, son identifiant, son poids, son échelle (min, max) et sa position d’affichage. Chaque tour donne sa méthode, son minimum de fiches (« minSheets ») et ses fiches comptées (« sheets »), chacune avec le pseudonyme du juré et une note entière par identifiant de critère (« scores »).',
  'results.method.recompute.step2': 'Pour chaque fiche, calculer son total T (étape 1), en additionnant les critères dans l’ordre d’affichage.',
  'results.method.recompute.step3':
    'Regrouper les fiches par candidature. Une candidature avec moins de minSheets fiches n’est pas classée (elle figure dans « unranked »). Pour les autres, calculer le score selon la méthode du tour (étape 2) ; pour le z-score, μ et σ d’un juré portent sur toutes ses fiches du tour, y compris celles des candidatures non classées.',
  'results.method.recompute.step4':
    'Ordonner les candidatures comme à l’étape 3 : score, puis valeurs normalisées moyennes des critères de départage, puis nombre de fiches, chaque valeur comparée après arrondi à {decimals} décimales (au plus proche, demi vers le haut). Le rang de chaque candidature doit être égal à son « rank » dans le « ranking » du tour ; « score » est publié arrondi à ces {decimals} décimales : exactement la valeur comparée.',
  'results.method.recompute.step5': '« peoplesChoice » donne les votes de chaque finaliste et son rang ; « awards » liste les places attribuées à la publication.',
  'results.method.recompute.step6': 'Enfin, vérifier le sceau de la finale (ci-dessous).',
  'results.method.recompute.privacy':
    'Les jurés apparaissent sous des pseudonymes J1…Jn, numérotés dans l’ordre de leurs comptes parmi les jurés qui ont envoyé une fiche dans l’édition, les mêmes dans chaque tour. Une startup qui n’a pas consenti à la publication apparaît comme « Startup A » suivi de son numéro de candidature.',
  'results.method.seal.title': 'Vérifier le sceau',
  'results.method.seal.lead':
    'Avant l’annonce des lauréats, l’organisation scelle la finale : elle enregistre une empreinte SHA‑256 de ses fiches comptées. Toute modification ultérieure d’une fiche changerait l’empreinte, et les résultats publiés sont figés. Pour le vérifier à partir de results.json :',
  'results.method.seal.step1': 'Prendre le tour dont le « seal » n’est pas nul (son identifiant est « sealedRound »).',
  'results.method.seal.step2': 'Construire ce document, où chaque fiche est {"applicationId", "judge", "scores"} exactement comme dans results.json :',
  'results.method.seal.step3': 'Trier les fiches par applicationId, puis par le numéro du pseudonyme du juré (J2 avant J10).',
  'results.method.seal.step4':
    'L’écrire en JSON canonique (RFC 8785) : sans espace ni retour à la ligne, les clés de chaque objet triées selon leurs caractères ("10" vient donc avant "7"), chaque nombre un entier écrit simplement. En Python :',
  'results.method.seal.step5': 'Hacher les octets UTF-8 de ce texte avec SHA‑256 : l’empreinte, en hexadécimal minuscule, doit être égale à « seal ».',
  'results.method.seal.example': 'Par exemple, deux fiches du tour 57 de 2019 donnent exactement ce texte :',
  'results.method.seal.why':
    'Seuls des entiers et des chaînes ASCII simples entrent dans le texte scellé : tous les langages l’écrivent de la même façon, octet pour octet.',
  'results.method.script.title': 'Script de référence',
  'results.method.script.lead':
    'Ce script Python 3 (bibliothèque standard seulement) fait tout ce qui précède : lancez-le sur un results.json téléchargé ; il indique, pour chaque tour, si les rangs sont les mêmes et si le sceau correspond.',
  'results.method.licence.title': 'Licence',
  'results.method.licence.body': 'Les données ouvertes de chaque édition sont publiées sous la',
  'results.method.back': 'Retour aux éditions',
};

export const resultsMessages = { en, fr };
