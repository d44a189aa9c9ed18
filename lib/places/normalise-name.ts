import anyAscii from 'any-ascii';

/**
 * The key a place name is matched on: the same for every way a source writes the same
 * spelling. "St. Petersburg", "Saint-Petersburg" and "saint petersburg" share a key, and so do
 * "Forlì" and "Forli", but "Gomel" and "Homiel" do not: those are different spellings, joined
 * only through place_names (see nameSkeleton for suggesting them).
 */
export function normaliseName(name: string): string {
  const spaced = anyAscii(name.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!spaced) return '';
  return spaced
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

// Whole words only: "Stary Oskol" keeps its "st".
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };

/**
 * A deliberately loose key, for *suggesting* that two names may be one place: it folds the
 * differences between Russian, Belarusian, Ukrainian and Polish transliterations of East Slavic
 * names (Gomel/Homiel, Mozyr/Mazyr, Baranovichi/Baranavichy, Borisov/Barysaw,
 * Molodechno/Maladzyechna, Shchuchyn/Szczuczyn). Never used to merge anything by itself.
 */
export function nameSkeleton(name: string): string {
  let s = normaliseName(name).replace(/ /g, ''); // soft signs became spaces in the key
  for (const [from, to] of SKELETON_RULES) s = s.replace(from, to);
  return s.replace(/(.)\1+/g, '$1');
}

// Order matters: digraphs before the single letters they contain.
const SKELETON_RULES: [RegExp, string][] = [
  [/sz/g, 'sh'], // Polish: Szczuczyn
  [/cz/g, 'ch'],
  [/kh/g, 'h'], // Kharkiv / Harkiv
  [/dz/g, 'd'], // Belarusian дз for Russian д: Maladzyechna / Molodechno, Zhodzina / Zhodino
  [/(ie|ye|ya|ia|je)/g, 'e'], // Homiel / Gomel, Nyasvizh / Nesvizh
  [/g/g, 'h'], // Russian г / Belarusian and Ukrainian г: Gomel / Homel
  [/y/g, 'i'],
  [/o/g, 'a'], // Belarusian akanye: Mazyr / Mozyr
  [/w/g, 'v'], // Barysaw / Borisov
];
