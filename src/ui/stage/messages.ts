/** What the map stage tells a screen reader about the zoomable map, as things stand. */

/** How the reader's request for the zoomable map (the "Zoom and pan" button) is going; empty before one. */
export function requestNews(requested: boolean, state: string): string {
  if (!requested) return '';
  if (state === 'loading') return 'Loading the zoomable map…';
  if (state === 'fallback') return 'The zoomable map could not load here; this map still shows every claim.';
  return 'The zoomable map is ready.';
}

/** How to move the map: by what starts the zoomable one (`intent` or the button) while it waits, or its keys. */
export function keysHelp(state: string, startsOn: string | null): string {
  if (state === 'standby')
    return startsOn === 'intent'
      ? 'Moving the pointer or the focus into the map loads a map you can zoom and pan: once it has focus, drag or use the arrow keys to pan, and plus or minus to zoom.'
      : 'The “Zoom and pan” button loads a map you can zoom and pan.';
  if (state === 'fallback') return 'This map cannot be zoomed or panned in this browser.';
  return 'Once the map has focus, drag or use the arrow keys to pan, and plus or minus to zoom.';
}
