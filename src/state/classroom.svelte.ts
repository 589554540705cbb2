/**
 * The classroom's controller, shared by the presenting view (`room`) and the presenter view
 * (`presenter`): the lesson's steps (its claims, which either window may change), the current
 * step (in the page's state, so the URL says it) and the stage shown of it, blanking, the keys
 * help, a number being typed, the question before leaving, the room's display, full screen, and
 * a kiosk's autoplay. Both windows share one lesson over a BroadcastChannel (`lesson-channel.ts`):
 * a presenter view, however it was opened, takes on the room's claims, step and display, and says
 * when no room answers.
 */
import { applyMove, stepsFor, clampStep, revealed, type Step, type StepAction } from './steps.ts';
import { commandForKey, DIGITS_TIMEOUT_MS, keyBelongsToTarget, type ClassroomCommand } from './keys.ts';
import {
  isLessonMessage,
  ROOM_PING_MS,
  ROOM_SILENCE_MS,
  type LessonMessage,
  type RoomDisplay,
} from './lesson-channel.ts';
import type { AppState } from './app.svelte.ts';

export type ClassroomRole = 'room' | 'presenter';

/** How long a kiosk waits after the last touch before it steps on its own again. */
const AUTOPLAY_RESUME_MS = 60_000;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

export class Classroom {
  readonly role: ClassroomRole;
  /** The lesson's steps: its claims (all the story's, when none are chosen), then the closing step. */
  readonly steps: Step[] = $derived.by(() => {
    const chosen = this.#app.presented.map((id) => this.#app.claimsById.get(id)!).filter(Boolean);
    return stepsFor(chosen.length ? chosen : this.#app.story.claims);
  });
  /** What of the current step is shown, when the lesson is staged (`steps.ts`). */
  stage = $state(0);
  /** The screen is blanked (a projector's "B"): the first key after shows it again. */
  blackout = $state(false);
  help = $state(false);
  /** A step number being typed, gone to on Enter, forgotten after `DIGITS_TIMEOUT_MS`. */
  digits = $state('');
  /** Esc asked whether to leave the lesson: Esc or Enter again leaves, anything else stays. */
  confirmLeave = $state(false);
  /** The room's display: its own (room), or the room's as last heard (presenter). */
  display = $state<RoomDisplay>({ scale: 1, projector: false, fullscreen: false, staged: false });
  /** A presenter view: whether a room answers (null while first asking). The room: always true. */
  connected = $state<boolean | null>(null);
  autoplayPaused = $state(false);
  #app: AppState;
  #channel: BroadcastChannel | null = null;
  #leave: (() => void) | null;
  #resume: ReturnType<typeof setTimeout> | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #digitsTimer: ReturnType<typeof setTimeout> | undefined;
  #ping: ReturnType<typeof setInterval> | undefined;
  #heard = 0;

  /** `leave`: where Esc (after asking) takes the room; a presenter view has none. */
  constructor(app: AppState, role: ClassroomRole, leave: (() => void) | null = null) {
    this.#app = app;
    this.role = role;
    this.#leave = leave;
    app.step = clampStep(app.step ?? 1, this.steps.length);
    if (role === 'room') this.connected = true;
    if (typeof BroadcastChannel !== 'undefined') {
      // One channel per story, so two lessons in two tabs do not drive each other.
      this.#channel = new BroadcastChannel(`claim-map:${app.story.article.title}`);
      this.#channel.onmessage = (event: MessageEvent) => this.#receive(event.data);
      if (role === 'presenter') this.#listenForRoom();
    } else if (role === 'presenter') this.connected = false;
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

  /** What the current step shows at its stage: the map's drawing, and the note. */
  get shown(): { map: boolean; note: boolean } {
    return revealed(this.current, this.stage, this.display.staged);
  }

  /** The lesson's chosen claims (empty: all of them). */
  get claims(): string[] {
    return this.#app.presented;
  }

  #send(message: LessonMessage): void {
    // A plain copy: the state's proxies cannot be cloned into a message.
    this.#channel?.postMessage($state.snapshot(message));
  }

  #sendLesson(): void {
    this.#send({ type: 'claim-map/lesson', claims: [...this.#app.presented], step: this.step, stage: this.stage });
  }

  /** Asks now and every few seconds; a room that stops answering (or says goodbye) is gone. */
  #listenForRoom(): void {
    const ask = () => {
      this.#send({ type: 'claim-map/hello' });
      if (this.#heard && Date.now() - this.#heard > ROOM_SILENCE_MS) this.connected = false;
    };
    ask();
    this.#ping = setInterval(ask, ROOM_PING_MS);
    // The first answer comes at once where a room is open: a second without one is none.
    setTimeout(() => {
      if (this.connected === null) this.connected = false;
    }, 1000);
  }

