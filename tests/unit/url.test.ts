/**
 * One address schema for every view: parse and serialize, a round-trip property, and hostile
 * input that never breaks the page.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addressUrl, defaultAddress, MODES, parseAddress, serializeAddress, type Address } from '../../src/state/url';

const KNOWN = ['first-arrow', 'an-area', 'an-arrow', 'a-border'];
const claimsOf = (search: string) => parseAddress(search, KNOWN).address.claims;

describe('parseAddress', () => {
  it('opens the reader on the overview when the URL asks for nothing', () => {
    expect(parseAddress('', KNOWN)).toEqual({ address: defaultAddress('read'), unknown: [] });
    expect(parseAddress('', KNOWN, 'embed').address).toEqual(defaultAddress('embed'));
  });

  it('selects a claim named in the URL, with or without the question mark', () => {
    expect(claimsOf('?claim=an-arrow')).toEqual(['an-arrow']);
    expect(claimsOf('claim=a-border')).toEqual(['a-border']);
    expect(claimsOf('?claim=')).toEqual([]);
    expect(claimsOf('?claim=,,%20,')).toEqual([]);
  });

  it('keeps several comma-separated claims in the order asked, once each, repeated parameters merged', () => {
    expect(claimsOf('?claim=a-border,first-arrow,a-border')).toEqual(['a-border', 'first-arrow']);
    expect(claimsOf('?claim=a-border%2Cfirst-arrow')).toEqual(['a-border', 'first-arrow']);
    expect(claimsOf('?claim=an-arrow&claim=an-area')).toEqual(['an-arrow', 'an-area']);
    expect(claimsOf('?claim=%20an-arrow%20,+a-border')).toEqual(['an-arrow', 'a-border']);
  });

  it('reads the mode, the page’s own when absent or unknown', () => {
    expect(parseAddress('?mode=present', KNOWN).address.mode).toBe('present');
    expect(parseAddress('?mode=presenter&step=2', KNOWN).address.mode).toBe('presenter');
    expect(parseAddress('?mode=<script>', KNOWN).address.mode).toBe('read');
    expect(parseAddress('?mode=read', KNOWN, 'embed').address.mode).toBe('read');
    expect(parseAddress('?mode=nonsense', KNOWN, 'embed').address.mode).toBe('embed');
  });

  it('reads a step as a whole number from 1, or none', () => {
    const step = (s: string) => parseAddress(s, KNOWN).address.step;
    expect(step('?step=4')).toBe(4);
    expect(step('?step=0')).toBe(1);
    for (const bad of ['', '?step=', '?step=-4', '?step=2.5', '?step=abc', '?step=1e3', '?step=9999999'])
      expect(step(bad), bad).toBeNull();
  });

  it('reads an autoplay interval between 3 s and 10 min', () => {
    const autoplay = (s: string) => parseAddress(s, KNOWN).address.autoplay;
    expect(autoplay('?autoplay=10')).toBe(10);
    expect(autoplay('?autoplay=1')).toBe(3);
    expect(autoplay('?autoplay=99999')).toBe(600);
    expect(autoplay('?autoplay=fast')).toBeNull();
  });

  it('reads the embed’s theme, key and text, with words people type', () => {
    const a = parseAddress('?theme=dark&legend=no&text=1', KNOWN, 'embed').address;
    expect([a.theme, a.legend, a.text]).toEqual(['dark', false, true]);
    const b = parseAddress('?theme=purple&legend=maybe&text=', KNOWN, 'embed').address;
    expect([b.theme, b.legend, b.text]).toEqual(['auto', true, false]);
  });

  it('keeps the parameters it does not own, in order', () => {
    expect(parseAddress('?utm_source=x&claim=an-arrow&lang=en', KNOWN).address.extra).toEqual([
      ['utm_source', 'x'],
      ['lang', 'en'],
    ]);
  });

  it('reports ids the story does not have, and keeps the known ones', () => {
    expect(parseAddress('?claim=atlantis,an-arrow,Taliban-Rule', KNOWN)).toMatchObject({
      address: { claims: ['an-arrow'] },
      unknown: ['atlantis', 'Taliban-Rule'],
    });
  });

  it('shortens a long unknown id, and replaces control characters, before echoing it', () => {
    expect(parseAddress(`?claim=${'a'.repeat(100)}`, KNOWN).unknown).toEqual([`${'a'.repeat(60)}…`]);
    const { address, unknown } = parseAddress('?claim=bad%00id%07%1Bx,an-arrow', KNOWN);
    expect(address.claims).toEqual(['an-arrow']);
    expect(unknown).toEqual(['bad\uFFFDid\uFFFD\uFFFDx']);
  });

  it('does not take an id that only differs by a control character for a known one', () => {
    const { address, unknown } = parseAddress('?claim=an-arrow%00', KNOWN);
    expect(address.claims).toEqual([]);
    expect(unknown).toEqual(['an-arrow\uFFFD']);
  });

  describe('hostile input', () => {
    const hostile = [
      '?claim=<script>alert(1)</script>',
      '?claim=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      '?claim=javascript:alert(document.cookie)',
      '?claim=javascript%3Aalert(1)//an-arrow',
      '?claim=%E0%A4%A',
      '?claim=%',
      '?claim=%%%%25%2',
      '?claim=%FF%FE%00',
      '?claim=\u0000\u0001\u001f\u007f',
      '?claim=\uD800',
      `?claim=${'x'.repeat(5000)}`,
      `?claim=${'an-arrow,'.repeat(400)}`,
      `?${'claim=a&'.repeat(2000)}`,
      `?claim=${','.repeat(5000)}`,
      '?claim=__proto__,constructor,toString,hasOwnProperty',
      '?claim[]=an-arrow&claim.x=1',
      '?&&&=&=',
      '#claim=an-arrow',
      'http://evil.example/?claim=an-arrow',
    ];

    it.each(hostile.map((s) => [s.length > 60 ? `${s.slice(0, 57)}...` : s, s]))(
      'never throws and keeps only known claims: %s',
      (_label, search) => {
        for (const page of MODES) {
          const parsed = parseAddress(search, KNOWN, page);
          for (const id of parsed.address.claims) expect(KNOWN).toContain(id);
          expect(new Set(parsed.address.claims).size).toBe(parsed.address.claims.length);
          expect(MODES).toContain(parsed.address.mode);
          for (const id of parsed.unknown) {
            expect(id.length).toBeLessThanOrEqual(61);
            expect(id).not.toMatch(/\p{Cc}/u);
          }
          // Whatever came in, writing it back out works, and reads back the same.
          const again = parseAddress(serializeAddress(parsed.address, page), KNOWN, page).address;
          expect(again).toEqual(parsed.address);
        }
      },
    );

    it('echoes markup back only as the plain text it was', () => {
      const { address, unknown } = parseAddress('?claim=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', KNOWN);
      expect(address.claims).toEqual([]);
      expect(unknown).toEqual(['<img src=x onerror=alert(1)>']);
    });

    it('caps a pathological list of ids, and still finds a known one in a reasonable list', () => {
      expect(
        parseAddress(`?claim=${Array.from({ length: 1000 }, (_, i) => `x${i}`).join(',')}`, KNOWN).unknown.length,
      ).toBeLessThanOrEqual(50);
      const list = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'an-area'].join(',');
      expect(claimsOf(`?claim=${list}`)).toEqual(['an-area']);
    });
  });
});

describe('serializeAddress', () => {
  it('writes claims with plain commas, and nothing for the page’s defaults', () => {
    expect(serializeAddress({ ...defaultAddress(), claims: ['first-arrow', 'a-border'] })).toBe(
      '?claim=first-arrow,a-border',
    );
    expect(serializeAddress(defaultAddress())).toBe('');
    expect(serializeAddress(defaultAddress('embed'), 'embed')).toBe('');
  });

  it('writes the mode only where it is not the page’s own, and every view’s own options', () => {
    expect(serializeAddress({ ...defaultAddress('present'), step: 4, autoplay: 10 })).toBe(
      '?mode=present&step=4&autoplay=10',
    );
    expect(
      serializeAddress(
        { ...defaultAddress('embed'), claims: ['a'], theme: 'dark', legend: false, text: true },
        'embed',
      ),
    ).toBe('?claim=a&theme=dark&legend=off&text=on');
    expect(serializeAddress({ ...defaultAddress('read'), extra: [['lang', 'en']] }, 'embed')).toBe(
      '?mode=read&lang=en',
    );
  });

  it('builds absolute links to the reader and the embed from the site’s address', () => {
    const site = 'https://news.example/graphics/map/index.html?claim=x#top';
    expect(addressUrl(site, { ...defaultAddress('embed'), claims: ['a', 'b'] })).toBe(
      'https://news.example/graphics/map/embed.html?claim=a,b',
    );
    expect(addressUrl(site, { ...defaultAddress('presenter'), step: 3 })).toBe(
      'https://news.example/graphics/map/?mode=presenter&step=3',
    );
  });

  it('round-trips every address: parse(serialize(a)) is a', () => {
    const id = fc.constantFrom(...KNOWN);
    const address: fc.Arbitrary<Address> = fc.record({
      mode: fc.constantFrom(...MODES),
      claims: fc.uniqueArray(id, { maxLength: KNOWN.length }),
      step: fc.option(fc.integer({ min: 1, max: 999_999 }), { nil: null }),
      autoplay: fc.option(fc.integer({ min: 3, max: 600 }), { nil: null }),
      theme: fc.constantFrom('light', 'dark', 'auto'),
      legend: fc.boolean(),
      text: fc.boolean(),
      extra: fc.array(
        fc.tuple(
          fc
            .string({ minLength: 1 })
            .filter((k) => !['mode', 'claim', 'step', 'autoplay', 'theme', 'legend', 'text'].includes(k)),
          fc.string(),
        ),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(address, fc.constantFrom(...MODES), (a, page) => {
        expect(parseAddress(serializeAddress(a, page), KNOWN, page)).toEqual({ address: a, unknown: [] });
      }),
      { numRuns: 500 },
    );
  });
});
