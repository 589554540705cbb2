/**
 * The classroom's preferences, the only thing the page stores: the text size and the projector
 * theme, remembered in the browser's storage between visits.
 */
import { TEXT_SCALE, validTextScale } from './screens';

export interface PresentPrefs {
  scale: number;
  projector: boolean;
}

const KEY = 'claim-map:present';

/** The browser's storage, where there is one (a refused one throws on reading it too). */
const local = (): Pick<Storage, 'getItem' | 'setItem'> => globalThis.localStorage;

/** The remembered preferences, or the defaults where none (or none the controls could set) are stored. */
export function loadPrefs(storage = local): PresentPrefs {
  try {
    const saved = JSON.parse(storage().getItem(KEY) ?? '{}') as { scale?: unknown; projector?: unknown };
    return { scale: validTextScale(saved.scale), projector: saved.projector === true };
  } catch {
    // Unreadable or refused storage (or no page at all): the defaults stand.
    return { scale: TEXT_SCALE.initial, projector: false };
  }
}

export function savePrefs(prefs: PresentPrefs, storage = local): void {
  try {
    storage().setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage refused (private mode, an iframe): preferences last for this visit only.
  }
}

/** Whether a lesson is shown in stages, remembered per lesson: its claims, in order (none: the whole story). */
const stagedKey = (claims: readonly string[]) => `claim-map:staged:${claims.join(',') || '*'}`;

export function loadStaged(claims: readonly string[], storage = local): boolean {
  try {
    return storage().getItem(stagedKey(claims)) === 'on';
  } catch {
    return false;
  }
}

export function saveStaged(claims: readonly string[], on: boolean, storage = local): void {
  try {
    storage().setItem(stagedKey(claims), on ? 'on' : 'off');
  } catch {
    // Storage refused: the choice lasts for this visit only.
  }
}
