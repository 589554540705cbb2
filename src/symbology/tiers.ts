/**
 * Names in three tiers, told apart by size, weight and colour, said once for every renderer (the
 * SVG map and symbol layer, posters, print) and for the layout's text widths (`layout/text.ts`):
 * - `story`: the places the claims name (a claim's ends, areas, borders, and the countries of
 *   the regions and cities it uses): the largest, semibold, darkest;
 * - `context`: their neighbours, the other countries named where room is left: smaller, regular,
 *   the country grey;
 * - `base`: the base map's towns, for orientation only (capitals and the largest cities, no
 *   claim's place): smallest, lightest, at a hollow dot, placed last and dropped first.
 */
import type { MapPalette } from './palette.ts';
import type { NameStyle } from './places.ts';

/** A name's tier: why it is written (`LaidName.rank`). */
export type NameRank = 'story' | 'context' | 'base';

/** How a name of a tier and style is set: type size (CSS px, at scale 1), weight, palette colour. */
export interface NameLook {
  size: number;
  weight: 400 | 600;
  colour: keyof Pick<MapPalette, 'placeLabel' | 'countryLabel' | 'contextLabel'>;
}

export const NAME_TIERS: Readonly<Record<NameRank, Readonly<Record<NameStyle, NameLook>>>> = {
  story: {
    country: { size: 12, weight: 600, colour: 'placeLabel' },
    region: { size: 12, weight: 600, colour: 'placeLabel' },
    place: { size: 13, weight: 600, colour: 'placeLabel' },
  },
  context: {
    country: { size: 11, weight: 400, colour: 'countryLabel' },
    region: { size: 11, weight: 400, colour: 'countryLabel' },
    place: { size: 12, weight: 400, colour: 'countryLabel' },
  },
  base: {
    country: { size: 11, weight: 400, colour: 'contextLabel' },
    region: { size: 11, weight: 400, colour: 'contextLabel' },
    place: { size: 11, weight: 400, colour: 'contextLabel' },
  },
};

/** How a name of `rank` and `style` is set. */
export const nameLook = (rank: NameRank, style: NameStyle): NameLook => NAME_TIERS[rank][style];

/** The smallest type any tier sets: what a projector's scale is worked out from. */
export const SMALLEST_NAME = Math.min(
  ...Object.values(NAME_TIERS).flatMap((tier) => Object.values(tier).map((l) => l.size)),
);

/** A base-map town's dot: hollow (a claim's city has a filled one), smaller, its stroke in CSS px. */
export const CONTEXT_DOT = { radius: 2.5, stroke: 1.2 };
