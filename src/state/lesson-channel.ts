/**
 * What the classroom's two windows say to each other over their BroadcastChannel: one room (the
 * presenting view) and a presenter view share one lesson, its claims, step and stage, the room's
 * blank screen and its display (text size, contrast, full screen, staged reveal). Every message
 * from the channel is checked here before it is believed.
 */

/** The room's display, which the presenter view shows and may change. */
export interface RoomDisplay {
  scale: number;
  projector: boolean;
  fullscreen: boolean;
  staged: boolean;
}

export type LessonMessage =
  /** Where the lesson is: its claims (empty: all), its step and the stage shown of it. */
  | { type: 'claim-map/lesson'; claims: string[]; step: number; stage: number }
  | { type: 'claim-map/blank'; on: boolean }
  /** The room's display as it is (from the room), or as the presenter asks it to be. */
  | { type: 'claim-map/display'; display: Partial<RoomDisplay> }
  /** A window that just opened (and a presenter view, now and then) asks where the lesson is. */
  | { type: 'claim-map/hello' }
  /** The room is closing. */
  | { type: 'claim-map/bye' };

const isIds = (v: unknown): v is string[] => Array.isArray(v) && v.every((id) => typeof id === 'string');

const DISPLAY_CHECKS: Record<keyof RoomDisplay, (v: unknown) => boolean> = {
  scale: (v) => typeof v === 'number' && Number.isFinite(v),
  projector: (v) => typeof v === 'boolean',
  fullscreen: (v) => typeof v === 'boolean',
  staged: (v) => typeof v === 'boolean',
};

function isDisplay(v: unknown): v is Partial<RoomDisplay> {
  if (typeof v !== 'object' || v === null) return false;
  return Object.entries(v).every(([k, value]) => k in DISPLAY_CHECKS && DISPLAY_CHECKS[k as keyof RoomDisplay](value));
}

export function isLessonMessage(data: unknown): data is LessonMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'claim-map/lesson':
      return isIds(m.claims) && Number.isInteger(m.step) && Number.isInteger(m.stage);
    case 'claim-map/blank':
      return typeof m.on === 'boolean';
    case 'claim-map/display':
      return isDisplay(m.display);
    case 'claim-map/hello':
    case 'claim-map/bye':
      return true;
    default:
      return false;
  }
}

/** How often a presenter view asks whether a room is there, and how long a silence means none is. */
export const ROOM_PING_MS = 3_000;
export const ROOM_SILENCE_MS = 7_000;
