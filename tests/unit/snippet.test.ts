import { describe, expect, it } from 'vitest';
import { parseFragment, type ParserError } from 'parse5';
import { Window } from 'happy-dom';
import { embedSnippet, embedUrl, fullMapUrl, RESIZE_SCRIPT } from '../../src/embed/snippet';

const PAGE = 'https://news.example/graphics/2026/claim-map/index.html?claim=x#top';
const base = { claims: ['an-arrow'], theme: 'auto' as const, legend: true, text: false };

function parseErrors(html: string): string[] {
  const errors: ParserError[] = [];
  parseFragment(html, { onParseError: (e) => errors.push(e) });
  return errors.map((e) => e.code);
}

describe('embedSnippet', () => {
  it('is valid HTML: an iframe with a title, lazy loading, fullscreen, full width, and a link inside', () => {
    const html = embedSnippet(PAGE, 'A “quoted” <title> & more', { ...base, height: 'auto' });
    expect(parseErrors(html)).toEqual([]);
    const fragment = parseFragment(html);
    const iframe = fragment.childNodes.find((n) => n.nodeName === 'iframe') as unknown as {
      attrs: { name: string; value: string }[];
    };
    const attr = (name: string) => iframe.attrs.find((a) => a.name === name)?.value;
    expect(attr('src')).toBe('https://news.example/graphics/2026/claim-map/embed.html?claim=an-arrow');
    expect(attr('title')).toBe('Map: A “quoted” <title> & more');
    expect(attr('loading')).toBe('lazy');
    expect(attr('allow')).toBe('fullscreen');
    expect(attr('width')).toBe('100%');
    expect(html).toContain('href="https://news.example/graphics/2026/claim-map/?claim=an-arrow"');
    expect(html).toContain('&lt;title&gt; &amp; more</a>');
  });

  it('adds the resizing script only when the height follows the content', () => {
    expect(embedSnippet(PAGE, 'T', { ...base, height: 'auto' })).toContain(RESIZE_SCRIPT);
    const fixed = embedSnippet(PAGE, 'T', { ...base, height: 480 });
    expect(fixed).not.toContain('<script>');
    expect(fixed).toContain('height: 480px');
    expect(parseErrors(fixed)).toEqual([]);
  });

  it('writes only the options that differ from the defaults', () => {
    expect(embedUrl(PAGE, { claims: [], theme: 'auto', legend: true, text: false })).toBe(
      'https://news.example/graphics/2026/claim-map/embed.html',
    );
    expect(embedUrl(PAGE, { claims: ['a', 'b'], theme: 'dark', legend: false, text: true })).toBe(
      'https://news.example/graphics/2026/claim-map/embed.html?claim=a,b&theme=dark&legend=off&text=on',
    );
    expect(fullMapUrl(PAGE, { ...base, claims: [] })).toBe('https://news.example/graphics/2026/claim-map/');
  });
});

describe('the resizing script', () => {
  it("makes its own frame as tall as the frame's page says, within bounds, and ignores anything else", async () => {
    const window = new Window({ settings: { disableJavaScriptFileLoading: true, disableIframePageLoading: true } });
    const frames = [new Window(), new Window()] as const;
    try {
      const snippet = embedSnippet(PAGE, 'T', { ...base, height: 'auto' });
      window.document.body.innerHTML = `${snippet.replace(/<script>[^]*<\/script>/, '')}<iframe id="other"></iframe>`;
      window.eval(RESIZE_SCRIPT);
      const [ours, other] = [...window.document.querySelectorAll('iframe')];
      // Each frame's page, as the messages' source (the frames load nothing here).
      const [ourPage, otherPage] = frames;
      Object.defineProperty(ours, 'contentWindow', { value: ourPage });
      Object.defineProperty(other, 'contentWindow', { value: otherPage });
      const say = (data: unknown, source = ourPage) =>
        window.dispatchEvent(new window.MessageEvent('message', { data, source }));
      say({ type: 'claim-map:height', height: 812 });
      expect(ours!.style.height).toBe('812px');
      say({ type: 'claim-map:height', height: 10 ** 6 });
      expect(ours!.style.height).toBe('6000px');
      say({ type: 'claim-map:height', height: 3 });
      expect(ours!.style.height).toBe('200px');
      // Another frame's message, a message of another kind, and a malformed one change nothing.
      say({ type: 'claim-map:height', height: 500 }, otherPage);
      say({ type: 'other', height: 500 });
      say({ type: 'claim-map:height', height: '500' });
      say('claim-map:height');
      expect(ours!.style.height).toBe('200px');
      expect(other!.style.height).toBe('');
    } finally {
      for (const page of [window, ...frames]) await page.happyDOM.close();
    }
  });
});
