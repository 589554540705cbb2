import { describe, expect, it } from 'vitest';
import { sameView } from '../../src/camera/same-view';
import type { View } from '../../src/camera/view';
import { sceneSource } from '../../src/static/scene';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import { handOver } from '../../src/ui/stage/focus';
import { keyClaims, keyCoversSelection, keyReach } from '../../src/ui/stage/key';
import { requestLayout, viewOnArrival, viewOnRest } from '../../src/ui/stage/layouts';
import { keysHelp, requestNews } from '../../src/ui/stage/messages';
import { tooltipText } from '../../src/ui/stage/tooltip';
import { attribution } from '../../src/story/wording';

/** A story built in the test's folder: not the article in data/. */
const story = prepareStory(readStoryFiles('tests/fixtures/story'));
const source = sceneSource(story);

const at = (lon: number, lat: number, zoom: number): View => ({ center: [lon, lat], zoom });

describe('the same view', () => {
  it('is a view moved by less than a round trip through floats, and not one moved by a pixel', () => {
    const v = at(10, 20, 4);
    expect(sameView(v, at(10 + 1e-9, 20 - 1e-9, 4 + 1e-9))).toBe(true);
    // A pixel at zoom 4 is about 0.005° of longitude; a tenth of a zoom level is plainly another view.
    expect(sameView(v, at(10.005, 20, 4))).toBe(false);
    expect(sameView(v, at(10, 20.005, 4))).toBe(false);
    expect(sameView(v, at(10, 20, 4.1))).toBe(false);
  });
});

describe('when the next layout is computed', () => {
  const layout = at(0, 0, 3);
  const target = at(5, 5, 4);
  it('waits while the camera is in flight, and takes the target once it arrives', () => {
    expect(viewOnArrival(layout, at(2, 2, 3.5), target)).toBe(layout);
    expect(viewOnArrival(layout, at(5, 5, 4 + 1e-9), target)).toBe(target);
  });
  it('keeps the layout it has when the target is where it already is', () => {
    expect(viewOnArrival(layout, at(0, 0, 3), at(0, 0, 3))).toBe(layout);
  });
  it('takes where the reader left the map, unless that is where it was sent', () => {
    const rested = at(7, 1, 5);
    expect(viewOnRest(layout, rested, target)).toBe(rested);
    expect(viewOnRest(layout, at(5, 5, 4), target)).toBe(layout);
  });
});

describe('asking for a layout', () => {
  /** A stand-in for the layouts' worker: `done` holds what is at hand; `finish` completes a computation. */
  function layouts(done: string[] = []) {
    const waiting = new Map<string, () => void>();
    return {
      has: (id: string) => done.includes(id),
      ready: (id: string) => new Promise<void>((resolve) => waiting.set(id, resolve)),
      finish: async (id: string) => {
        done.push(id);
        waiting.get(id)?.();
        await Promise.resolve();
      },
    };
  }
  function screen() {
    const log: string[] = [];
    return { log, show: { draw: (id: string) => log.push(`draw ${id}`), pending: () => log.push('pending') } };
  }

  it('draws a layout at hand at once', () => {
    const { log, show } = screen();
    requestLayout(layouts(['a']), 'a', show);
    expect(log).toEqual(['draw a']);
  });

  it('marks the map pending until a computed layout is ready, then draws it', async () => {
    const { log, show } = screen();
    const source = layouts();
    requestLayout(source, 'b', show);
    expect(log).toEqual(['pending']);
    await source.finish('b');
    expect(log).toEqual(['pending', 'draw b']);
  });

  it('never draws a layout asked for before the one wanted now', async () => {
    const { log, show } = screen();
    const source = layouts(['c']);
    const cancel = requestLayout(source, 'b', show);
    cancel();
    requestLayout(source, 'c', show);
    await source.finish('b');
    expect(log).toEqual(['pending', 'draw c']);
  });
});

