/**
 * The embed snippet's resizing listener, for the page around the frame: it makes each frame
 * that came with the snippet (`iframe[data-claim-map]`) as tall as the height its own page
 * says (`embed/height.ts`), within bounds. It goes into other people's pages as a script of a
 * few hundred bytes (`snippet.ts` imports it compiled, with `?script`): it imports nothing but
 * the message's name.
 */
import { HEIGHT_MESSAGE } from './height.ts';

/** The frame's height is kept within these, whatever a message says (pixels). */
const MIN_HEIGHT = 200;
const MAX_HEIGHT = 6000;

export default function listenForHeights(): void {
  addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data;
    if (!data || typeof data !== 'object') return;
    const { type, height } = data as { type?: unknown; height?: unknown };
    if (type !== HEIGHT_MESSAGE || typeof height !== 'number') return;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-claim-map]'))
      if (frame.contentWindow === event.source)
        frame.style.height = `${Math.max(MIN_HEIGHT, Math.min(height, MAX_HEIGHT))}px`;
  });
}
