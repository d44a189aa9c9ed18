import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Transaction } from '../../db/client';
import { councils } from '../../db/schema';
import { mailTranslator } from '../../emails/i18n';
import { defineAction, fail } from '../auth/action';
import { enqueueMail } from '../mail/outbox';
import { organiserRecipients, renderNotice, siteUrl } from '../notifications/notice-mail';
import { idSchema } from '../people/input';
import { councilTarget } from '../people/targets';
import { webAddress } from '../sources/web-address';

/**
 * The council's staff correct their own directory entry: where letters go (contact addresses),
 * its website, its head, its postal address (printed letters and PDFs). Organisers of its
 * campaigns are told what changed, in the same transaction (an outbox mail each), so a wrong
 * address cannot slip in unseen.
 */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const emailList = z
  .string()
  .max(2000)
  .transform((s) => [...new Set(s.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(z.email().max(254)).min(1, 'at least one address').max(10));

export const updateDirectoryInput = z.strictObject({
  councilId: idSchema,
  contactEmails: emailList,
  website: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(500)
      .refine((u) => webAddress(u) !== null, { message: 'must be a web address starting with http:// or https://' })
      .transform((u) => webAddress(u)!)
      .nullable()
      .optional(),
  ),
  headName: z.preprocess(blank, z.string().trim().max(200).nullable().optional()),
  postalAddress: z.preprocess(blank, z.string().trim().max(500).nullable().optional()),
});

type DirectoryFields = { contactEmails: string[]; website: string | null; headName: string | null; postalAddress: string | null };
const FIELDS = ['contactEmails', 'website', 'headName', 'postalAddress'] as const;
const shown = (v: string[] | string | null) => (Array.isArray(v) ? v.join(', ') : v) || '—';

export const updateCouncilDirectory = defineAction({
  name: 'updateCouncilDirectory',
  permission: 'council.update_directory',
  input: updateDirectoryInput,
  target: (ctx, input) => councilTarget(ctx.db, input.councilId),
  run: async (ctx, input) =>
    ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(councils).where(eq(councils.id, input.councilId)).for('update');
      if (!before) fail('not_found', 'No such council.');
      const after: DirectoryFields = {
        contactEmails: input.contactEmails,
        website: input.website ?? null,
        headName: input.headName ?? null,
        postalAddress: input.postalAddress ?? null,
      };
      const changed = FIELDS.filter((f) => shown(before[f]) !== shown(after[f]));
      if (changed.length === 0) return { councilId: before.id, changed: [] as string[] };
      await tx.update(councils).set({ ...after, updatedAt: ctx.now }).where(eq(councils.id, before.id));
      await tellOrganisers(tx, { council: before, changed, before, after, by: ctx.user?.email ?? null });
      return { councilId: before.id, changed: changed as string[] };
    }),
});

async function tellOrganisers(
  tx: Transaction,
  input: { council: typeof councils.$inferSelect; changed: readonly (typeof FIELDS)[number][]; before: DirectoryFields; after: DirectoryFields; by: string | null },
) {
  const target = await councilTarget(tx, input.council.id);
  const recipients = await organiserRecipients(tx, target && target !== 'anywhere' ? target.campaignIds : []);
  for (const r of recipients) {
    const t = mailTranslator(r.locale);
    const name = (r.locale === 'uk' && input.council.localName) || input.council.name || input.council.slug;
    const mail = await renderNotice({
      locale: r.locale,
      subject: t('directoryChanged.subject', { council: name }),
      preview: t('directoryChanged.subject', { council: name }),
      heading: t('directoryChanged.heading', { council: name }),
      intro: [t('directoryChanged.intro', { by: input.by ?? '—' })],
      items: input.changed.map((f) => ({
        text: t(`directoryChanged.field.${f}`),
        detail: t('directoryChanged.change', { before: shown(input.before[f]), after: shown(input.after[f]) }),
      })),
      outro: [t('directoryChanged.check')],
      button: { label: t('directoryChanged.button'), href: siteUrl(`/${r.locale}/council/${input.council.slug}`) },
      reason: t('directoryChanged.reason'),
    });
    await enqueueMail(tx, { kind: 'notification', to: [r.email], subject: mail.subject, html: mail.html, text: mail.text });
  }
}