describe('the key', () => {
  it('reaches into the map only while shown and open', () => {
    expect(keyReach({ shown: true, open: true, left: 8, width: 200 })).toBe(208);
    expect(keyReach({ shown: true, open: false, left: 8, width: 200 })).toBe(0);
    expect(keyReach({ shown: false, open: true, left: 8, width: 200 })).toBe(0);
    expect(keyReach({ shown: true, open: true, left: 8, width: 0 })).toBe(0);
  });

  it("lists the selection's claims, or every claim in the overview and while all are dimmed", () => {
    const [first] = story.claims;
    expect(keyClaims(story.claims, [first!.id]).map((c) => c.id)).toEqual([first!.id]);
    expect(keyClaims(story.claims, [])).toEqual(story.claims);
    expect(keyClaims(story.claims, [first!.id], true)).toEqual(story.claims);
  });

  it('folds where it would cover a framed claim, and stays open beside it on a map wide enough', () => {
    const claim = story.claims[0]!;
    const wide = { width: 1200, height: 700 };
    const corner = { x0: 8, y0: 560, x1: 160, y1: 692 };
    expect(keyCoversSelection(story, source.placeLabels, [claim.id], wide, corner)).toBe(false);
    // A key over the whole map covers whatever it frames.
    const small = { width: 300, height: 300 };
    const everywhere = { x0: 0, y0: 0, x1: 300, y1: 300 };
    expect(keyCoversSelection(story, source.placeLabels, [claim.id], small, everywhere)).toBe(true);
    expect(keyCoversSelection(story, source.placeLabels, [], small, everywhere)).toBe(false);
  });
});

describe('the tooltip', () => {
  it("names the claim under the pointer as the article's, never as a fact", () => {
    const claim = story.claims[0]!;
    const text = tooltipText(story.claims, claim.id)!;
    expect(text.startsWith(attribution(claim.modality))).toBe(true);
    expect(text).toContain(claim.caption);
    expect(tooltipText(story.claims, null)).toBeUndefined();
    expect(tooltipText(story.claims, 'no-such-claim')).toBeUndefined();
  });
});

describe('the focus after "Zoom and pan"', () => {
  const pressed = { requested: true, buttonHadFocus: true, focusElsewhere: false };
  it('waits while the zoomable map loads', () => {
    expect(handOver({ ...pressed, state: 'loading' })).toEqual({ done: false, focus: null });
  });
  it("goes to MapLibre's canvas once it shows, or to the map's region if it cannot", () => {
    expect(handOver({ ...pressed, state: 'idle' })).toEqual({ done: true, focus: 'canvas' });
    expect(handOver({ ...pressed, state: 'fallback' })).toEqual({ done: true, focus: 'region' });
  });
  it('stays where the reader moved it meanwhile, and is left alone if the button never had it', () => {
    expect(handOver({ ...pressed, state: 'idle', focusElsewhere: true })).toEqual({ done: true, focus: null });
    expect(handOver({ ...pressed, state: 'idle', buttonHadFocus: false }).focus).toBeNull();
    expect(handOver({ ...pressed, state: 'idle', requested: false }).focus).toBeNull();
  });
});

describe('what the map says about moving it', () => {
  it('follows the request for the zoomable map', () => {
    expect(requestNews(false, 'loading')).toBe('');
    expect(requestNews(true, 'loading')).toMatch(/Loading/);
    expect(requestNews(true, 'fallback')).toMatch(/could not load/);
    expect(requestNews(true, 'idle')).toMatch(/ready/);
  });
  it('names what starts the zoomable map while it waits, and its keys once it runs', () => {
    expect(keysHelp('standby', 'intent')).toMatch(/pointer or the focus/);
    expect(keysHelp('standby', 'request')).toMatch(/button/);
    expect(keysHelp('fallback', 'intent')).toMatch(/cannot be zoomed/);
    expect(keysHelp('idle', 'intent')).toMatch(/arrow keys/);
  });
});
