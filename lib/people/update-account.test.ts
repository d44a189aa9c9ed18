import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users } from '../../db/schema';
import { runAction } from '../auth/action';
import { describeEachEngine } from '../testing/test-database';
import { createPerson } from './test-people';
import { updateAccount } from './update-account';

describeEachEngine('updateAccount', ({ db }) => {
  const profile = async (id: string) => {
    const [row] = await db().select({ name: users.name, city: users.city, locale: users.locale }).from(users).where(eq(users.id, id));
    return row;
  };

  it("changes the signed-in person's own name, city and language; blank fields clear", async () => {
    const person = await createPerson(db());
    expect(await runAction(updateAccount, { db: db(), user: person.user }, { name: ' Olena Petrenko ', city: 'Ternopil', locale: 'en' })).toMatchObject({ ok: true });
    expect(await profile(person.row.id)).toEqual({ name: 'Olena Petrenko', city: 'Ternopil', locale: 'en' });
    expect(await runAction(updateAccount, { db: db(), user: person.user }, { name: '', city: '', locale: 'uk' })).toMatchObject({ ok: true });
    expect(await profile(person.row.id)).toEqual({ name: null, city: null, locale: 'uk' });
  });

  it('refuses a name or city with a control character, and changes nothing', async () => {
    const person = await createPerson(db());
    for (const input of [{ name: 'Olena\u202egnohS', locale: 'en' }, { name: 'Olena', city: 'Lviv\nBcc: x@example.org', locale: 'en' }, { name: 'a\u0000', locale: 'en' }]) {
      expect(await runAction(updateAccount, { db: db(), user: person.user }, input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await profile(person.row.id)).toEqual({ name: null, city: null, locale: null });
  });

  it('refuses an input that names another person, and changes neither account', async () => {
    const person = await createPerson(db());
    const other = await createPerson(db());
    const result = await runAction(updateAccount, { db: db(), user: person.user }, { userId: other.row.id, name: 'Hijacked', locale: 'en' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await profile(other.row.id)).toEqual({ name: null, city: null, locale: null });
    expect(await profile(person.row.id)).toEqual({ name: null, city: null, locale: null });
  });

  it('refuses a language the site does not have, and a visitor who is not signed in', async () => {
    const person = await createPerson(db());
    expect(await runAction(updateAccount, { db: db(), user: person.user }, { locale: 'ru' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { locale: expect.any(Array) } } });
    expect(await runAction(updateAccount, { db: db(), user: null }, { locale: 'en' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
