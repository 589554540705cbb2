/**
 * The story.json a new story starts with (`npm run story:new`, the studio's "Start from text"):
 * nothing known about the article (null, never invented), no region (the build frames the
 * places), and the credit for the geography every story is drawn on.
 */
import type { StoryJson } from '../story/types.ts';

export function blankStoryJson(): StoryJson {
  return {
    article: { author: null, outlet: null, url: null, published: null, genre: null },
    credits: [
      {
        text: 'Boundaries and coasts: Natural Earth 1:50m, via world-atlas. Boundaries follow Natural Earth’s default depiction.',
        url: 'https://www.naturalearthdata.com/',
      },
    ],
  };
}
