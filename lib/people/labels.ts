import type { CouncilRef } from './queries';

/** A council by its own name, or "Council of <place>" when the record has none. */
export function councilLabel(council: Pick<CouncilRef, 'name' | 'place'>, t: (key: 'councilOf', values: { place: string }) => string): string {
  return council.name ?? t('councilOf', { place: council.place });
}
