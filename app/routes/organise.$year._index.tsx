/**
 * /organise/:year — set up the judging of an edition: tracks, criteria, rounds (add, edit,
 * remove where nothing depends on it), and lock or unlock a round. One action, one `intent`
 * per form; every rule is enforced in app/utils/setup.server.ts and rounds.server.ts.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { ConformForm, ErrorSummary, IntentButton, RefusalSummary, TextareaField, useSchemaForm } from '~/components/forms';
import { Fact } from '~/components/Fact';
import { CriterionForm, RoundForm, TrackForm } from '~/components/judging-setup-forms';
import { DoneNotice, Icon, LockedNotice } from '~/components/notices';
import { replyOf } from '~/domain/form-reply';
import { criterionSchema, itemSchema, LIMITS, newRoundSchema, roundSchema, trackSchema, unlockRoundSchema } from '~/domain/judging-setup';
import { ROUND_KINDS } from '~/domain/statuses';
import { formatDate, formatNumber, useT } from '~/i18n';
import styles from '~/styles/judging-setup.css';
import { editionHeader, organiserAction, organiserPage } from '~/utils/organiser-page.server';
import { organiserPageHead } from '~/utils/organiser-page';
import { LockForm } from '~/components/lock-form';
import { lockRound, unlockRound } from '~/utils/rounds.server';
import { attempt, parseForm, replyTo } from '~/utils/form.server';
import {
  createCriterion,
  createRound,
  createTrack,
  deleteCriterion,
  deleteRound,
  deleteTrack,
  setupOverview,
  updateCriterion,
  updateRound,
  updateTrack,
} from '~/utils/setup.server';

export const { links, meta } = organiserPageHead(styles, 'setup.title');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['judging']);
  return {
    messages,
    edition: editionHeader(edition),
    ...setupOverview(edition.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { edition, formData, intent, act } = await organiserAction(request, params);
  const done = (anchor: string) => redirect(`/organise/${edition.year}?done=${encodeURIComponent(intent)}#${anchor}`);
  const item = parseForm(formData, itemSchema);
  const form = item.status === 'success' ? `${intent}:${item.value.id}` : intent;

  switch (intent) {
    case 'track.create':
    case 'track.update': {
      const submission = parseForm(formData, trackSchema);
      if (submission.status !== 'success') return replyTo(form, submission.reply());
      return attempt(form, submission, () => {
        if (intent === 'track.create') createTrack(act, submission.value);
        else updateTrack(act, requiredId(item), submission.value);
        return done('tracks');
      });
    }
    case 'criterion.create':
    case 'criterion.update': {
      const submission = parseForm(formData, criterionSchema);
      if (submission.status !== 'success') return replyTo(form, submission.reply());
      return attempt(form, submission, () => {
        if (intent === 'criterion.create') createCriterion(act, submission.value);
        else updateCriterion(act, requiredId(item), submission.value);
        return done('criteria');
      });
    }
    case 'round.create': {
      const submission = parseForm(formData, newRoundSchema);
      if (submission.status !== 'success') return replyTo(form, submission.reply());
      return attempt(form, submission, () => (createRound(act, submission.value), done('rounds')));
    }
    case 'round.update': {
      const submission = parseForm(formData, roundSchema);
      if (submission.status !== 'success') return replyTo(form, submission.reply());
      return attempt(form, submission, () => (updateRound(act, requiredId(item), submission.value), done('rounds')));
    }
    case 'track.delete':
      return attempt(form, item, () => (deleteTrack(act, requiredId(item)), done('tracks')));
    case 'criterion.delete':
      return attempt(form, item, () => (deleteCriterion(act, requiredId(item)), done('criteria')));
    case 'round.delete':
      return attempt(form, item, () => (deleteRound(act, requiredId(item)), done('rounds')));
    case 'round.lock':
      return attempt(form, item, () => (lockRound({ ...act, roundId: requiredId(item), confirmIncomplete: formData.get('confirm') === 'yes' }), done('rounds')));
    case 'round.unlock': {
      const withRound = new FormData();
      for (const [name, value] of formData) withRound.append(name, value);
      withRound.set('roundId', String(formData.get('id') ?? ''));
      const submission = parseForm(withRound, unlockRoundSchema);
      const unlockForm = `${intent}:${formData.get('id') ?? ''}`;
      if (submission.status !== 'success') return replyTo(unlockForm, submission.reply());
      const { roundId, reason } = submission.value;
      return attempt(unlockForm, submission, () => (unlockRound({ ...act, roundId, reason }), done('rounds')));
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

/** The id of the item a form acts on; a form without one was not sent by this page. */
function requiredId(item: ReturnType<typeof parseForm<typeof itemSchema>>): number {
  if (item.status !== 'success') throw new Response('Bad Request', { status: 400 });
  return item.value.id;
}

