/**
 * The classroom's shared state: the current step, kept in the URL (`&step=<n>`) and in step
 * between the presenting window and the presenter view over a BroadcastChannel. Either window
 * can drive; messages from the channel are checked before they are believed.
 */
import { applyStep, stepsFor, type Step, type StepAction } from './steps.ts';
import type { Story } from '../story/types.ts';
import { parseStep, withParam } from './url.ts';

interface StepMessage {
  type: 'claim-map/step';
  step: number;
}

function isStepMessage(data: unknown): data is StepMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as StepMessage).type === 'claim-map/step' &&
    Number.isInteger((data as StepMessage).step)
  );
}

export class Classroom {
  readonly steps: Step[];
  /** 1-based. */
  step = $state(1);
  #channel: BroadcastChannel | null = null;

  constructor(story: Story, search: string) {
    this.steps = stepsFor(story.claims);
    this.step = parseStep(search, this.steps.length) ?? 1;
    if (typeof BroadcastChannel !== 'undefined') {
      // One channel per story, so two lessons in two tabs do not drive each other.
      this.#channel = new BroadcastChannel(`claim-map:${story.article.title}`);
      this.#channel.onmessage = (event: MessageEvent) => {
        if (isStepMessage(event.data))
          this.step = applyStep(this.step, this.count, { type: 'goto', step: event.data.step });
      };
    }
  }

  get count(): number {
    return this.steps.length;
  }

  get current(): Step {
    return this.steps[this.step - 1]!;
  }

  get next(): Step | null {
    return this.steps[this.step] ?? null;
  }

  /** Moves, tells the other window, and returns whether the step changed. */
  go(action: StepAction): boolean {
    const step = applyStep(this.step, this.count, action);
    if (step === this.step) return false;
    this.step = step;
    this.#channel?.postMessage({ type: 'claim-map/step', step } satisfies StepMessage);
    return true;
  }

  /** The current URL's query with this step in it. */
  search(current: string): string {
    return withParam(current, 'step', String(this.step));
  }

  close(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}
