/**
 * Countries as a journalist knows them: a place's `country` may be an ISO 3166-1 alpha-2 code
 * (`FR`), alpha-3 (`FRA`), numeric (`250`), or an English name (`France`, `Ivory Coast`,
 * `the United States`); the build turns each into the id the geography uses, Natural
 * Earth's ISO numeric code (or `x-<slug>` where Natural Earth has none: Kosovo, Somaliland).
 *
 * The codes and English names (with their common variants) come from `i18n-iso-countries`; the
 * names Natural Earth writes (`Dem. Rep. Congo`, `Bosnia and Herz.`) from the world's geography
 * (`world.ts`). JSON imports (5 kB gzip), so the studio's checks in the browser resolve countries
 * as the build does; readers never load them.
 */
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { worldCountries, type WorldCountry } from './world.ts';

/** `codes.json`: [alpha-2, alpha-3, numeric, ISO 3166-2 name] per country. */
const ISO_CODES = codes as [string, string, string, string][];
/** English names, the first the standard's, then variants people write. */
const ISO_NAMES = (english as { countries: Record<string, string | string[]> }).countries;

/** One country of the ISO standard. */
interface IsoCountry {
  alpha2: string;
  alpha3: string;
  numeric: string;
  names: string[];
}

/**
 * Names the news writes that the package does not give, by alpha-3 code: old names still in use,
 * short forms, the Dutch province for the country.
 */
const NEWS_NAMES: Record<string, string[]> = {
  BIH: ['Bosnia'],
  COD: ['DRC', 'DR Congo', 'Congo-Kinshasa'],
  COG: ['Republic of Congo', 'Congo-Brazzaville'],
  CZE: ['Czech Rep.'],
  KGZ: ['Kyrgyz Republic'],
  MMR: ['Burma'],
  NLD: ['Holland'],
  STP: ['Sao Tome', 'São Tomé'],
  SWZ: ['Swaziland'],
  TLS: ['East Timor'],
  VNM: ['Viet Nam'],
};

const ISO: IsoCountry[] = ISO_CODES.map(([alpha2, alpha3, numeric]) => {
  const names = ISO_NAMES[alpha2] ?? [];
  return {
    alpha2,
    alpha3,
    numeric,
    names: [...(Array.isArray(names) ? names : [names]), ...(NEWS_NAMES[alpha3] ?? [])],
  };
});

/** The id a name of a country Natural Earth does not draw stands for, in `byName`. */
const NOT_DRAWN = 'iso:';

/**
 * A name as compared: accents, case, punctuation and a leading "the" do not count, "&" is
 * "and", "St." is "Saint", and "Moldova, Republic of" is also "Republic of Moldova".
 */
export function nameKeys(name: string): string[] {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/\bst\b\.?/g, 'saint')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .replace(/^the /, '');
  const keys = [fold(name)];
  const comma = /^(.*?),\s*(.*)$/.exec(name);
  if (comma) keys.push(fold(`${comma[2]} ${comma[1]}`));
  return [...new Set(keys.filter(Boolean))];
}

/** What a country given in the data resolves to: the geography's id, or why not. */
export type CountryLookup = { id: string; name: string } | { problem: string };

/** The levenshtein distance between two short strings. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/**
 * Resolves the ways a country may be written to the world's ids. Built once per world (the
 * geography's countries, before clipping to a region).
 */
export class CountryResolver {
  /** Geography id → its name in Natural Earth. */
  private readonly byId = new Map<string, string>();
  /** Name key → the geography ids it may mean (more than one: ambiguous, "Congo"). */
  private readonly byName = new Map<string, Set<string>>();
  /** A name to suggest for each key (its first spelling). */
  private readonly spelled = new Map<string, string>();

  constructor(world: readonly WorldCountry[]) {
    for (const country of world) {
      // One country per id (`countryIds`): a territory Natural Earth gives its country's code
      // (the Ashmore and Cartier Islands, Australia's) has an id of its own, and its own name.
      this.byId.set(country.id, country.name);
      this.addName(country.name, country.id);
    }
    for (const iso of ISO) {
      const id = this.isoId(iso) ?? `${NOT_DRAWN}${iso.alpha2}`;
      for (const name of iso.names) this.addName(name, id);
    }
  }

  private addName(name: string, id: string): void {
    for (const key of nameKeys(name)) {
      const ids = this.byName.get(key) ?? new Set<string>();
      ids.add(id);
      this.byName.set(key, ids);
      if (!this.spelled.has(key)) this.spelled.set(key, name);
    }
  }

