/**
 * /method — the ranking method (docs SCORING.md) for the public, in French and English, and how
 * to recompute every ranking and the seal from an edition's results.json, step by step, with a
 * reference script. The worked example's figures are computed here by the ranking engine itself,
 * so the page cannot drift from the code.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ScrollRegion } from '~/components/ScrollRegion';
import { PageHeader } from '~/components/PageHeader';
import { LicenceSentence } from '~/components/LicenceSentence';
import { RECOMPUTE_PYTHON } from '~/domain/open-data';
import {
  COMPARISON_DECIMALS,
  DEFAULT_MIN_SHEETS,
  rankRound,
  sheetTotal,
  TRIMMED_MIN_SHEETS,
  ZSCORE_MIN_JUDGE_SHEETS,
  type RankingMethod,
  type RankingSheet,
} from '~/domain/ranking';
import { canonicalSealText } from '~/domain/seal';
import { formatNumber, tOf, useT, type MessageKey } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import resultsStyles from '~/styles/results.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: resultsStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const { t } = tOf(matches);
  return [
    { title: `${t('results.method.page.title')} — Palmarès` },
    { name: 'description', content: t('results.method.page.lead') },
  ];
};

// SCORING.md's worked example: Impact w=3 (1–10), Feasibility w=2 (1–10), Team w=1 (1–5).
const EXAMPLE_CRITERIA = [
  { id: 1, weight: 3, min: 1, max: 10, position: 0 },
  { id: 2, weight: 2, min: 1, max: 10, position: 1 },
  { id: 3, weight: 1, min: 1, max: 5, position: 2 },
];
const EXAMPLE_STARTUPS = [
  { id: 1, name: 'Civix' },
  { id: 2, name: 'OpenLedger' },
  { id: 3, name: 'Votabl' },
];
const EXAMPLE_VALUES: Record<string, [number, number, number][]> = {
  A: [
    [8, 6, 4],
    [9, 7, 3],
    [6, 8, 5],
  ],
  B: [
    [5, 5, 3],
    [6, 4, 2],
    [7, 7, 4],
  ],
  C: [
    [9, 9, 5],
    [9, 8, 5],
    [8, 9, 4],
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const judges = Object.keys(EXAMPLE_VALUES);
  const sheets: RankingSheet[] = judges.flatMap((judge, j) =>
    EXAMPLE_VALUES[judge].map(([i, f, t], a) => ({ judgeId: j + 1, applicationId: a + 1, status: 'submitted' as const, scores: { 1: i, 2: f, 3: t } })),
  );
  const rank = (method: RankingMethod) =>
    rankRound({ criteria: EXAMPLE_CRITERIA, method, minSheets: DEFAULT_MIN_SHEETS, applications: EXAMPLE_STARTUPS, sheets }).ranked.map((r) => ({
      name: r.name,
      score: r.score,
    }));
  return {
    messages: await messagesFor(request, ['results']),
    table: judges.map((judge) => ({
      judge,
      cells: EXAMPLE_VALUES[judge].map((values) => ({
        values: values.join(','),
        total: sheetTotal(EXAMPLE_CRITERIA, { 1: values[0], 2: values[1], 3: values[2] }),
      })),
    })),
    mean: rank('mean'),
    zscore: rank('zscore'),
    sealExample: canonicalSealText({
      edition: 2019,
      round: 57,
      method: 'zscore',
      minSheets: 2,
      sheets: [
        { applicationId: 12, judge: 'J10', scores: { 7: 8, 9: 6, 10: 4 } },
        { applicationId: 12, judge: 'J2', scores: { 7: 9, 9: 7, 10: 5 } },
      ],
    }),
  };
}

/** The page's sections, in order: each one's anchor (its heading's id) and title, for the contents and the headings. */
const CONTENTS = {
  inputs: 'results.method.inputs.title',
  total: 'results.method.total.title',
  score: 'results.method.score.title',
  order: 'results.method.order.title',
  'peoples-choice': 'results.method.votes.title',
  example: 'results.method.example.title',
  recompute: 'results.method.recompute.title',
  seal: 'results.method.seal.title',
  script: 'results.method.script.title',
} as const satisfies Record<string, MessageKey>;

/** A section of the method, named by its heading; it is listed in the contents. */
function Section({ id, children }: { id: keyof typeof CONTENTS; children: ReactNode }) {
  const { t } = useT();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(CONTENTS[id])}</h2>
      {children}
    </section>
  );
}

