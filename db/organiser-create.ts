/**
 * `npm run organiser:create -- --email EMAIL --name "NAME"`: the first organiser of an empty
 * database (and any later one made from the server's shell). The password comes from
 * ORGANISER_PASSWORD, or is asked on a terminal without echo. The rules are sign-up's own
 * (`signupSchema` in app/domain/account.ts: a valid address, a name, a password of at least 12
 * characters), and an address that already has an account is refused. Exit status 1 on refusal.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { fieldErrorsOf, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, signupSchema } from '../app/domain/account';
import { translate } from '../app/i18n/messages.server';
import { hashPassword } from '../app/utils/password.server';
import { closeDb, getDb, runMigrations, type Db } from './client';
import * as schema from './schema';

export class OrganiserRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrganiserRefused';
  }
}

export interface NewOrganiser {
  email: string;
  name: string;
  password: string;
}

/** Creates an organiser account; throws OrganiserRefused (a sentence in English) when a rule refuses it. */
export async function createOrganiser(input: NewOrganiser, db: Db = getDb()): Promise<{ id: number; email: string; name: string }> {
  const parsed = signupSchema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrorsOf<'email' | 'name' | 'password'>(parsed.error);
    const lines = (['email', 'name', 'password'] as const).flatMap((field) => {
      const key = errors[field];
      return key ? [`${field}: ${translate('en', key, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}`] : [];
    });
    throw new OrganiserRefused(`Refused:\n  ${lines.join('\n  ')}`);
  }
  const { email, name, password } = parsed.data;
  const existing = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).get();
  if (existing) throw new OrganiserRefused(`Refused: an account with the address ${email} already exists.`);
  const passwordHash = await hashPassword(password);
  const created = db
    .insert(schema.users)
    .values({ email, name, passwordHash, role: 'organiser' })
    .onConflictDoNothing()
    .returning({ id: schema.users.id, email: schema.users.email, name: schema.users.name })
    .get();
  if (!created) throw new OrganiserRefused(`Refused: an account with the address ${email} already exists.`);
  return created;
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    if (!input.isTTY) {
      reject(new OrganiserRefused('Refused: no password. Set ORGANISER_PASSWORD, or run this command in a terminal to type it.'));
      return;
    }
    process.stdout.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let typed = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          input.setRawMode(false);
          process.stdout.write('\n');
          process.exit(130);
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The command without its process: the arguments (`--email`, `--name`), the password
 * (`env.ORGANISER_PASSWORD`, else typed on the terminal), the migrations, the account. Returns the
 * line it prints; throws OrganiserRefused. Tests run it in process on a database of their own.
 */
export async function organiserCreateCommand(
  args: readonly string[],
  { env = process.env, db }: { env?: Record<string, string | undefined>; db?: Db } = {},
): Promise<string> {
  const { values } = parseArgs({ args: [...args], options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (!values.email || !values.name) {
    throw new OrganiserRefused('usage: npm run organiser:create -- --email EMAIL --name "NAME" (password from ORGANISER_PASSWORD or typed)');
  }
  let password = env.ORGANISER_PASSWORD;
  if (!password) {
    password = await askHidden(`Password (at least ${PASSWORD_MIN_LENGTH} characters): `);
    const again = await askHidden('The same password again: ');
    if (again !== password) throw new OrganiserRefused('Refused: the two passwords differ.');
  }
  // Opened only now: a refused command leaves no database file behind.
  const target = db ?? getDb();
  runMigrations(target);
  const organiser = await createOrganiser({ email: values.email, name: values.name, password }, target);
  return `Organiser ${organiser.name} <${organiser.email}> created in ${target.$client.name}. Log in at /login.`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  organiserCreateCommand(process.argv.slice(2))
    .then((line) => console.log(line))
    .catch((error: unknown) => {
      console.error(error instanceof OrganiserRefused ? error.message : `organiser:create failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