  /** The geography's id for an ISO country: its numeric code, or (Kosovo) the country of its name. */
  private isoId(iso: IsoCountry): string | null {
    if (this.byId.has(iso.numeric)) return iso.numeric;
    for (const name of iso.names) {
      for (const key of nameKeys(name)) {
        const ids = [...(this.byName.get(key) ?? [])].filter((id) => id.startsWith('x-'));
        if (ids.length === 1) return ids[0]!;
      }
    }
    return null;
  }

  /** The geography's name for one of its ids. */
  nameOf(id: string): string | undefined {
    return this.byId.get(id);
  }

  /** A country as the data gives it: a code of any of the three kinds, or a name. */
  resolve(given: string): CountryLookup {
    const text = given.trim();
    const found = (id: string): CountryLookup => ({ id, name: this.byId.get(id)! });
    const notDrawn = (iso: IsoCountry) => ({
      problem: `"${given}" is ${iso.names[0] ?? iso.alpha2} (${iso.alpha2}, ${iso.alpha3}, ${iso.numeric}), which Natural Earth's 1:50m map does not draw as a country of its own: give the country it belongs to, or make it a city of that country`,
    });
    // The geography's own ids, as `npm run geo` wrote them: "004", "x-kosovo".
    if (this.byId.has(text)) return found(text);
    if (/^\d{1,3}$/.test(text)) {
      const numeric = text.padStart(3, '0');
      if (this.byId.has(numeric)) return found(numeric);
      const iso = ISO.find((c) => c.numeric === numeric);
      if (iso) {
        const id = this.isoId(iso);
        return id ? found(id) : notDrawn(iso);
      }
      return { problem: `unknown country "${given}": not an ISO 3166-1 numeric code${this.suggestion(text)}` };
    }
    if (/^[a-z]{2,3}$/i.test(text)) {
      const code = text.toUpperCase();
      const iso = ISO.find((c) => (code.length === 2 ? c.alpha2 : c.alpha3) === code);
      if (iso) {
        const id = this.isoId(iso);
        return id ? found(id) : notDrawn(iso);
      }
    }
    for (const key of nameKeys(text)) {
      const ids = this.byName.get(key);
      if (!ids) continue;
      if (ids.size === 1) {
        const [id] = [...ids] as [string];
        return id.startsWith(NOT_DRAWN) ? notDrawn(ISO.find((c) => `${NOT_DRAWN}${c.alpha2}` === id)!) : found(id);
      }
      const options = [...ids].map((id) => `${this.displayName(id)} (${this.codeOf(id)})`);
      return {
        problem: `"${given}" may be ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}: give its ISO code`,
      };
    }
    const kind = /^[a-z]{2}$/i.test(text) ? 'alpha-2 code' : /^[a-z]{3}$/i.test(text) ? 'alpha-3 code' : 'code';
    return {
      problem: `unknown country "${given}": neither an ISO 3166-1 ${kind} nor a country's English name${this.suggestion(text)}`,
    };
  }

  /** A country's name as a message gives it: the standard's English name, else Natural Earth's. */
  private displayName(id: string): string {
    return ISO.find((c) => c.numeric === id)?.names[0] ?? this.byId.get(id) ?? id;
  }

  /** How the data can write a country: its alpha-3 code, or the geography's id. */
  private codeOf(id: string): string {
    return ISO.find((c) => c.numeric === id)?.alpha3 ?? id;
  }

  /** "; did you mean …?" with the nearest name, when one is near, and how to write a country. */
  private suggestion(text: string): string {
    const how =
      '. Write a country as its ISO 3166-1 alpha-2 code ("FR"), alpha-3 ("FRA"), numeric ("250") or English name ("France")';
    const [key] = nameKeys(text);
    if (!key || /^\d+$/.test(key)) return how;
    let best: { key: string; d: number } | null = null;
    for (const candidate of this.byName.keys()) {
      const d = distance(key, candidate);
      if (!best || d < best.d) best = { key: candidate, d };
    }
    if (!best || best.d > Math.max(1, Math.floor(key.length / 4))) return how;
    const [id] = [...this.byName.get(best.key)!] as [string];
    const code = id.startsWith(NOT_DRAWN) ? id.slice(NOT_DRAWN.length) : this.codeOf(id);
    return `${how}; did you mean "${this.spelled.get(best.key)}" (${code})?`;
  }
}

let shared: CountryResolver | null = null;

/** Countries as the data may write them, resolved against the world's (built once). */
export function countryResolver(): CountryResolver {
  return (shared ??= new CountryResolver(worldCountries()));
}
