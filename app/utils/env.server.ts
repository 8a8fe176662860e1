/**
 * The environment, parsed once with zod. In production a missing SESSION_SECRET
 * stops the server at start with a sentence that says what to set, rather than
 * letting it sign cookies with a guessable default.
 */
import { z } from 'zod';

const DEV_SESSION_SECRET = 'palmares-development-secret-not-for-production';

/** `SESSION_SECRET=new,old`: several secrets for rotation, trimmed, empty ones dropped. */
function splitSecrets(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

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
    /** Live-stage (SSE) connections one address may hold open (docs/decisions/022-request-limits.md). */
    SSE_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(300),
    /** Live-stage (SSE) connections the whole server holds open. */
    SSE_MAX_TOTAL: z.coerce.number().int().min(1).default(3000),
    /** Mail through this SMTP server (`smtp://user:pass@host:587`, `smtps://…`); unset: .eml files in MAIL_OUTBOX_DIR. */
    SMTP_URL: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || /^smtps?:\/\//.test(value), 'SMTP_URL must start with smtp:// or smtps://'),
    MAIL_FROM: z.string().trim().min(3).default('Palmarès <no-reply@palmares.invalid>'),
    MAIL_OUTBOX_DIR: z.string().min(1).default('./data/outbox'),
    /** The site's public address for links in mail (`https://palmares.example.org`); unset: the request's own origin. */
    PUBLIC_URL: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || /^https?:\/\/[^/]+$/.test(value.replace(/\/$/, '')), 'PUBLIC_URL must be an origin like https://palmares.example.org'),
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
    } else if (env.NODE_ENV === 'production' && splitSecrets(env.SESSION_SECRET).some((s) => s.length < 32)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message:
          'SESSION_SECRET holds several comma-separated secrets (the first signs, all verify): ' +
          'each must have at least 32 characters.',
      });
    }
  })
  .transform((env) => {
    const listed = splitSecrets(env.SESSION_SECRET);
    const secrets = listed.length > 0 ? listed : [DEV_SESSION_SECRET];
    return {
      ...env,
      /** The secret that signs (the first of the list). */
      SESSION_SECRET: secrets[0],
      /** Every secret that still verifies a cookie, the signing one first (rotation). */
      SESSION_SECRETS: secrets,
      isProduction: env.NODE_ENV === 'production',
    };
  });

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
