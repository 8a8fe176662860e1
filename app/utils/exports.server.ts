/**
 * What organisers download: the applications (CSV and .xlsx share one table), a round's ranking
 * with its scores, and the audit log — as tables in the organiser's language, read from the same
 * modules as the pages (application-list, rankings, audit), so a file never disagrees with a page.
 */
import { inArray } from 'drizzle-orm';
import { countryName, type ListQuery } from '~/domain/application';
import { csvDateTime, type CsvCell } from '~/domain/csv';
import { roundPublicScore, roundScaleOf, scoreOutOf100 } from '~/domain/public-score';
import { rankRound, roundForComparison } from '~/domain/ranking';
import type { Lang, MessageKey, Params } from '~/i18n';
import { isMessageKey, translate } from '~/i18n/messages.server';
import { listEditionApplications } from './application-list.server';
import { listAudit } from './audit.server';
import { getDb, schema } from './db.server';
import type { Edition } from './editions.server';
import { roundInputs, trackRows } from './rankings.server';
import { requireRound } from './rounds.server';
import type { XlsxCell, XlsxSheet } from './xlsx.server';

/** The most events one audit export holds (an edition has a few thousand). */
const AUDIT_EXPORT_LIMIT = 200_000;

function translator(lang: Lang) {
  return (key: MessageKey, values?: Params) => translate(lang, key, values);
}

/** Every application the list shows for `query` (all pages), one row each, every answer. */
export function applicationsTable(edition: Edition, lang: Lang, query: ListQuery): { header: string[]; rows: CsvCell[][] } {
  const { rows } = listEditionApplications(edition.id, query, { all: true });
  const t = translator(lang);
  const yesNo = (value: unknown) => t(value ? 'applications.table.yes' : 'applications.table.no');
  const zone = { zone: edition.timeZone };
  const header = [
    t('applications.csv.id'),
    t('apply.fields.startupName'),
    t('applications.table.status'),
    t('apply.fields.trackId'),
    t('applications.csv.countryCode'),
    t('apply.fields.country'),
    t('apply.fields.website'),
    t('apply.fields.oneLiner'),
    t('apply.fields.problem'),
    t('apply.fields.solution'),
    t('apply.fields.impact'),
    t('apply.fields.businessModel'),
    t('apply.fields.traction'),
    t('apply.fields.team'),
    t('apply.fields.videoUrl'),
    t('apply.fields.consentToPublication'),
    t('apply.fields.deck'),
    t('apply.fields.logo'),
    t('applications.csv.founderName'),
    t('applications.csv.founderEmail'),
    t('applications.csv.createdAt', zone),
    t('applications.csv.submittedAt', zone),
    t('applications.csv.updatedAt', zone),
    t('applications.csv.withdrawnAt', zone),
  ];
  const body: CsvCell[][] = rows.map((row) => [
    row.id,
    row.startupName,
    t(`status.application.${row.status}`),
    lang === 'fr' ? row.trackFr : row.trackEn,
    row.country,
    countryName(row.country, lang),
    row.website,
    row.oneLiner,
    row.problem,
    row.solution,
    row.impact,
    row.businessModel,
    row.traction,
    row.team,
    row.videoUrl,
    yesNo(row.consentToPublication),
    yesNo(row.hasDeck),
    yesNo(row.hasLogo),
    row.founderName,
    row.founderEmail,
    csvDateTime(row.createdAt, edition.timeZone),
    csvDateTime(row.submittedAt, edition.timeZone),
    csvDateTime(row.updatedAt, edition.timeZone),
    csvDateTime(row.withdrawnAt, edition.timeZone),
  ]);
  return { header, rows: body };
}

/**
 * A round's workbook: the ranking (rank, tie, score by the round's method and out of 100, sheets,
 * spread, each criterion's mean) and every counted scoresheet, one row per sheet and criterion,
 * under the judges' names (organisers see them; the open data uses pseudonyms).
 */
