export const HISTORY_KEY = 'claim-map-studio:history';

/** What a `History` keeps across a reload: its snapshots. */
export interface SavedHistory {
  past: string[];
  current: string;
  future: string[];
}

/**
 * Undo and redo over snapshots of the draft (as JSON text: cheap to compare, immune to later
 * edits). Kept across a reload in the tab's `sessionStorage` (`keep`, `History.kept`): another
 * tab has its own, and the oldest steps go first where the storage is full.
 */
export class History {
  private past: string[] = [];
  private future: string[] = [];
  constructor(
    private current: string,
    private readonly limit = 200,
  ) {}

  /** The history `storage` keeps for the draft whose snapshot is `current`, else a new one. */
  static kept(storage: Storage, current: string): History {
    const history = new History(current);
    try {
      const saved = JSON.parse(storage.getItem(HISTORY_KEY) ?? 'null') as SavedHistory | null;
      const strings = (list: unknown) => Array.isArray(list) && list.every((s) => typeof s === 'string');
      if (saved?.current === current && strings(saved.past) && strings(saved.future)) {
        history.past = saved.past;
        history.future = saved.future;
      }
    } catch {
      // Unreadable: a new history.
    }
    return history;
  }

  /** Writes the history to `storage`, leaving out the oldest steps until it fits. */
  keep(storage: Storage): void {
    for (let drop = 0; drop <= this.past.length; drop = Math.max(1, drop * 2)) {
      const saved: SavedHistory = { past: this.past.slice(drop), current: this.current, future: this.future };
      try {
        storage.setItem(HISTORY_KEY, JSON.stringify(saved));
        return;
      } catch {
        // Full: try with fewer steps.
      }
    }
  }

  /** Records `next` as the new present; the same text again is no change. */
  push(next: string): boolean {
    if (next === this.current) return false;
    this.past.push(this.current);
    if (this.past.length > this.limit) this.past.shift();
    this.current = next;
    this.future = [];
    return true;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): string | null {
    return this.step(this.past, this.future);
  }

  redo(): string | null {
    return this.step(this.future, this.past);
  }

  /** The present goes onto `to`, the last of `from` becomes the present. */
  private step(from: string[], to: string[]): string | null {
    const next = from.pop();
    if (next === undefined) return null;
    to.push(this.current);
    this.current = next;
    return next;
  }
}