  #receive(data: unknown): void {
    if (!isLessonMessage(data)) return;
    if (this.role === 'presenter' && data.type !== 'claim-map/hello') {
      this.#heard = Date.now();
      this.connected = data.type !== 'claim-map/bye';
    }
    switch (data.type) {
      case 'claim-map/lesson':
        if (!sameIds(data.claims, this.#app.presented)) this.#app.presented = [...data.claims];
        this.#app.step = clampStep(data.step, this.count);
        this.stage = data.stage;
        return;
      case 'claim-map/blank':
        this.blackout = data.on;
        return;
      case 'claim-map/display':
        this.display = { ...this.display, ...data.display };
        if (this.role === 'room' && data.display.fullscreen !== undefined)
          void this.#setFullscreen(data.display.fullscreen);
        return;
      case 'claim-map/hello':
        // The room answers a new window with the whole lesson.
        if (this.role !== 'room') return;
        this.#sendLesson();
        this.#send({ type: 'claim-map/blank', on: this.blackout });
        this.#send({ type: 'claim-map/display', display: this.display });
        return;
    }
  }

  /** Moves (a stage or a step), tells the other window, and returns whether anything changed. */
  go(action: StepAction): boolean {
    const to = applyMove({ step: this.step, stage: this.stage }, this.steps, this.display.staged, action);
    if (to.step === this.step && to.stage === this.stage) return false;
    this.#app.step = to.step;
    this.stage = to.stage;
    this.#sendLesson();
    return true;
  }

  /** Sets the lesson's claims (a presenter's picker), from its first step. */
  setClaims(ids: readonly string[]): void {
    const known = ids.filter((id) => this.#app.claimsById.has(id));
    this.#app.presented = [...new Set(known)];
    this.#app.step = 1;
    this.stage = 0;
    this.#sendLesson();
  }

  setBlackout(on: boolean): void {
    this.blackout = on;
    this.#send({ type: 'claim-map/blank', on });
  }

  /** Changes the room's display (from either window); the room applies it. */
  setDisplay(change: Partial<RoomDisplay>): void {
    this.display = { ...this.display, ...change };
    if (this.role === 'room' && change.fullscreen !== undefined) void this.#setFullscreen(change.fullscreen);
    this.#send({ type: 'claim-map/display', display: change });
  }

  /** Does what a key, a button or a swipe asks. */
  run(command: ClassroomCommand): void {
    clearTimeout(this.#digitsTimer);
    if (command.type !== 'digit') this.digits = '';
    if (this.confirmLeave) {
      // Asked whether to leave: Esc again leaves; anything else stays.
      this.confirmLeave = false;
      if (command.type === 'escape') this.#leave?.();
      return;
    }
    switch (command.type) {
      case 'digit':
        this.digits = (this.digits + command.digit).slice(-4);
        this.#digitsTimer = setTimeout(() => (this.digits = ''), DIGITS_TIMEOUT_MS);
        return;
      case 'fullscreen':
        return this.setDisplay({ fullscreen: !this.display.fullscreen });
      case 'blackout':
        return this.setBlackout(!this.blackout);
      case 'help':
        this.help = !this.help;
        return;
      case 'escape':
        if (this.help) this.help = false;
        else if (this.blackout) this.setBlackout(false);
        else if (this.role === 'room' && document.fullscreenElement) void document.exitFullscreen();
        else if (this.#leave) this.confirmLeave = true;
        return;
      case 'goto':
        // A step typed behind a blank screen is cued there: the screen stays blank until shown.
        this.go(command);
        return;
      default:
        // A blanked screen is shown again first, as presentation tools do: the step waits.
        if (this.blackout) return this.setBlackout(false);
        this.go(command);
    }
  }

  /** Leaves at once (the question's own button). */
  leave(): void {
    this.confirmLeave = false;
    this.#leave?.();
  }

  /**
   * The one key handler of both views, on the window in the capture phase: a step key steps
   * wherever the focus is, the map's canvas included (which would otherwise pan on arrows).
   */
  readonly keydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || keyBelongsToTarget(event.target as Element | null, event.key)) return;
    // While asking whether to leave, Enter says yes, as Esc does.
    const command =
      this.confirmLeave && event.key === 'Enter' ? { type: 'escape' as const } : commandForKey(event, this.digits);
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();
    this.pauseAutoplay();
    this.run(command);
  };

  async #setFullscreen(on: boolean): Promise<void> {
    try {
      if (!on && document.fullscreenElement) await document.exitFullscreen();
      else if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen();
    } catch {
      // Refused (an iframe without allow="fullscreen", or asked from the other window without a
      // gesture here): the display says so, as it is.
    }
    this.#fullscreenChanged();
  }

  #fullscreenChanged(): void {
    const on = !!document.fullscreenElement;
    if (this.display.fullscreen !== on || this.role === 'room') this.display = { ...this.display, fullscreen: on };
    if (this.role === 'room') this.#send({ type: 'claim-map/display', display: { fullscreen: on } });
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

  /** The room follows the document's full screen; returns the cleanup. */
  watchFullscreen(): () => void {
    if (this.role !== 'room') return () => {};
    const update = () => this.#fullscreenChanged();
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }

  close(): void {
    if (this.role === 'room') this.#send({ type: 'claim-map/bye' });
    clearInterval(this.#timer);
    clearInterval(this.#ping);
    clearTimeout(this.#resume);
    clearTimeout(this.#digitsTimer);
    this.#channel?.close();
    this.#channel = null;
  }
}
