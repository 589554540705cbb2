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
