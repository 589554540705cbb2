/**
 * A story's geography made in memory: the world's countries (`world.ts`) cut for a region's
 * bounds (`geo/region.ts`), once per bounds. Browser-safe: the studio's checks make a draft's
 * geography here; the build keeps it in the story's folder, keyed by what it was made from
 * (`build/geography.ts`).
 */
import { buildRegion } from '../../geo/region.ts';
import type { Bounds, RegionTopology } from '../story/types.ts';
import { worldTopology } from './world.ts';

const made = new Map<string, string>();

/** The geography for `bounds`, cut from the world (once per bounds), and its file's text. */
export function makeGeography(bounds: Bounds): { topology: RegionTopology; text: string } {
  const key = JSON.stringify(bounds);
  let text = made.get(key);
  if (text === undefined) {
    text = `${JSON.stringify(buildRegion(worldTopology(), bounds))}\n`;
    made.set(key, text);
  }
  // A copy: the story preparing it may add to it.
  return { topology: JSON.parse(text) as RegionTopology, text };
}
