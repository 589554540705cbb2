/** Undo and redo over snapshots of the draft (as JSON text: cheap to compare, immune to later edits). */
export class History {
  private past: string[] = [];
  private future: string[] = [];
  constructor(
    private current: string,
    private readonly limit = 200,
  ) {}

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
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(this.current);
    this.current = previous;
    return previous;
  }

  redo(): string | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(this.current);
    this.current = next;
    return next;
  }
}
