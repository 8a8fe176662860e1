/**
 * What every save of a scoresheet carries besides the scores, checked by the action with zod. Apart
 * from app/domain/scoresheet.ts so that the judge's page, which imports that module, does not
 * download zod.
 */
import { z } from 'zod';
import { SAVE_INTENTS } from './scoresheet';

/**
 * The fixed part of every save: what to do, the client's idempotency key and the revision the
 * judge's copy is based on (0 before the first save). The per-criterion part depends on the
 * edition's criteria and is read by `readScoresheetForm`.
 */
export const saveRequestSchema = z.object({
  intent: z.enum(SAVE_INTENTS, { error: 'scoring.errors.badRequest' }),
  idempotencyKey: z
    .string({ error: 'scoring.errors.badRequest' })
    .regex(/^[A-Za-z0-9-]{16,64}$/, 'scoring.errors.badRequest'),
  revision: z
    .string({ error: 'scoring.errors.badRequest' })
    .regex(/^(0|[1-9]\d{0,8})$/, 'scoring.errors.badRequest')
    .transform(Number),
});

export type SaveRequest = z.output<typeof saveRequestSchema>;
