import { type SQL, and, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ties } from '../../db/schema';
import { STATUS_GROUPS, type TieStatus, isInGroup } from './lifecycle';

/**
 * The one home of every figure the public pages count: what "severed", "closed", "in force",
 * "confirmed in force", "listed, not confirmed" and "blocked" mean, as TypeScript predicates
 * (for a tie a page already holds) and as SQL conditions on `ties` (for counting in the
 * database). Home cards, campaign progress, stats, the tracker, council and place pages all
 * count through these, so one figure has one definition everywhere.
 *
 * - severed: a decision ended the tie (status `severed`);
 * - closed: nothing left to ask: severed, or it turned out no agreement was ever signed;
 * - blocked: the council cannot act now (occupation, active hostilities). Not closed: the tie
 *   is not ended, and there is something to ask once the council can act;
 * - in force: the agreement still stands (STATUS_GROUPS.inForce);
 * - confirmed in force: in force, and a dated event says so (ties.confirmed_event_id);
 * - listed, not confirmed: in force as far as the record knows, but only from undated lists:
 *   nobody has confirmed it. Never shown as plainly "in force".
 */
export const FIGURES = ['inForce', 'confirmedInForce', 'listedNotConfirmed', 'severed', 'notSigned', 'closed', 'blocked'] as const;
export type Figure = (typeof FIGURES)[number];

/** What a figure needs to know of a tie: its status, and whether a dated event confirms it. */
export type TieStanding = { status: TieStatus; confirmed: boolean };

export const isInForce = (t: Pick<TieStanding, 'status'>): boolean => isInGroup(t.status, 'inForce');
export const isSevered = (t: Pick<TieStanding, 'status'>): boolean => t.status === 'severed';
export const isClosed = (t: Pick<TieStanding, 'status'>): boolean => isInGroup(t.status, 'closed');
export const isBlocked = (t: Pick<TieStanding, 'status'>): boolean => isInGroup(t.status, 'blocked');
export const isConfirmedInForce = (t: TieStanding): boolean => isInForce(t) && t.confirmed;
export const isListedNotConfirmed = (t: TieStanding): boolean => isInForce(t) && !t.confirmed;

export const FIGURE_PREDICATES: Readonly<Record<Figure, (t: TieStanding) => boolean>> = {
  inForce: isInForce,
  confirmedInForce: isConfirmedInForce,
  listedNotConfirmed: isListedNotConfirmed,
  severed: isSevered,
  notSigned: (t) => t.status === 'not_signed',
  closed: isClosed,
  blocked: isBlocked,
};

/** The columns a figure's SQL reads: `ties` itself, or an alias of it. */
export type TieColumns = { status: AnyPgColumn; confirmedEventId: AnyPgColumn };

/** The SQL condition of a figure, on `ties` or an alias of it. */
export function figureCondition(figure: Figure, table: TieColumns = ties): SQL {
  const inForce = inArray(table.status, [...STATUS_GROUPS.inForce]);
  switch (figure) {
    case 'inForce':
      return inForce;
    case 'confirmedInForce':
      return and(inForce, isNotNull(table.confirmedEventId))!;
    case 'listedNotConfirmed':
      return and(inForce, isNull(table.confirmedEventId))!;
    case 'severed':
      return sql`${table.status} = 'severed'`;
    case 'notSigned':
      return sql`${table.status} = 'not_signed'`;
    case 'closed':
      return inArray(table.status, [...STATUS_GROUPS.closed]);
    case 'blocked':
      return inArray(table.status, [...STATUS_GROUPS.blocked]);
  }
}

export type TieFigures = Record<Figure, number> & { total: number };

export function emptyFigures(): TieFigures {
  return { total: 0, ...(Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<Figure, number>) };
}

/** Adds `n` ties of one standing to the figures (n = 1 for one tie; a count for grouped rows). */
export function addToFigures(figures: TieFigures, standing: TieStanding, n = 1): TieFigures {
  figures.total += n;
  for (const f of FIGURES) if (FIGURE_PREDICATES[f](standing)) figures[f] += n;
  return figures;
}

/** The figures of a list of ties, or of grouped counts (`n` per row). */
export function countFigures(rows: Iterable<TieStanding & { n?: number }>): TieFigures {
  const figures = emptyFigures();
  for (const r of rows) addToFigures(figures, r, r.n ?? 1);
  return figures;
}

/**
 * Where a council stands with the campaign, from its ties:
 * - `none`: the record holds no tie for it;
 * - `holds`: at least one tie in force (confirmed or only listed): there is something to ask;
 * - `blocked`: none in force, but some the council cannot act on now (occupation): not closed,
 *   and not "nothing left to ask";
 * - `closed`: every tie is closed (severed or never signed): nothing left to ask.
 */
export type CouncilSituation = 'none' | 'holds' | 'blocked' | 'closed';

export function councilSituation(tiesOfCouncil: readonly Pick<TieStanding, 'status'>[]): CouncilSituation {
  if (tiesOfCouncil.length === 0) return 'none';
  if (tiesOfCouncil.some(isInForce)) return 'holds';
  if (tiesOfCouncil.every(isClosed)) return 'closed';
  return 'blocked';
}

/** Nothing left to ask a council: it has ties, and every one is closed. */
export function nothingLeftToAsk(tiesOfCouncil: readonly Pick<TieStanding, 'status'>[]): boolean {
  return councilSituation(tiesOfCouncil) === 'closed';
}
