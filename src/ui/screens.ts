/**
 * The screens the page's chrome tells apart, and the classroom's text sizes, named once. Scripts
 * read them here (`matchMedia`, the key's `foldOn`); component styles name them as custom media,
 * `@media (--narrow)`, which the build replaces with these queries (`build/media.ts`: browsers do
 * not read custom media yet, and a CSS variable cannot stand in a media query).
 */

/** Below this width the map and the text stack rather than stand side by side. */
const NARROW_WIDTH = '52rem';
/** A phone held upright: narrow enough to stack whatever the screen's height. */
const PHONE_WIDTH = '36rem';
/** Shorter than this, a narrow screen keeps two columns (a phone on its side, a laptop at 200 %). */
const STACK_MIN_HEIGHT = '30rem';

export const MEDIA = {
  /** A narrow screen: the key starts folded, the classroom stacks its map above its text. */
  narrow: `(max-width: ${NARROW_WIDTH})`,
  /** The reader's stacked page: the map fixed at the top, the article beneath. */
  stacked: `screen and (max-width: ${PHONE_WIDTH}), screen and (max-width: ${NARROW_WIDTH}) and (min-height: ${STACK_MIN_HEIGHT})`,
} as const;

export type MediaName = keyof typeof MEDIA;

/** The classroom's text size (A− / A+): a factor on its type, from `min` to `max` by `step`. */
export const TEXT_SCALE = { min: 0.8, max: 1.6, step: 0.1, initial: 1 } as const;

/** A text size one step smaller (`-1`) or larger (`1`), kept within the limits. */
export function stepTextScale(scale: number, direction: -1 | 1): number {
  const next = +(scale + direction * TEXT_SCALE.step).toFixed(1);
  return Math.min(TEXT_SCALE.max, Math.max(TEXT_SCALE.min, next));
}

/** A remembered text size, if it is one the controls could have set; otherwise the initial size. */
export function validTextScale(value: unknown): number {
  return typeof value === 'number' && value >= TEXT_SCALE.min && value <= TEXT_SCALE.max ? value : TEXT_SCALE.initial;
}
