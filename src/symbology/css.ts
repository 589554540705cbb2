/**
 * The palettes as CSS custom properties, generated (never written by hand): the page's chrome,
 * the SVG map and its symbol layer read `var(--map-land)` and the like. The build serves this as
 * `virtual:palette.css` (`build/plugin.ts`).
 *
 * The page follows the reader's colour scheme; an element with `data-theme` (the map, an embed,
 * the classroom) takes that theme's colours for itself and everything inside it.
 */
import { kindColor, LOOK_NAMES } from './claims.ts';
import { PALETTES, THEMES, type Palette, type Theme } from './palette.ts';

/** `ruleStrong` to `--rule-strong`. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A map colour as its theme's CSS value (`placeLabel` to `var(--map-place-label)`): themes swap it. */
export function mapColour(name: keyof Palette['map']): string {
  return `var(--map-${kebab(name)})`;
}

/** The custom property that holds a look's colour, for chrome drawn in it (the article's badges). */
export function kindVariable(look: string): string {
  return `--kind-${look}`;
}

/** Every custom property a theme sets: `--bg`, `--map-water`, `--kind-drugs`, … */
export function paletteVariables(theme: Theme): Record<string, string> {
  const palette: Palette = PALETTES[theme];
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(palette.page)) vars[`--${kebab(name)}`] = value;
  for (const [name, value] of Object.entries(palette.map)) vars[`--map-${kebab(name)}`] = value;
  for (const look of LOOK_NAMES) vars[kindVariable(look)] = kindColor(look, theme);
  return vars;
}

function block(selector: string, theme: Theme, scheme: string): string {
  const lines = Object.entries(paletteVariables(theme)).map(([name, value]) => `  ${name}: ${value};`);
  return `${selector} {\n  color-scheme: ${scheme};\n${lines.join('\n')}\n}`;
}

export function paletteCss(): string {
  return [
    block(':root', 'light', 'light dark'),
    `@media (prefers-color-scheme: dark) {\n${block(':root', 'dark', 'light dark')}\n}`,
    ...THEMES.map((theme) => block(`[data-theme='${theme}']`, theme, theme === 'dark' ? 'dark' : 'light')),
  ].join('\n');
}
