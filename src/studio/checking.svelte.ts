/**
 * The build's checks, run as the draft changes (after a pause: preparing a story takes a moment),
 * in a worker (`check.worker.ts`), the latest draft only. Made while a component starts: its
 * effect belongs to that component.
 */
import type { Draft, EngineFiles, Verdict } from './draft';

export class DraftCheck {
  verdict = $state<Verdict>({ problems: [], warnings: [], story: null, partial: true });
  checking = $state(true);
  private readonly worker: Worker;
  private asked = 0;
  private waiting: (() => void)[] = [];

  /** Checks the draft whose text `snapshot` reads, again each time it changes. */
  constructor(engine: EngineFiles, snapshot: () => string) {
    this.worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
    this.worker.postMessage({ engine });
    this.worker.onmessage = (event: MessageEvent<{ id: number; verdict: Verdict }>) => {
      if (event.data.id !== this.asked) return;
      this.verdict = event.data.verdict;
      this.checking = false;
      for (const done of this.waiting.splice(0)) done();
    };
    $effect(() => {
      const text = snapshot();
      this.checking = true;
      const timer = setTimeout(
        () => this.worker.postMessage({ draft: JSON.parse(text) as Draft, id: ++this.asked }),
        150,
      );
      return () => clearTimeout(timer);
    });
  }

  /** Resolves once the draft as it is now has been checked. */
  settled(): Promise<void> {
    return this.checking ? new Promise((done) => this.waiting.push(done)) : Promise.resolve();
  }

  close() {
    this.worker.terminate();
  }
}
