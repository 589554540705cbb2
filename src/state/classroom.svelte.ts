/**
 * The classroom's controller, shared by the presenting view (`room`) and the presenter view
 * (`presenter`): the steps, the current one (in the page's state, so the URL says it), blanking,
 * the keys help, a number being typed, full screen, and a kiosk's autoplay. Both windows stay in
 * step over a BroadcastChannel, and either can drive; a presenter view joins the room's current
 * step when it opens. Messages from the channel are checked before they are believed.
 */
import { applyStep, clampStep, stepsFor, type Step, type StepAction } from './steps.ts';
import { commandForKey, keyBelongsToTarget, type ClassroomCommand } from './keys.ts';
import type { AppState } from './app.svelte.ts';

type Message =
  | { type: 'claim-map/step'; step: number }
  | { type: 'claim-map/blank'; on: boolean }
  /** A window that just opened asks where the lesson is. */
  | { type: 'claim-map/hello' };

function isMessage(data: unknown): data is Message {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (m.type === 'claim-map/step') return Number.isInteger(m.step);
  if (m.type === 'claim-map/blank') return typeof m.on === 'boolean';
  return m.type === 'claim-map/hello';
}

export type ClassroomRole = 'room' | 'presenter';

/** How long a kiosk waits after the last touch before it steps on its own again. */
const AUTOPLAY_RESUME_MS = 60_000;

export class Classroom {
  readonly steps: Step[];
  readonly role: ClassroomRole;
  /** The screen is blanked (a projector's "B"): the first key after shows it again. */
  blackout = $state(false);
  help = $state(false);
  /** A step number being typed, gone to on Enter. */
  digits = $state('');
  fullscreen = $state(false);
  autoplayPaused = $state(false);
  #app: AppState;
  #channel: BroadcastChannel | null = null;
  #leave: () => void;
  #resume: ReturnType<typeof setTimeout> | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(app: AppState, role: ClassroomRole, leave: () => void = () => {}) {
    this.#app = app;
    this.role = role;
    this.#leave = leave;
    const presented = app.presented.map((id) => app.claimsById.get(id)!).filter(Boolean);
    this.steps = stepsFor(presented.length ? presented : app.story.claims);
    app.step = clampStep(app.step ?? 1, this.steps.length);
    if (typeof BroadcastChannel !== 'undefined') {
      // One channel per story, so two lessons in two tabs do not drive each other.
      this.#channel = new BroadcastChannel(`claim-map:${app.story.article.title}`);
      this.#channel.onmessage = (event: MessageEvent) => this.#receive(event.data);
      if (role === 'presenter') this.#send({ type: 'claim-map/hello' });
    }
  }

  get step(): number {
    return clampStep(this.#app.step ?? 1, this.steps.length);
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

  #send(message: Message): void {
    this.#channel?.postMessage(message);
  }

  #receive(data: unknown): void {
    if (!isMessage(data)) return;
    if (data.type === 'claim-map/step')
      this.#app.step = applyStep(this.step, this.count, { type: 'goto', step: data.step });
    else if (data.type === 'claim-map/blank') this.blackout = data.on;
    // The room answers a new window with where the lesson is.
    else if (this.role === 'room') {
      this.#send({ type: 'claim-map/step', step: this.step });
      if (this.blackout) this.#send({ type: 'claim-map/blank', on: true });
    }
  }

  /** Moves, tells the other window, and returns whether the step changed. */
  go(action: StepAction): boolean {
    const step = applyStep(this.step, this.count, action);
    if (step === this.step) return false;
    this.#app.step = step;
    this.#send({ type: 'claim-map/step', step });
    return true;
  }

  setBlackout(on: boolean): void {
    this.blackout = on;
    this.#send({ type: 'claim-map/blank', on });
  }

  /** Does what a key, a button or a swipe asks. */
  run(command: ClassroomCommand): void {
    if (command.type !== 'digit') this.digits = '';
    switch (command.type) {
      case 'digit':
        this.digits = (this.digits + command.digit).slice(-4);
        return;
      case 'fullscreen':
        return void this.#toggleFullscreen();
      case 'blackout':
        return this.setBlackout(!this.blackout);
      case 'help':
        this.help = !this.help;
        return;
      case 'escape':
        if (this.help) this.help = false;
        else if (this.blackout) this.setBlackout(false);
        else if (document.fullscreenElement) void document.exitFullscreen();
        else this.#leave();
        return;
      default:
        // A blanked screen is shown again first, as presentation tools do: the step waits.
        if (this.blackout) return this.setBlackout(false);
        this.go(command);
    }
  }

  /**
   * The one key handler of both views, on the window in the capture phase: a step key steps
   * wherever the focus is, the map's canvas included (which would otherwise pan on arrows).
   */
  readonly keydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || keyBelongsToTarget(event.target as Element | null, event.key)) return;
    const command = commandForKey(event, this.digits);
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();
    this.pauseAutoplay();
    this.run(command);
  };

  async #toggleFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    } catch {
      // Refused (an iframe without allow="fullscreen", say): nothing to do.
    }
  }

  /** Kiosk: steps every `seconds`, looping at the end, unless paused by a person. */
  startAutoplay(seconds: number): void {
    clearInterval(this.#timer);
    this.#timer = setInterval(() => {
      if (this.autoplayPaused) return;
      if (!this.go({ type: 'next' })) this.go({ type: 'first' });
    }, seconds * 1000);
  }

  /** Any input pauses a kiosk; it resumes after a minute alone. */
  pauseAutoplay(): void {
    if (this.#timer === undefined) return;
    this.autoplayPaused = true;
    clearTimeout(this.#resume);
    this.#resume = setTimeout(() => (this.autoplayPaused = false), AUTOPLAY_RESUME_MS);
  }

  /** Follows the document's full screen; returns the cleanup. */
  watchFullscreen(): () => void {
    const update = () => (this.fullscreen = !!document.fullscreenElement);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }

  close(): void {
    clearInterval(this.#timer);
    clearTimeout(this.#resume);
    this.#channel?.close();
    this.#channel = null;
  }
}
