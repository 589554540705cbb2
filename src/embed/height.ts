/**
 * Telling the page around an embed how tall it is, in every dialect a host may speak:
 * - pym.js v1 (`new pym.Parent(...)`): the string `pymxPYMx<id>xPYMxheightxPYMx<px>`, for the
 *   id pym put in the frame's URL as `childId`;
 * - the generated snippet's listener: `{ type: 'claim-map:height', height }`;
 * - AMP's `amp-iframe`: `{ sentinel: 'amp', type: 'embed-size', height }`.
 * Messages from the parent are untrusted: only a pym width message, or AMP's reply, is acted on
 * (by sending the height again); anything else is ignored.
 */

export const PYM_DELIMITER = 'xPYMx';

/** The `type` of the generated snippet's height message (`embed/resize.ts` listens for it). */
export const HEIGHT_MESSAGE = 'claim-map:height';

export type HeightMessage =
  string | { type: typeof HEIGHT_MESSAGE; height: number } | { sentinel: 'amp'; type: 'embed-size'; height: number };

/** The messages that tell a parent the embed's height, for a pym child id (or none). */
export function heightMessages(height: number, pymId: string | null): HeightMessage[] {
  const px = Math.ceil(height);
  const messages: HeightMessage[] = [
    { type: HEIGHT_MESSAGE, height: px },
    { sentinel: 'amp', type: 'embed-size', height: px },
  ];
  if (pymId) messages.unshift(['pym', pymId, 'height', String(px)].join(PYM_DELIMITER));
  return messages;
}

/** A pym child id as pym.js writes it in the frame's URL: letters, digits, - and _ only. */
export function pymChildId(search: string): string | null {
  let id: string | null;
  try {
    id = new URLSearchParams(search).get('childId');
  } catch {
    return null;
  }
  return id && /^[\w-]{1,100}$/.test(id) ? id : null;
}

/** Whether a message from the parent asks for the height again (pym's width, AMP's reply). */
export function asksForHeight(data: unknown, pymId: string | null): boolean {
  if (typeof data === 'string') {
    const parts = data.split(PYM_DELIMITER);
    return !!pymId && parts.length === 4 && parts[0] === 'pym' && parts[1] === pymId && parts[2] === 'width';
  }
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { sentinel?: unknown }).sentinel === 'amp' &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('embed-size')
  );
}

/**
 * Whether a message event is one to act on: from the parent frame, from an allowed origin when
 * a list is configured (story.json, `embed.allowedParentOrigins`), and asking for the height.
 */
export function acceptMessage(
  event: Pick<MessageEvent, 'data' | 'origin'>,
  pymId: string | null,
  allowedOrigins: readonly string[] = [],
): boolean {
  if (allowedOrigins.length && !allowedOrigins.includes(event.origin)) return false;
  return asksForHeight(event.data, pymId);
}

/**
 * Reports the document's height to the parent now and whenever it changes. Returns a function
 * that stops. Does nothing outside a frame.
 */
export function reportHeight(win: Window = window, allowedOrigins: readonly string[] = []): () => void {
  if (win.parent === win) return () => {};
  const pymId = pymChildId(win.location.search);
  const doc = win.document.documentElement;
  let last = -1;
  const send = (force = false) => {
    const height = Math.ceil(doc.getBoundingClientRect().height);
    if (!force && height === last) return;
    last = height;
    for (const message of heightMessages(height, pymId)) win.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(() => send());
  observer.observe(doc);
  const onMessage = (event: MessageEvent) => {
    if (event.source === win.parent && acceptMessage(event, pymId, allowedOrigins)) send(true);
  };
  win.addEventListener('message', onMessage);
  send(true);
  return () => {
    observer.disconnect();
    win.removeEventListener('message', onMessage);
  };
}
