/**
 * The colours of the page and of the map, per theme: `light` and `dark` (the reader's setting, or
 * the embed's `theme`), and `projector` (the classroom's high-contrast theme: a black panel, and a
 * light map with firmer lines, which a washed-out projector still shows).
 *
 * Every renderer reads these: the MapLibre style, the SVG map and symbol layer (through the CSS
 * variables `css.ts` generates from this table), the posters, and the page's own chrome.
 */

export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

/** The map's ground and names. */
export interface MapPalette {
  water: string;
  land: string;
  coast: string;
  border: string;
  /** The casing under an arrow and the halo around a marker: the ground's own colour. */
  halo: string;
  countryLabel: string;
  placeLabel: string;
  /** The base map's towns, named for orientation only: quieter than any claim's or country's name. */
  contextLabel: string;
  /** The key, over the map. */
  keyBg: string;
  keyFg: string;
}

/** The page around the map: panels, text, rules and marks. */
export interface PagePalette {
  bg: string;
  fg: string;
  muted: string;
  rule: string;
  ruleStrong: string;
  link: string;
  focus: string;
  /** The quoted words, marked. */
  highlight: string;
  /** Text on `highlight`. */
  highlightFg: string;
  noticeBg: string;
  noticeRule: string;
  /** The main action (Next, Copy): a filled button. */
  accent: string;
  accentFg: string;
}

export interface Palette {
  map: MapPalette;
  page: PagePalette;
}

const LIGHT_MAP: MapPalette = {
  water: '#d5e3ec',
  land: '#f6f4ef',
  coast: '#7d96a6',
  border: '#8c877e',
  halo: '#ffffff',
  countryLabel: '#5a554d',
  placeLabel: '#1d1d1b',
  contextLabel: '#77726a',
  keyBg: 'rgb(255 255 255 / 0.93)',
  keyFg: '#1d1d1b',
};

export const PALETTES: Record<Theme, Palette> = {
  light: {
    map: LIGHT_MAP,
    page: {
      bg: '#ffffff',
      fg: '#1d1d1b',
      muted: '#55524c',
      rule: '#dedad2',
      ruleStrong: '#9a958c',
      link: '#1f5a9e',
      focus: '#1f5fa8',
      highlight: '#fff0a8',
      highlightFg: '#1d1d1b',
      noticeBg: '#fff7dc',
      noticeRule: '#a35a00',
      accent: '#1f5fa8',
      accentFg: '#ffffff',
    },
  },
  dark: {
    map: {
      water: '#17232e',
      land: '#2b2e33',
      coast: '#5d7686',
      border: '#80848b',
      halo: '#101418',
      countryLabel: '#c9c5bd',
      placeLabel: '#f2f2f2',
      contextLabel: '#a19d96',
      keyBg: 'rgb(30 33 37 / 0.94)',
      keyFg: '#f2f2f2',
    },
    page: {
      bg: '#16181b',
      fg: '#ececec',
      muted: '#b9b9b9',
      rule: '#33373c',
      ruleStrong: '#7d838a',
      link: '#9cc3ff',
      focus: '#9cc3ff',
      highlight: '#5a4b00',
      highlightFg: '#ececec',
      noticeBg: '#3a3000',
      noticeRule: '#f2a94a',
      accent: '#1f5fa8',
      accentFg: '#ffffff',
    },
  },
  projector: {
    map: {
      ...LIGHT_MAP,
      coast: '#4f6b7d',
      border: '#5e5850',
      countryLabel: '#2b2824',
      placeLabel: '#000000',
      contextLabel: '#4a4640',
    },
    page: {
      bg: '#000000',
      fg: '#ffffff',
      muted: '#e6e6e6',
      rule: '#5c5c5c',
      ruleStrong: '#bdbdbd',
      link: '#9cc3ff',
      focus: '#ffe14d',
      highlight: '#ffe14d',
      highlightFg: '#000000',
      noticeBg: '#3a3000',
      noticeRule: '#f2a94a',
      accent: '#ffe14d',
      accentFg: '#000000',
    },
  },
};

/** Which kind colours a theme's map uses: the projector's map is a light one. */
export function mapTone(theme: Theme): 'light' | 'dark' {
  return theme === 'dark' ? 'dark' : 'light';
}
