/**
 * The view as a URL: `?claim=<id>` (or several ids, comma-separated). Parsing treats every input
 * as hostile: only ids the story knows are kept, everything else is reported back as unknown so
 * the page can say so politely. Nothing from the URL is ever used as markup.
 */

export interface ViewState {
  /** Selected claim ids, in the story's order. */
  claims: string[];
}

export interface ParsedUrl {
  state: ViewState;
  /** Ids asked for that the story does not have (shortened, for display as text). */
  unknown: string[];
}

/** Longest id the page will echo back in a note. */
const MAX_ECHO = 60;
/** More ids than any story has: the rest of a pathological list is ignored. */
const MAX_IDS = 50;

export function parseUrl(search: string, knownIds: readonly string[]): ParsedUrl {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state: { claims: [] }, unknown: [] };
  }
  const raw = params.getAll('claim').join(',');
  const asked = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_IDS);
  const known = new Set(knownIds);
  const wanted = new Set(asked.filter((id) => known.has(id)));
  const unknown = [...new Set(asked.filter((id) => !known.has(id)))]
    // Cut by code point, so no emoji is split into a lone surrogate.
    .map((id) => (Array.from(id).length > MAX_ECHO ? `${Array.from(id).slice(0, MAX_ECHO).join('')}…` : id))
    // Control and format characters (U+202E reverses text) would only mislead the reader.
    .map((id) => id.replace(/[\p{Cc}\p{Cf}]/gu, '�'));
  return { state: { claims: knownIds.filter((id) => wanted.has(id)) }, unknown };
}

/** The query string for a view, keeping any parameter this module does not own. */
export function serializeUrl(state: ViewState, currentSearch = ''): string {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(currentSearch);
  } catch {
    params = new URLSearchParams();
  }
  params.delete('claim');
  if (state.claims.length) params.set('claim', state.claims.join(','));
  const query = params.toString().replace(/%2C/gi, ',');
  return query ? `?${query}` : '';
}

export type Mode = 'read' | 'present' | 'presenter' | 'embed';

/** `?mode=present`, `presenter` or `embed`; anything else, or nothing, is the reader. */
export function parseMode(search: string): Mode {
  const mode = safeParams(search).get('mode');
  return mode === 'present' || mode === 'presenter' || mode === 'embed' ? mode : 'read';
}

export type Theme = 'light' | 'dark' | 'auto';

export interface EmbedOptions {
  /** Claims to show (one, or several to step through); empty: the overview. */
  claims: string[];
  theme: Theme;
  legend: boolean;
  /** Whether the article's text is shown under the map. */
  text: boolean;
}

function onOff(value: string | null, fallback: boolean): boolean {
  if (value === null) return fallback;
  if (/^(on|true|1|yes)$/i.test(value)) return true;
  if (/^(off|false|0|no)$/i.test(value)) return false;
  return fallback;
}

/** The embed's options: `claim`, `theme` (light, dark, auto), `legend` and `text` (on/off). */
export function parseEmbedOptions(search: string, knownIds: readonly string[]): EmbedOptions & { unknown: string[] } {
  const params = safeParams(search);
  const { state, unknown } = parseUrl(search, knownIds);
  const theme = params.get('theme');
  return {
    claims: state.claims,
    unknown,
    theme: theme === 'dark' || theme === 'light' ? theme : 'auto',
    legend: onOff(params.get('legend'), true),
    text: onOff(params.get('text'), false),
  };
}

/** The query string of an embed with these options (defaults left out). */
export function serializeEmbedOptions(options: EmbedOptions): string {
  const params = new URLSearchParams();
  if (options.claims.length) params.set('claim', options.claims.join(','));
  if (options.theme !== 'auto') params.set('theme', options.theme);
  if (!options.legend) params.set('legend', 'off');
  if (options.text) params.set('text', 'on');
  const query = params.toString().replace(/%2C/gi, ',');
  return query ? `?${query}` : '';
}

/**
 * `?step=<n>`, numbered from 1, clamped to the steps there are; null when absent or not a
 * whole number (the page then starts at step 1).
 */
export function parseStep(search: string, count: number): number | null {
  const raw = safeParams(search).get('step');
  if (raw === null || !/^\s*\d{1,6}\s*$/.test(raw)) return null;
  return Math.min(count, Math.max(1, Number(raw)));
}

/** `&autoplay=<seconds>` for a kiosk: between 3 s and 10 min a step, or null. */
export function parseAutoplay(search: string): number | null {
  const raw = safeParams(search).get('autoplay');
  if (raw === null || !/^\s*\d{1,6}(\.\d+)?\s*$/.test(raw)) return null;
  return Math.min(600, Math.max(3, Number(raw)));
}

/** The query string with `key` set to `value` (or removed for null), other parameters kept. */
export function withParam(search: string, key: string, value: string | null): string {
  const params = safeParams(search);
  if (value === null) params.delete(key);
  else params.set(key, value);
  const query = params.toString().replace(/%2C/gi, ',');
  return query ? `?${query}` : '';
}

function safeParams(search: string): URLSearchParams {
  try {
    return new URLSearchParams(search);
  } catch {
    return new URLSearchParams();
  }
}
