import { countriesForCode, countryFromName, countryName } from '../places/country-codes';
import { isPartnerCountry, placeKindFromName } from '../places/kinds';
import { normaliseName } from '../places/normalise-name';
import { type Dataset, type SourceRef, type TieRecord, type TiePlace, emptyDataset } from './dataset';

/**
 * The Wikipedia "List of twin towns and sister cities in <country>" pages, as plain text
 * (seed 001): a title line, a preamble, `==A==` letter headings, a place of <country> alone on
 * a line, then its partners as `- CODE Partner, Country` lines. CODE is a sports-style code
 * (GER, NED, ENG...) that must agree with the country written after it. Every line that cannot
 * be read is reported with its number; the rest still parses.
 */
export type LineError = { line: number; text: string; message: string };

export type ParseResult = { dataset: Dataset; errors: LineError[]; tieLines: number[][] };

const TITLE = /^=\s*([^=].*?)\s*=$/;
const LETTER_HEADING = /^==+\s*[^=]*?\s*==+$/;
const PARTNER = /^-\s*([A-Za-z]{3})\s+(\S.*)$/;

/**
 * A place as a list writes it: "Leninsky (Minsk)" is a district of Minsk, "Düren (district)"
 * is the district named after Düren (the bracket says what it is, not where).
 */
export function parsePlaceText(text: string, country: string): TiePlace {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(t);
  if (m) {
    const inner = m[2]!.trim();
    const kind = placeKindFromName(inner);
    if (kind !== 'settlement') return { name: t, country, aliases: [], kind };
    return { name: m[1]!.trim(), country, aliases: [], kind: 'district', parent: { name: inner, country } };
  }
  const kind = placeKindFromName(t);
  return kind === 'settlement' ? { name: t, country, aliases: [] } : { name: t, country, aliases: [], kind };
}

