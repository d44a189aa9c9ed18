import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { campaigns, councils } from '../../db/schema';
import { resetEnvCache } from '../env';
import { createTie } from '../testing/factories';
import type { TieStatus } from '../ties/lifecycle';

/**
 * Builders for the appeal tests: a council with contact addresses and a tie in a campaign,
 * the letter the appeal page would send about it, and environment overrides for the rules.
 */
let n = 0;

export async function councilWithTie(db: Database, init: { contactEmails?: string[]; campaignId?: number; status?: TieStatus; sendingAddress?: string } = {}) {
  const tie = await createTie(db, { status: init.status ?? 'active', campaignId: init.campaignId });
  const contactEmails = init.contactEmails ?? [`rada${++n}@rada.example`];
  await db.update(councils).set({ contactEmails, localName: `Рада ${n}`, name: `Council ${n}` }).where(eq(councils.id, tie.council.id));
  if (init.sendingAddress) await db.update(campaigns).set({ sendingAddress: init.sendingAddress }).where(eq(campaigns.id, tie.campaignId));
  return { ...tie, contactEmails };
}

export type LetterInput = {
  councilId: number;
  campaignId: number;
  tieIds: number[];
  language: string;
  subject: string;
  body: string;
  signerName: string;
  signerCity: string;
};

export function letterFor(target: { council: { id: number }; campaignId: number; tieId: number }, extra: Partial<LetterInput> = {}): LetterInput {
  return {
    councilId: target.council.id,
    campaignId: target.campaignId,
    tieIds: [target.tieId],
    language: 'uk',
    subject: 'Про розірвання зв’язків з містом-партнером',
    body: 'Шановні депутати!\n\nПрошу розірвати зв’язки з містом держави-агресора.\n\nЗ повагою\nОлена Коваль\nЖитомир',
    signerName: 'Олена Коваль',
    signerCity: 'Житомир',
    ...extra,
  };
}

/** The same letter, recorded as sent elsewhere (no signer fields: the person's own name signs it). */
export function externalLetterFor(target: { council: { id: number }; campaignId: number; tieId: number }, channel: 'mailto' | 'print' | 'pdf' | 'copy') {
  const { councilId, campaignId, tieIds, language, subject, body } = letterFor(target);
  return { councilId, campaignId, tieIds, language, subject, body, channel };
}

/** Sets environment variables for the rules (lib/env.ts), and gives back a function that restores them. */
export function setRulesEnv(values: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, value] of Object.entries(v)) {
      if (value === undefined) delete process.env[k];
      else process.env[k] = value;
    }
    resetEnvCache();
  };
  apply(values);
  return () => apply(saved);
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
