import type { PlaceSpelling } from '@/lib/places/place-page';

/**
 * The other ways a place is written (Homiel, Homel, Гомель...), each marked with its language,
 * so a reader who knows it by another name recognises it. A name written the same in several
 * languages is listed once.
 */
export function OtherSpellings({ spellings, except }: { spellings: PlaceSpelling[]; except: string }) {
  const seen = new Set([except]);
  const shown = spellings.filter((s) => !seen.has(s.name) && seen.add(s.name));
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((s, i) => (
        <span key={`${s.lang}-${s.name}`}>
          {i > 0 ? ', ' : null}
          <span lang={s.lang}>{s.name}</span>
        </span>
      ))}
    </>
  );
}

export function hasOtherSpellings(spellings: PlaceSpelling[], except: string): boolean {
  return spellings.some((s) => s.name !== except);
}
