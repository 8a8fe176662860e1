/**
 * `npm run organiser:create`: the first organiser of an empty database, run in process
 * (createOrganiser is what the command calls). Sign-up's password rule and a taken address refuse.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganiser, organiserCreateCommand, OrganiserRefused } from '../../db/organiser-create';
import { getDb, schema } from '~/utils/db.server';
import { verifyPassword } from '~/utils/password.server';

const account = (email: string) => getDb().select().from(schema.users).where(eq(schema.users.email, email)).get();

describe('organiser:create', () => {
  it('creates an organiser whose password logs in', async () => {
    const created = await createOrganiser({ email: ' First.Organiser@Example.org ', name: 'Ada Organiser', password: 'a long enough passphrase' });
    expect(created.email).toBe('first.organiser@example.org');
    const row = account('first.organiser@example.org')!;
    expect(row).toMatchObject({ role: 'organiser', name: 'Ada Organiser' });
    expect(await verifyPassword('a long enough passphrase', row.passwordHash)).toBe(true);
  });

  it('refuses a weak password with the sign-up rule’s message, and creates nothing', async () => {
    await expect(createOrganiser({ email: 'weak@example.org', name: 'Weak', password: 'short' })).rejects.toThrow(
      /password: The password must have at least 12 characters/,
    );
    expect(account('weak@example.org')).toBeUndefined();
  });

  it('refuses an address that already has an account', async () => {
    const error = await createOrganiser({ email: 'first.organiser@example.org', name: 'Twice', password: 'another long passphrase' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrganiserRefused);
    expect((error as Error).message).toBe('Refused: an account with the address first.organiser@example.org already exists.');
    expect(account('first.organiser@example.org')!.name).toBe('Ada Organiser');
  });

  it('as a command: the arguments, the password from ORGANISER_PASSWORD, and the line it prints', async () => {
    const line = await organiserCreateCommand(['--email', 'cli@example.org', '--name', 'Cli Organiser'], { env: { ORGANISER_PASSWORD: 'a command line passphrase' } });
    expect(line).toMatch(/^Organiser Cli Organiser <cli@example\.org> created in .+\. Log in at \/login\.$/);
    expect(account('cli@example.org')).toMatchObject({ role: 'organiser', name: 'Cli Organiser' });
    await expect(organiserCreateCommand(['--email', 'noname@example.org'], { env: { ORGANISER_PASSWORD: 'a command line passphrase' } })).rejects.toThrow(
      /^usage: npm run organiser:create -- --email EMAIL --name "NAME"/,
    );
    expect(account('noname@example.org')).toBeUndefined();
  });
});
