/**
 * The layout worker: computes the layouts of the views a page's map comes to rest at, off the
 * page's main thread (a layout takes tens to hundreds of milliseconds on a phone). Sent the
 * story's places, flows and geography once (or the story's JSON text), then one request per view; answers with the layout.
 */
import { layoutFor } from './cache.ts';
import { layoutSource, type LayoutSource, type LayoutStory } from './source.ts';
import type { Size, View } from './world.ts';

export type LayoutRequest =
  | { story: LayoutStory }
  /** The story as JSON text: copied to the worker at once, parsed here. */
  | { storyJson: string }
  | { id: number; view: View; size: Size; scale: number };

let source: LayoutSource | null = null;

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const message = event.data;
  if ('story' in message || 'storyJson' in message) {
    source = layoutSource('story' in message ? message.story : (JSON.parse(message.storyJson) as LayoutStory));
    return;
  }
  const { id, view, size, scale } = message;
  self.postMessage({ id, layout: layoutFor(source!, view, size, scale) });
};