export default function Method() {
  const example = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  // Four decimals, as SCORING.md writes the worked example.
  const four = (v: number) => formatNumber(lang, v, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  const order = (rows: { name: string; score: number }[]) => rows.map((r) => `${r.name} ${four(r.score)}`).join(', ');
  return (
    <div className="page method-page">
      <PageHeader eyebrow="Palmarès" title={t('results.method.page.title')} lead={t('results.method.page.lead')} />
      <nav aria-label={t('results.method.toc.label')} className="method-toc">
        {/* A list without numbers: the sections' titles carry their own ("1. Scoresheet total"). */}
        <ul>
          {Object.entries(CONTENTS).map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(title)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="inputs">
        <ul>
          <li>{t('results.method.inputs.criteria')}</li>
          <li>{t('results.method.inputs.sheets')}</li>
        </ul>
      </Section>

      <Section id="total">
        <pre className="formula" aria-describedby="total-words">
          T(j,a) = 100 · Σ<sub>c</sub> w<sub>c</sub> · (x<sub>c</sub> − lo<sub>c</sub>) / (hi<sub>c</sub> − lo<sub>c</sub>) / Σ<sub>c</sub> w<sub>c</sub>
        </pre>
        <p id="total-words">{t('results.method.total.words')}</p>
      </Section>

      <Section id="score">
        <dl className="method-list">
          <dt>
            <code>mean</code> — {t('method.mean')}
          </dt>
          <dd>{t('results.method.score.mean')}</dd>
          <dt>
            <code>trimmed</code> — {t('method.trimmed')}
          </dt>
          <dd>{t('results.method.score.trimmed', { min: TRIMMED_MIN_SHEETS })}</dd>
          <dt>
            <code>zscore</code> — {t('method.zscore')}
          </dt>
          <dd>
            <p>{t('results.method.score.zscore', { min: ZSCORE_MIN_JUDGE_SHEETS })}</p>
            <pre className="formula">z(j,a) = (T(j,a) − μ_j) / σ_j</pre>
          </dd>
        </dl>
        <p>{t('results.method.score.minSheets', { min: DEFAULT_MIN_SHEETS })}</p>
      </Section>

      <Section id="order">
        <p>{t('results.method.order.sort', { decimals: COMPARISON_DECIMALS })}</p>
        <ol>
          <li>{t('results.method.order.criteria')}</li>
          <li>{t('results.method.order.sheets')}</li>
        </ol>
        <p>{t('results.method.order.tie')}</p>
      </Section>

      <Section id="peoples-choice">
        <p>{t('results.method.votes.body')}</p>
        <p>{t('results.method.awards.body')}</p>
      </Section>

      <Section id="example">
        <p>{t('results.method.example.criteria')}</p>
        <ScrollRegion label={t('results.method.example.caption')}>
          <table className="table table--compact">
            <caption>{t('results.method.example.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.method.example.judge')}</th>
                {['Civix', 'OpenLedger', 'Votabl'].map((name) => (
                  <th key={name} scope="col">
                    {name} <span className="muted">(I,F,T → T)</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {example.table.map((row) => (
                <tr key={row.judge}>
                  <th scope="row">{row.judge}</th>
                  {row.cells.map((cell, i) => (
                    <td key={i}>
                      {cell.values} → {four(cell.total)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <ul>
          <li>
            <code>mean</code>: {order(example.mean)}
          </li>
          <li>
            <code>zscore</code>: {order(example.zscore)}
          </li>
        </ul>
        <p>{t('results.method.example.disagree')}</p>
      </Section>

      <Section id="recompute">
        <p>{t('results.method.recompute.lead')}</p>
        <ol className="method-steps">
          <li>{t('results.method.recompute.step1')}</li>
          <li>{t('results.method.recompute.step2')}</li>
          <li>{t('results.method.recompute.step3')}</li>
          <li>{t('results.method.recompute.step4', { decimals: COMPARISON_DECIMALS })}</li>
          <li>{t('results.method.recompute.step5')}</li>
          <li>{t('results.method.recompute.step6')}</li>
        </ol>
        <p>{t('results.method.recompute.privacy')}</p>
      </Section>

      <Section id="seal">
        <p>{t('results.method.seal.lead')}</p>
        <ol className="method-steps">
          <li>{t('results.method.seal.step1')}</li>
          <li>
            {t('results.method.seal.step2')}
            <pre className="formula">{'{"edition": <year>, "method": "<method>", "minSheets": <n>, "round": <id>, "sheets": [...], "version": 1}'}</pre>
          </li>
          <li>{t('results.method.seal.step3')}</li>
          <li>
            {t('results.method.seal.step4')}
            <pre className="formula">{'json.dumps(document, sort_keys=True, separators=(",", ":"))'}</pre>
          </li>
          <li>{t('results.method.seal.step5')}</li>
        </ol>
        <p>{t('results.method.seal.example')}</p>
        <pre className="code-block" tabIndex={0} role="region" aria-label={t('results.method.seal.example')}>
          <code>{example.sealExample}</code>
        </pre>
        <p>{t('results.method.seal.why')}</p>
      </Section>

      <Section id="script">
        <p>{t('results.method.script.lead')}</p>
        <pre className="code-block" tabIndex={0} role="region" aria-label={t('results.method.script.title')}>
          <code>{RECOMPUTE_PYTHON}</code>
        </pre>
      </Section>

      <section aria-labelledby="licence">
        <h2 id="licence">{t('results.method.licence.title')}</h2>
        <LicenceSentence>{t('results.method.licence.body')}</LicenceSentence>
        <p>
          <Link to="/">{t('results.method.back')}</Link>
        </p>
      </section>
    </div>
  );
}