/** A line that can only be a place name: short, capitalised, not a sentence. */
function looksLikePlaceName(t: string): boolean {
  return (
    /^[\p{Lu}\p{Lt}\p{N}]/u.test(t) &&
    t.length <= 60 &&
    t.split(' ').length <= 6 &&
    !/[.!?:;,"“”]$/.test(t) &&
    !/[.!?;:]\s/.test(t) &&
    !/[=|*#<>{}[\]]/.test(t)
  );
}

/** Identity of a place within one file: districts of different cities stay apart. */
function placeKey(p: TiePlace): string {
  return `${p.country}|${p.parent ? normaliseName(p.parent.name) : ''}|${normaliseName(p.name)}`;
}

export function parseWikipediaList(text: string, options: { source: SourceRef; country?: string }): ParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const errors: LineError[] = [];
  const dataset = emptyDataset();
  const tieLines: number[][] = [];
  const tieByPair = new Map<string, number>();
  const sourceRef: SourceRef = options.source.url ? { url: options.source.url } : { seed: options.source.seed };

  let country: string | null = options.country ?? null;
  let title: string | null = null;
  let stage: 'title' | 'preamble' | 'body' = 'title';
  type Heading = { place: TiePlace; text: string; line: number; partnerLines: number } | { invalid: true; line: number };
  let heading: Heading | null = null;

  const fail = (line: number, text: string, message: string) => errors.push({ line, text, message });
  const closeHeading = () => {
    if (heading && !('invalid' in heading) && heading.partnerLines === 0) {
      fail(heading.line, heading.text, `"${heading.text}" has no partner lines under it (expected "- CODE Partner, Country").`);
    }
    heading = null;
  };

  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    const t = raw.trim();
    if (!t) continue;

    if (stage === 'title') {
      stage = 'preamble';
      const m = TITLE.exec(t);
      if (m) {
        title = m[1]!;
        const named = /\bin\s+(.+)$/i.exec(title);
        const fromTitle = named ? countryFromName(named[1]!) : null;
        country ??= fromTitle;
        if (!country) fail(n, raw, `Cannot tell the country from the title: expected "= List of twin towns and sister cities in <country> =".`);
        continue;
      }
      if (!country) fail(n, raw, 'Expected the title line first, such as "= List of twin towns and sister cities in Russia =".');
    }

    if (LETTER_HEADING.test(t)) {
      closeHeading();
      stage = 'body';
      continue;
    }

    if (t.startsWith('-')) {
      if (stage !== 'body' || heading === null) {
        fail(n, raw, 'A partner line before any place: a place name must come first, alone on its line.');
        continue;
      }
      if ('invalid' in heading) {
        fail(n, raw, `Belongs to the unreadable place line ${heading.line}.`);
        continue;
      }
      heading.partnerLines++;
      const tie = parsePartnerLine(t, heading, n, (message) => fail(n, raw, message));
      if (!tie) continue;
      const pair = [placeKey(tie.place), placeKey(tie.partner)].sort().join('~');
      const seen = tieByPair.get(pair);
      if (seen !== undefined) {
        tieLines[seen]!.push(n);
        const event = dataset.ties[seen]!.events[0]!;
        event.note = `${event.note}; also under ${heading.text} (line ${n})`;
        continue;
      }
      tieByPair.set(pair, dataset.ties.length);
      dataset.ties.push(tie);
      tieLines.push([n]);
      continue;
    }

    if (stage !== 'body') continue; // the preamble is prose

    closeHeading();
    if (!looksLikePlaceName(t)) {
      fail(n, raw, 'Not a place name, a "- CODE Partner, Country" line or a letter heading.');
      heading = { invalid: true, line: n };
      continue;
    }
    if (!country) {
      fail(n, raw, 'The country of this place is unknown: the title line is missing or unreadable.');
      heading = { invalid: true, line: n };
      continue;
    }
    heading = { place: parsePlaceText(t, country), text: t, line: n, partnerLines: 0 };
  }
  closeHeading();

  if (stage !== 'body' && lines.some((l) => l.trim())) {
    errors.push({ line: 1, text: lines[0] ?? '', message: 'No letter heading such as "==A==" was found, so no place was read.' });
  }

  function parsePartnerLine(t: string, at: { place: TiePlace; text: string }, n: number, error: (m: string) => void): TieRecord | null {
    const m = PARTNER.exec(t);
    if (!m) {
      error('Expected "- CODE Partner, Country", such as "- GER Emden, Germany".');
      return null;
    }
    const code = m[1]!;
    const quote = t.replace(/^-\s*/, '');
    const parts = m[2]!.split(',').map((p) => p.trim());
    // The country is the last part; a part of a country may stand before it
    // ("England, United Kingdom", "Åland Islands, Finland").
    const qualifiers: { text: string; country: string }[] = [];
    while (parts.length > 1) {
      const last = parts[parts.length - 1]!;
      const c = countryFromName(last);
      if (!c) break;
      qualifiers.unshift({ text: last, country: c });
      parts.pop();
    }
    if (qualifiers.length === 0) {
      const last = m[2]!.includes(',') ? parts[parts.length - 1]! : null;
      error(last ? `"${last}" is not a country name.` : 'The partner needs its country after a comma: "- CODE Partner, Country".');
      return null;
    }
    const candidates = countriesForCode(code);
    if (candidates.length === 0) {
      error(`Unknown country code "${code}".`);
      return null;
    }
    const agreed = qualifiers.find((q) => candidates.includes(q.country));
    if (!agreed) {
      const written = qualifiers[qualifiers.length - 1]!.text;
      error(`The code ${code} means ${candidates.map(countryName).join(' or ')}, but the line says ${written}.`);
      return null;
    }
    const nameText = parts.join(', ');
    if (!nameText || !/\p{L}/u.test(nameText)) {
      error('The partner has no name.');
      return null;
    }
    const other = parsePlaceText(nameText, agreed.country);
    if (placeKey(other) === placeKey(at.place)) {
      error(`A place cannot be its own partner.`);
      return null;
    }
    // The Russian or Belarusian side is the partner; between two of them, the listed place is.
    const [place, partner] = isPartnerCountry(at.place.country) ? [other, at.place] : [at.place, other];
    return {
      place: structuredClone(place),
      partner: structuredClone(partner),
      kind: 'twin_town',
      status: 'active',
      campaigns: [],
      events: [
        {
          type: 'recorded',
          status: 'active',
          date: null,
          dateIsUpperBound: false,
          source: sourceRef,
          quote,
          note: `Listed under ${at.text} (line ${n})`,
        },
      ],
    };
  }

  dataset.sources.push({
    ...sourceRef,
    title: options.source.title ?? title ?? 'Wikipedia list of twin towns and sister cities',
    publisher: options.source.publisher ?? 'Wikipedia',
    published: options.source.published,
    language: options.source.language ?? 'en',
    kind: options.source.kind ?? 'list', // a list compiled by others: it confirms no tie by itself
  });
  return { dataset, errors, tieLines };
}
