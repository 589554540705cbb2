/**
 * Layouts for a page's map without blocking it. A layout (`index.ts`) is costly; the page gets
 * the one the build prerendered its map with (read from the page, so taking the page over
 * computes nothing), and each later one from a worker, while the map keeps drawing the last
 * layout it had, moved with the camera, as it does in flight. Where workers are missing (or
 * refused), a layout is computed on the page, in a task of its own.
 */
import { hasLayout, keepLayout, layoutFor } from './cache.ts';
import type { LayoutSource, LayoutStory } from './source.ts';
import type { Layout } from './types.ts';
import type { LayoutRequest } from './worker.ts';
import type { Size, View } from './world.ts';

/** The id of the page's element that carries the prerendered layouts (JSON). */
export const PRERENDERED_LAYOUTS_ID = 'claim-map-layouts';

/** The layouts drawn while the build prerenders a page, to be written into it. */
const drawnOnServer: Layout[] = [];

/** On the server: notes a layout the prerendered page draws. */
export function notePrerendered(layout: Layout): void {
  if (!drawnOnServer.includes(layout)) drawnOnServer.push(layout);
}

/**
 * The most the page carries of them (characters of JSON): a story's layout is about 10 kB; one
 * of a thousand arrows is 350 kB, more bytes before the first paint than computing it costs.
 * Past this, the page computes its layout as it is taken over.
 */
export const MAX_PRERENDERED_LAYOUTS = 64_000;

/**
 * The layouts noted while prerendering a page, as the content of a JSON script element (`<` and
 * the line separators escaped, so no text of the story can end the element); cleared for the
 * next page. None when they would weigh more than `MAX_PRERENDERED_LAYOUTS`.
 */
export function prerenderedLayoutsJson(): string {
  const noted = JSON.stringify(drawnOnServer.splice(0));
  if (noted.length > MAX_PRERENDERED_LAYOUTS) return '[]';
  const json = noted.replace(/</g, '\\u003c');
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Keeps the layouts the page was prerendered with (once per source). */
function adoptPrerendered(source: LayoutSource): void {
  const element = typeof document === 'undefined' ? null : document.getElementById(PRERENDERED_LAYOUTS_ID);
  if (!element) return;
  try {
    for (const layout of JSON.parse(element.textContent ?? '[]') as Layout[]) keepLayout(source, layout);
  } catch {
    // A page edited by hand: the layouts are computed instead.
  }
}

/** Stories whose JSON text is at hand (the page's own, as the build wrote it), by story. */
const storyTexts = new WeakMap<LayoutStory, string>();

/**
 * Notes the JSON text a story was parsed from: the worker is sent the text, which is copied at
 * once, rather than the story, whose structured clone would block the page's main thread (tens of
 * milliseconds on a phone for a story's geography).
 */
export function noteStoryJson(story: LayoutStory, json: string): void {
  storyTexts.set(story, json);
}

export interface LayoutAt {
  view: View;
  size: Size;
  scale: number;
}

/** Asks for layouts by view; each answer is kept in the source's cache, where renderers find it. */
export class Layouts {
  #source: LayoutSource;
  #story: LayoutStory;
  #worker: Worker | null | undefined;
  #next = 0;
  #waiting = new Map<number, () => void>();

  constructor(source: LayoutSource, story: LayoutStory) {
    this.#source = source;
    this.#story = story;
    adoptPrerendered(source);
  }

  /** Whether the layout for `at` is at hand now. */
  has(at: LayoutAt): boolean {
    return hasLayout(this.#source, at.view, at.size, at.scale);
  }

  /** Resolves once the layout for `at` is at hand. */
  ready(at: LayoutAt): Promise<void> {
    if (this.has(at)) return Promise.resolve();
    const worker = this.#startWorker();
    if (!worker) {
      return new Promise((done) =>
        setTimeout(() => {
          layoutFor(this.#source, at.view, at.size, at.scale);
          done();
        }),
      );
    }
    const id = this.#next++;
    return new Promise((done) => {
      this.#waiting.set(id, done);
      // Plain copies: the page's state may hand over proxies, which cannot be posted.
      const view = { center: [at.view.center[0], at.view.center[1]] as [number, number], zoom: at.view.zoom };
      const size = { width: at.size.width, height: at.size.height };
      worker.postMessage({ id, view, size, scale: at.scale } satisfies LayoutRequest);
    });
  }

  #startWorker(): Worker | null {
    if (this.#worker !== undefined) return this.#worker;
    try {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<{ id: number; layout: Layout }>) => {
        keepLayout(this.#source, event.data.layout);
        this.#waiting.get(event.data.id)?.();
        this.#waiting.delete(event.data.id);
      };
      worker.onerror = () => this.#fallBack();
      const json = storyTexts.get(this.#story);
      const { places, flows, geography, context } = this.#story;
      worker.postMessage(
        (json !== undefined
          ? { storyJson: json }
          : { story: { places, flows, geography, context } }) satisfies LayoutRequest,
      );
      this.#worker = worker;
    } catch {
      this.#worker = null;
    }
    return this.#worker;
  }

  /**
   * The worker failed (a policy refused it): what it owed resolves at once, and the renderers
   * compute those layouts themselves (`layoutFor`), as they do every later one.
   */
  #fallBack(): void {
    this.#worker?.terminate();
    this.#worker = null;
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const done of waiting) done();
  }
}