export function roundWorkbook(edition: Edition, roundId: string | number | undefined, lang: Lang): { sheets: XlsxSheet[]; filename: string } {
  const db = getDb();
  const t = translator(lang);
  const round = requireRound(edition.id, roundId, db);
  const { criteria, applications, input } = roundInputs(db, edition.id, round);
  const ranking = rankRound(input);
  const scale = roundScaleOf(ranking.countedSheets.map((s) => s.total));
  const app = new Map(applications.map((a) => [a.id, a]));
  const tracks = new Map(trackRows(db, edition.id).map((tr) => [tr.id, lang === 'fr' ? tr.nameFr : tr.nameEn]));
  const local = (x: { nameEn: string; nameFr: string }) => (lang === 'fr' ? x.nameFr : x.nameEn);
  const yesNo = (value: boolean) => t(value ? 'layout.export.yes' : 'layout.export.no');
  const trackOf = (id: number) => tracks.get(app.get(id)?.trackId ?? -1) ?? '';
  const statusOf = (id: number) => {
    const status = app.get(id)?.status;
    return status ? t(`status.application.${status}`) : '';
  };
  const method = t(`method.${round.method}`);
  const rankingSheet: XlsxSheet = {
    name: t('layout.export.sheet.ranking'),
    header: [
      t('layout.export.col.rank'),
      t('layout.export.col.tie'),
      t('layout.export.col.applicationId'),
      t('layout.export.col.startup'),
      t('layout.export.col.track'),
      t('layout.export.col.status'),
      t('layout.export.col.score', { method }),
      t('layout.export.col.scoreOutOf100'),
      t('layout.export.col.sheets'),
      t('layout.export.col.spread'),
      ...criteria.map((c) => t('layout.export.col.criterionMean', { criterion: local(c) })),
    ],
    rows: [
      ...ranking.ranked.map((r) => [
        r.rank,
        yesNo(r.tie),
        r.applicationId,
        r.name,
        trackOf(r.applicationId),
        statusOf(r.applicationId),
        roundForComparison(r.score),
        roundPublicScore(scoreOutOf100(round.method, r.score, scale)),
        r.sheets,
        roundPublicScore(r.spread),
        ...criteria.map((c) => (r.criterionMeans[c.id] === undefined ? null : roundForComparison(r.criterionMeans[c.id]))),
      ]),
      ...ranking.unranked.map((u) => [
        t('layout.export.col.insufficient', { min: round.minSheets }),
        yesNo(false),
        u.applicationId,
        u.name,
        trackOf(u.applicationId),
        statusOf(u.applicationId),
        null,
        null,
        u.sheets,
        null,
        ...criteria.map((c) => (u.criterionMeans[c.id] === undefined ? null : roundForComparison(u.criterionMeans[c.id]))),
      ]),
    ],
  };
  const judgeIds = [...new Set(ranking.countedSheets.map((s) => s.judgeId))];
  const judgeName = new Map(
    db
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.users)
      .where(inArray(schema.users.id, judgeIds.length ? judgeIds : [-1]))
      .all()
      .map((u) => [u.id, u.name]),
  );
  const startup = new Map(applications.map((a) => [a.id, a.startupName]));
  const scoresSheet: XlsxSheet = {
    name: t('layout.export.sheet.scores'),
    header: [
      t('layout.export.col.judge'),
      t('layout.export.col.applicationId'),
      t('layout.export.col.startup'),
      t('layout.export.col.criterion'),
      t('layout.export.col.weight'),
      t('layout.export.col.min'),
      t('layout.export.col.max'),
      t('layout.export.col.value'),
      t('layout.export.col.total'),
    ],
    rows: ranking.countedSheets.flatMap((sheet) =>
      criteria.map((c) => [
        judgeName.get(sheet.judgeId) ?? `#${sheet.judgeId}`,
        sheet.applicationId,
        startup.get(sheet.applicationId) ?? '',
        local(c),
        c.weight,
        c.min,
        c.max,
        sheet.scores[c.id] ?? null,
        roundPublicScore(sheet.total),
      ]),
    ),
  };
  return { sheets: [rankingSheet, scoresSheet], filename: `ranking-${edition.year}-${round.kind}-${round.id}.xlsx` };
}

/** The whole audit log of an edition, newest first: human labels beside the raw values. */
export function auditWorkbook(edition: Edition, lang: Lang): { sheets: XlsxSheet[]; filename: string } {
  const t = translator(lang);
  const label = (key: string, fallback: string) => (isMessageKey(key) ? translate(lang, key) : fallback);
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  const events = listAudit({ editionId: edition.id, limit: AUDIT_EXPORT_LIMIT });
  return {
    filename: `audit-${edition.year}.xlsx`,
    sheets: [
      {
        name: t('layout.export.sheet.audit'),
        header: [
          'id',
          t('layout.export.col.at', { zone: edition.timeZone }),
          t('layout.export.col.actor'),
          t('layout.export.col.action'),
          'action',
          t('layout.export.col.entity'),
          t('layout.export.col.entityId'),
          t('audit.reason').replace(/\s*:\s*$/, ''),
          t('layout.export.col.before'),
          t('layout.export.col.after'),
        ],
        rows: events.map((e) => [
          e.id,
          csvDateTime(e.at, edition.timeZone),
          e.actorName ?? t('layout.export.system'),
          label(`audit.action.${e.action}`, e.action),
          e.action,
          label(`audit.entity.${e.entityType}`, e.entityType),
          e.entityId,
          e.reason,
          json(e.before),
          json(e.after),
        ]),
      },
    ],
  };
}
