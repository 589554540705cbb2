/**
 * A press before the app is ready, previewed on the prerendered page (`start/preview.ts`): what
 * it marks, and that taking it down gives the page back as it came.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { pressedClaims, previewedClaims, showPreview, takePreviewDown } from '../../src/start/preview';

const PAGE = `
<article><p><span class="claim-sentence" data-sentence="s1"><button class="badge" aria-pressed="false" data-claim="a">1</button>
<span class="sentence-text" id="text"><span class="quoted">said</span> so</span></span></p></article>
<div id="map"><g class="arc" data-claim="a" data-emphasis="none"></g><g class="arc" data-claim="b" data-emphasis="none"></g></div>
<div class="panel-body"><p class="hint">Pick a claim</p></div>`;
const CARDS = '<section data-claim-card="a"><h2>Card a</h2></section><section data-claim-card="b"></section>';

const windows: Window[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

function page() {
  const window = new Window();
  windows.push(window);
  window.document.body.innerHTML = PAGE;
  const cards = window.document.createElement('template');
  cards.innerHTML = CARDS;
  return { document: window.document as unknown as Document, cards: cards.content as unknown as ParentNode };
}

describe('a press previewed before the app is ready', () => {
  it('selects what the app would: a number its claim, a sentence its claims', () => {
    const { document } = page();
    expect(pressedClaims(document.querySelector('.badge'))).toEqual(['a']);
    expect(pressedClaims(document.getElementById('text'))).toEqual(['a']);
    expect(pressedClaims(document.querySelector('.hint'))).toEqual([]);
  });

  it('marks the sentence, the number, the map and shows the card; taken down, the page is as it came', () => {
    const { document, cards } = page();
    const before = document.body.innerHTML;
    showPreview(['a'], cards, document);
    expect(previewedClaims(document.documentElement)).toEqual(['a']);
    expect(document.querySelector('.claim-sentence')!.classList.contains('selected')).toBe(true);
    expect(document.querySelector('.quoted')!.classList.contains('active')).toBe(true);
    expect(document.querySelector('.badge')!.getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('g[data-claim="b"]')!.getAttribute('data-emphasis')).toBe('other');
    expect(document.querySelector('.panel-body [data-claim-card="a"] h2')!.textContent).toBe('Card a');
    expect(document.querySelectorAll('[data-claim-card]')).toHaveLength(1);
    takePreviewDown(document);
    expect(document.documentElement.hasAttribute('data-preview')).toBe(false);
    expect(document.body.innerHTML.replaceAll(' class=""', '')).toBe(before);
  });
});
