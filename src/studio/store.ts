/**
 * The draft kept in the browser (`localStorage`): written on every change, so a reload or a crash
 * loses nothing. Each write carries the writing tab's id and a revision; a tab that sees another
 * tab write the same draft (the `storage` event) stops writing and asks, so two tabs never
 * overwrite each other silently.
 */
import type { Draft } from './draft';

export const DRAFT_KEY = 'claim-map-studio:draft';

export interface Saved {
  draft: Draft;
  /** The tab that wrote it, and how many writes the draft has had. */
  tab: string;
  revision: number;
  /** When the draft was last downloaded, by revision (null if never). */
  downloaded: number | null;
}

/** The saved draft, or null if there is none or it cannot be read. */
export function loadSaved(storage: Storage): Saved | null {
  try {
    const saved = JSON.parse(storage.getItem(DRAFT_KEY) ?? 'null') as Saved | null;
    return saved && typeof saved === 'object' && saved.draft && typeof saved.revision === 'number' ? saved : null;
  } catch {
    return null;
  }
}

export class DraftStore {
  readonly tab = Math.random().toString(36).slice(2);
  revision = 0;
  /** Set when another tab wrote the draft after this one: this tab writes nothing until told. */
  conflict: Saved | null = null;
  private readonly listener: (event: StorageEvent) => void;

  constructor(
    private readonly storage: Storage,
    private readonly target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
    onconflict: (other: Saved) => void,
  ) {
    this.listener = (event) => {
      if (event.key !== DRAFT_KEY || event.storageArea !== this.storage) return;
      const other = loadSaved(this.storage);
      if (other && other.tab !== this.tab) {
        this.conflict = other;
        onconflict(other);
      }
    };
    target.addEventListener('storage', this.listener as EventListener);
  }

  /** Writes the draft unless another tab's write is pending a decision; false if not written. */
  save(draft: Draft, downloaded: number | null): boolean {
    if (this.conflict) return false;
    const stored = loadSaved(this.storage);
    // Another tab wrote since this one last did (and its event has not come yet).
    if (stored && stored.tab !== this.tab && stored.revision > this.revision) {
      this.conflict = stored;
      return false;
    }
    this.revision = Math.max(this.revision, stored?.revision ?? 0) + 1;
    const saved: Saved = { draft, tab: this.tab, revision: this.revision, downloaded };
    this.storage.setItem(DRAFT_KEY, JSON.stringify(saved));
    return true;
  }

  /** Starts from what is stored now (a draft opened from it, or replacing it on purpose). */
  adopt(): void {
    this.revision = loadSaved(this.storage)?.revision ?? 0;
    this.conflict = null;
  }

  /** Takes over after a conflict: this tab's draft wins (`keep`) or the other's is adopted. */
  resolve(): void {
    if (this.conflict) this.revision = this.conflict.revision;
    this.conflict = null;
  }

  clear(): void {
    this.storage.removeItem(DRAFT_KEY);
    this.revision = 0;
  }

  close(): void {
    this.target.removeEventListener('storage', this.listener as EventListener);
  }
}
