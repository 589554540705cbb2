/**
 * Every view's address, one schema: a single `parseAddress` / `serializeAddress` pair for the
 * reader (`?claim=a,b`), the classroom (`?mode=present&step=4&autoplay=10`, or `&claim=a,b` to
 * present just those, in that order), the presenter view (`?mode=presenter&step=4`) and the embed
 * (`embed.html?claim=a&theme=dark&legend=off&text=on`). The embed snippet, the presenter link and
 * the address bar are all written by `serializeAddress`.
 *
 * Parsing treats every input as hostile: only ids the story knows are kept, everything else is
 * reported back as unknown (shortened, control characters replaced) so the page can say so as
 * plain text. Parameters the schema does not own (`utm_source`, say) are kept as they came.
 */

export type Mode = 'read' | 'present' | 'presenter' | 'embed';
export const MODES: readonly Mode[] = ['read', 'present', 'presenter', 'embed'];

/** The embed's colour scheme: its own, or the reader's setting. */
export type ThemeChoice = 'light' | 'dark' | 'auto';

export interface Address {
  mode: Mode;
  /**
   * Claim ids, known to the story, each once: the reader's and embed's selection (shown in the
   * story's order), or the claims to present, in the order given.
   */
  claims: string[];
  /** The classroom's step, from 1; null for the first. */
  step: number | null;
  /** A kiosk's seconds per step (3 s to 10 min); null for none. */
  autoplay: number | null;
  /** The embed's options. */
  theme: ThemeChoice;
  legend: boolean;
  text: boolean;
  /** Parameters this schema does not own, kept in order as they came. */
  extra: [string, string][];
}

export interface ParsedAddress {
  address: Address;
  /** Ids asked for that the story does not have (shortened, for display as text). */
  unknown: string[];
}

/** The address of a page with nothing asked for: `index.html` is the reader, `embed.html` the embed. */
export function defaultAddress(mode: Mode = 'read'): Address {
  return { mode, claims: [], step: null, autoplay: null, theme: 'auto', legend: true, text: false, extra: [] };
}

/** The parameters the schema owns; everything else is `extra`. */
export const ADDRESS_PARAMETERS = ['mode', 'claim', 'step', 'autoplay', 'theme', 'legend', 'text'] as const;
const OWNED = new Set<string>(ADDRESS_PARAMETERS);

/** Longest id the page will echo back in a note. */
const MAX_ECHO = 60;
/** More ids than any story has: the rest of a pathological list is ignored. */
const MAX_IDS = 50;
/** More steps than any story has. */
const MAX_STEP = 999_999;

function safeParams(search: string): URLSearchParams {
  try {
    return new URLSearchParams(search);
  } catch {
    return new URLSearchParams();
  }
}

function onOff(value: string | null, fallback: boolean): boolean {
  if (value === null) return fallback;
  if (/^(on|true|1|yes)$/i.test(value)) return true;
  if (/^(off|false|0|no)$/i.test(value)) return false;
  return fallback;
}

/** An id as the page may echo it: shortened by code point, control and format characters replaced. */
function echo(id: string): string {
  const points = Array.from(id);
  const short = points.length > MAX_ECHO ? `${points.slice(0, MAX_ECHO).join('')}…` : id;
  // U+202E reverses text, and the like: they would only mislead the reader.
  return short.replace(/[\p{Cc}\p{Cf}]/gu, '�');
}

/**
 * Reads an address. `pageMode` is the mode of the page itself (`embed.html` is an embed without
 * saying so); `?mode=` overrides it.
 */
export function parseAddress(search: string, knownIds: readonly string[], pageMode: Mode = 'read'): ParsedAddress {
  const params = safeParams(search);
  const mode = params.get('mode');
  const asked = params
    .getAll('claim')
    .join(',')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_IDS);
  const known = new Set(knownIds);
  const step = params.get('step');
  const autoplay = params.get('autoplay');
  const theme = params.get('theme');
  return {
    address: {
      mode: MODES.includes(mode as Mode) ? (mode as Mode) : pageMode,
      claims: [...new Set(asked.filter((id) => known.has(id)))],
      step: step !== null && /^\s*\d{1,6}\s*$/.test(step) ? Math.min(MAX_STEP, Math.max(1, Number(step))) : null,
      autoplay:
        autoplay !== null && /^\s*\d{1,6}(\.\d+)?\s*$/.test(autoplay)
          ? Math.min(600, Math.max(3, Number(autoplay)))
          : null,
      theme: theme === 'dark' || theme === 'light' ? theme : 'auto',
      legend: onOff(params.get('legend'), true),
      text: onOff(params.get('text'), false),
      extra: [...params].filter(([key]) => !OWNED.has(key)),
    },
    unknown: [...new Set(asked.filter((id) => !known.has(id)))].map(echo),
  };
}

/**
 * The query string of an address (with its `?`, or empty), defaults left out. `pageMode` is the
 * mode of the page it is for, which needs no `mode` parameter.
 */
export function serializeAddress(address: Address, pageMode: Mode = 'read'): string {
  const params = new URLSearchParams();
  if (address.mode !== pageMode) params.set('mode', address.mode);
  if (address.claims.length) params.set('claim', address.claims.join(','));
  if (address.step !== null) params.set('step', String(address.step));
  if (address.autoplay !== null) params.set('autoplay', String(address.autoplay));
  if (address.theme !== 'auto') params.set('theme', address.theme);
  if (!address.legend) params.set('legend', 'off');
  if (address.text) params.set('text', 'on');
  for (const [key, value] of address.extra) params.append(key, value);
  // Commas stay commas: ids are slugs, and `claim=a,b` is what people read and type.
  const query = params.toString().replace(/%2C/gi, ',');
  return query ? `?${query}` : '';
}

/** The page a mode lives on, relative to the site's root. */
export function pageFor(mode: Mode): string {
  return mode === 'embed' ? 'embed.html' : './';
}

/** A link to an address on the site whose reader page is `siteUrl`: absolute, for snippets. */
export function addressUrl(siteUrl: string, address: Address): string {
  const pageMode: Mode = address.mode === 'embed' ? 'embed' : 'read';
  const url = new URL(pageFor(pageMode), siteUrl);
  url.search = serializeAddress(address, pageMode);
  url.hash = '';
  return url.href;
}
