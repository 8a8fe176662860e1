/**
 * The environment, parsed once with zod. In production a missing SESSION_SECRET
 * stops the server at start with a sentence that says what to set, rather than
 * letting it sign cookies with a guessable default.
 */
import { z } from 'zod';

const DEV_SESSION_SECRET = 'palmares-development-secret-not-for-production';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_PATH: z.string().min(1).default('./data/palmares.db'),
    UPLOADS_DIR: z.string().min(1).default('./data/uploads'),
    SESSION_SECRET: z.string().optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** Set to 1 behind a reverse proxy so the client's address comes from X-Forwarded-For. */
    TRUST_PROXY: z.enum(['0', '1']).default('0'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message:
          'SESSION_SECRET is required in production (at least 32 characters; for example: ' +
          '`openssl rand -hex 32`). It signs the session cookie; without it anyone could forge one.',
      });
    }
  })
  .transform((env) => ({
    ...env,
    SESSION_SECRET: env.SESSION_SECRET || DEV_SESSION_SECRET,
    isProduction: env.NODE_ENV === 'production',
  }));

export type Env = z.output<typeof schema>;

export class EnvError extends Error {
  constructor(issues: string[]) {
    super(`Palmarès cannot start:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | null = null;

/** The parsed environment of this process (parsed on first call). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