export default function EditionSetup() {
  const { edition, tracks, criteria, rounds, criteriaFrozenSince, lockShortfalls } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang, has } = useT();
  const [search] = useSearchParams();
  const editing = search.get('edit');
  const done = search.get('done');
  const here = `/organise/${edition.year}`;
  const published = edition.status === 'published';
  const frozen = criteriaFrozenSince !== null;
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const nextPosition = (items: { position: number }[]) => (items.length ? Math.max(...items.map((i) => i.position)) + 1 : 0);
  const freeKinds = ROUND_KINDS.filter((kind) => !rounds.some((r) => r.kind === kind));
  const name = (item: { nameFr: string; nameEn: string }) => (lang === 'fr' ? item.nameFr : item.nameEn);
  /** The confirmation of the last change, at the top of the section the page returns to. */
  const noticeFor = (entity: 'track' | 'criterion' | 'round', key = `setup.done.${done}`) =>
    done?.startsWith(`${entity}.`) && has(key) ? <DoneNotice>{t(key)}</DoneNotice> : null;

  return (
    <div className="judging-setup">
      <h2 className="visually-hidden">{t('setup.title')}</h2>
      {published ? <LockedNotice title={t('errors.edition.frozen')} /> : null}
      <nav aria-label={t('setup.sections')} className="section-links">
        <a href="#tracks">{t('setup.tracks.title')}</a>
        <a href="#criteria">{t('setup.criteria.title')}</a>
        <a href="#rounds">{t('setup.rounds.title')}</a>
      </nav>

      <section id="tracks" aria-labelledby="tracks-title" className="setup-section">
        <h2 id="tracks-title">{t('setup.tracks.title')}</h2>
        {noticeFor('track')}
        <p className="muted">{t('setup.tracks.lead')}</p>
        {tracks.length === 0 ? <p>{t('setup.tracks.none')}</p> : null}
        <ul className="item-list">
          {tracks.map((track, index) => {
            const key = `track-${track.id}`;
            const cannotRemove = track.applications === 0 ? null : t('setup.tracks.cannotRemove');
            if (editing === key && !published) {
              return (
                <li key={track.id} id={key} className="item item--editing">
                  <TrackForm
                    intent="track.update"
                    itemId={track.id}
                    answer={answer}
                    defaults={track}
                    legend={t('setup.tracks.edit', { name: name(track) })}
                    submitLabel={t('judging.save')}
                    cancelTo={`${here}#${key}`}
                  />
                </li>
              );
            }
            return (
              <li key={track.id} id={key} className="item">
                <div className="item__body">
                  <p className="item__title">
                    <BilingualName item={track} />
                  </p>
                  <p className="item__meta">
                    {t('setup.positionIs', { position: index + 1, total: tracks.length })} · {t('setup.tracks.applications', { count: track.applications })}
                  </p>
                  <RefusalSummary answer={answer} form={`track.delete:${track.id}`} />
                </div>
                {!published ? (
                  <div className="item__actions">
                    <EditLink itemKey={key} label={name(track)} />
                    <RemoveButton intent="track.delete" id={track.id} label={name(track)} cannot={cannotRemove} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {!published ? (
          <TrackForm
            intent="track.create"
            answer={answer}
            defaults={{ position: nextPosition(tracks) }}
            legend={t('setup.tracks.add')}
            submitLabel={t('setup.tracks.addSubmit')}
          />
        ) : null}
      </section>

      <section id="criteria" aria-labelledby="criteria-title" className="setup-section">
        <h2 id="criteria-title">{t('setup.criteria.title')}</h2>
        {noticeFor('criterion')}
        <p className="muted">{t('setup.criteria.lead')}</p>
        {frozen ? (
          <LockedNotice id="criteria-frozen" title={t('setup.criteria.frozenTitle')}>
            <p>
              {t('setup.criteria.frozenBody', {
                date: formatDate(lang, criteriaFrozenSince, { dateStyle: 'long', timeStyle: 'short' }, edition.timeZone),
              })}
            </p>
          </LockedNotice>
        ) : null}
        {criteria.length === 0 ? <p>{t('setup.criteria.none')}</p> : null}
        <ul className="item-list">
          {criteria.map((criterion, index) => {
            const key = `criterion-${criterion.id}`;
            const cannotRemove = criterion.scores === 0 ? null : t('setup.criteria.cannotRemove');
            if (editing === key && !frozen && !published) {
              return (
                <li key={criterion.id} id={key} className="item item--editing">
                  <CriterionForm
                    intent="criterion.update"
                    itemId={criterion.id}
                    answer={answer}
                    defaults={{ ...criterion, weight: formatNumber(lang, criterion.weight, { useGrouping: false }) }}
                    legend={t('setup.criteria.edit', { name: name(criterion) })}
                    submitLabel={t('judging.save')}
                    cancelTo={`${here}#${key}`}
                  />
                </li>
              );
            }
            return (
              <li key={criterion.id} id={key} className="item">
                <div className="item__body">
                  <p className="item__title">
                    <BilingualName item={criterion} />
                  </p>
                  <p className="item__meta">
                    {t('setup.criteria.summary', {
                      weight: formatNumber(lang, criterion.weight),
                      share: formatNumber(lang, totalWeight ? criterion.weight / totalWeight : 0, { style: 'percent', maximumFractionDigits: 0 }),
                      min: criterion.scaleMin,
                      max: criterion.scaleMax,
                      position: index + 1,
                      total: criteria.length,
                    })}
                  </p>
                  {criterion.helpFr || criterion.helpEn ? (
                    <p className="item__help" lang={lang}>
                      {lang === 'fr' ? criterion.helpFr || criterion.helpEn : criterion.helpEn || criterion.helpFr}
                    </p>
                  ) : null}
                  <RefusalSummary answer={answer} form={`criterion.delete:${criterion.id}`} />
                </div>
                {!frozen && !published ? (
                  <div className="item__actions">
                    <EditLink itemKey={key} label={name(criterion)} />
                    <RemoveButton intent="criterion.delete" id={criterion.id} label={name(criterion)} cannot={cannotRemove} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {!published ? (
          <CriterionForm
            intent="criterion.create"
            answer={answer}
            defaults={{ weight: 1, scaleMin: 1, scaleMax: 10, position: nextPosition(criteria) }}
            legend={t('setup.criteria.add')}
            submitLabel={t('setup.criteria.addSubmit')}
            disabled={frozen}
            describedBy={frozen ? 'criteria-frozen' : undefined}
          />
        ) : null}
      </section>

      <section id="rounds" aria-labelledby="rounds-title" className="setup-section">
        <h2 id="rounds-title">{t('setup.rounds.title')}</h2>
        {noticeFor('round')}
        <p className="muted">{t('setup.rounds.lead')}</p>
        {rounds.length === 0 ? <p>{t('setup.rounds.none')}</p> : null}
        <ul className="item-list">
          {rounds.map((round) => {
            const key = `round-${round.id}`;
            const locked = round.state === 'locked';
            if (editing === key && !locked && !published) {
              return (
                <li key={round.id} id={key} className="item item--editing">
                  <RoundForm
                    intent="round.update"
                    itemId={round.id}
                    answer={answer}
                    defaults={round}
                    legend={t('setup.rounds.edit', { name: name(round) })}
                    submitLabel={t('judging.save')}
                    cancelTo={`${here}#${key}`}
                  />
                </li>
              );
            }
            return (
              <li key={round.id} id={key} className={`item${locked ? ' item--locked' : ''}`}>
                <div className="item__body">
                  <p className="item__title">
                    <BilingualName item={round} />{' '}
                    <span className={`state state--${round.state}`}>
                      {locked ? <Icon name="lock" /> : null}
                      {t(`setup.roundState.${round.state}`)}
                    </span>
                  </p>
                  <dl className="facts facts--inline">
                    <Fact term={t('setup.fields.kind')}>{t(`setup.kind.${round.kind}`)}</Fact>
                    <Fact term={t('setup.fields.method')}>{t(`setup.method.${round.method}`)}</Fact>
                    <Fact term={t('setup.fields.minSheets')}>{round.minSheets}</Fact>
                    {round.kind === 'screening' ? (
                      <Fact term={t('setup.fields.judgesPerApplication')}>{round.judgesPerApplication}</Fact>
                    ) : null}
                    <Fact term={t('setup.rounds.assignments')}>{round.assignments}</Fact>
                    <Fact term={t('setup.rounds.scoresheets')}>{round.scoresheets}</Fact>
                  </dl>
                  {locked && round.lockedAt ? (
                    <p className="item__meta">
                      {t('setup.rounds.lockedAt', { date: formatDate(lang, round.lockedAt, { dateStyle: 'long', timeStyle: 'short' }, edition.timeZone) })}{' '}
                      {round.sealed ? t('setup.rounds.sealed') : null}
                    </p>
                  ) : null}
                  <RefusalSummary answer={answer} form={`round.delete:${round.id}`} />
                  <RefusalSummary answer={answer} form={`round.lock:${round.id}`} />
                </div>
                {!published ? (
                  <div className="item__actions">
                    {!locked ? (
                      <>
                        <EditLink itemKey={key} label={name(round)} />
                        {round.assignments + round.scoresheets === 0 ? <RemoveButton intent="round.delete" id={round.id} label={name(round)} /> : null}
                        <LockForm roundId={round.id} label={t('setup.rounds.lock')} roundName={name(round)} shortfall={lockShortfalls[round.id]} />
                      </>
                    ) : null}
                  </div>
                ) : null}
                {locked && !round.sealed && !published ? <UnlockForm roundId={round.id} roundName={name(round)} answer={answer} /> : null}
                {!locked ? <p className="item__hint">{t('setup.rounds.lockHint')}</p> : null}
              </li>
            );
          })}
        </ul>
        {!published && freeKinds.length > 0 ? (
          <RoundForm
            intent="round.create"
            kinds={freeKinds}
            answer={answer}
            defaults={{
              kind: freeKinds[0],
              nameFr: t(`setup.kind.${freeKinds[0]}.defaultFr`),
              nameEn: t(`setup.kind.${freeKinds[0]}.defaultEn`),
              method: 'mean',
              minSheets: 2,
              judgesPerApplication: 3,
            }}
            legend={t('setup.rounds.add')}
            submitLabel={t('setup.rounds.addSubmit')}
          />
        ) : null}
      </section>
    </div>
  );
}

/** An item's name in both languages, each marked with its language. */
function BilingualName({ item }: { item: { nameFr: string; nameEn: string } }) {
  return (
    <>
      <span lang="fr">{item.nameFr}</span> <span aria-hidden="true">·</span> <span lang="en">{item.nameEn}</span>
    </>
  );
}

/** The link that opens an item's form in its place (`?edit=`), named with the item for a screen reader. */
function EditLink({ itemKey, label }: { itemKey: string; label: string }) {
  const { t } = useT();
  return (
    <Link to={`?edit=${itemKey}#${itemKey}`} className="button button--ghost" preventScrollReset>
      {t('judging.edit')}
      <span className="visually-hidden"> {label}</span>
    </Link>
  );
}

/** An item's remove button, or, when it cannot be removed (`cannot`), why. */
function RemoveButton({ intent, id, label, cannot }: { intent: string; id: number; label: string; cannot?: string | null }) {
  const { t } = useT();
  if (cannot) return <p className="item__why">{cannot}</p>;
  return <IntentButton intent={intent} fields={{ id }} label={t('judging.remove')} of={label} variant="danger" />;
}

function UnlockForm({ roundId, roundName, answer }: { roundId: number; roundName: string; answer: unknown }) {
  const { t } = useT();
  const [form, fields] = useSchemaForm({
    id: `round-unlock-${roundId}`,
    schema: unlockRoundSchema,
    lastResult: replyOf(answer, `round.unlock:${roundId}`),
  });
  const reasonParams = { max: LIMITS.reason };
  return (
    <ConformForm form={form} className="unlock-form" preventScrollReset>
      <ErrorSummary form={form} labels={{ reason: t('setup.rounds.unlockReason') }} errorParams={{ reason: reasonParams }} level={3} />
      <input type="hidden" name="intent" value="round.unlock" />
      <input type="hidden" name="id" value={roundId} />
      <input type="hidden" name="roundId" value={roundId} />
      <TextareaField
        meta={fields.reason}
        label={t('setup.rounds.unlockReason')}
        hint={t('setup.rounds.unlockHint')}
        rows={2}
        errorParams={reasonParams}
      />
      <button type="submit" className="button button--ghost">
        {t('setup.rounds.unlock')}
        <span className="visually-hidden"> {roundName}</span>
      </button>
    </ConformForm>
  );
}
