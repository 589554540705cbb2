import { describe, expect, it } from 'vitest';
import { parseUrl, serializeUrl } from '../../src/state/url';

const KNOWN = ['russia-upgrade', 'taliban-rule', 'ttp-pakistan', 'iran-border'];

describe('parseUrl', () => {
  it('selects a claim named in the URL', () => {
    expect(parseUrl('?claim=ttp-pakistan', KNOWN)).toEqual({ state: { claims: ['ttp-pakistan'] }, unknown: [] });
  });

  it('accepts the query string with or without its question mark', () => {
    expect(parseUrl('claim=iran-border', KNOWN).state.claims).toEqual(['iran-border']);
  });

  it('selects nothing when the URL names no claim', () => {
    expect(parseUrl('', KNOWN)).toEqual({ state: { claims: [] }, unknown: [] });
    expect(parseUrl('?mode=embed', KNOWN)).toEqual({ state: { claims: [] }, unknown: [] });
    expect(parseUrl('?claim=', KNOWN)).toEqual({ state: { claims: [] }, unknown: [] });
    expect(parseUrl('?claim=,,%20,', KNOWN)).toEqual({ state: { claims: [] }, unknown: [] });
  });

  it('selects several comma-separated claims, in the story order, once each', () => {
    expect(parseUrl('?claim=iran-border,russia-upgrade,iran-border', KNOWN).state.claims).toEqual([
      'russia-upgrade',
      'iran-border',
    ]);
    expect(parseUrl('?claim=iran-border%2Crussia-upgrade', KNOWN).state.claims).toEqual([
      'russia-upgrade',
      'iran-border',
    ]);
  });

  it('merges repeated claim parameters', () => {
    expect(parseUrl('?claim=ttp-pakistan&claim=taliban-rule', KNOWN).state.claims).toEqual([
      'taliban-rule',
      'ttp-pakistan',
    ]);
  });

  it('tolerates spaces around ids', () => {
    expect(parseUrl('?claim=%20ttp-pakistan%20,+iran-border', KNOWN).state.claims).toEqual([
      'ttp-pakistan',
      'iran-border',
    ]);
  });

  it('reports ids the story does not have, and keeps the known ones', () => {
    expect(parseUrl('?claim=atlantis,ttp-pakistan,Taliban-Rule', KNOWN)).toEqual({
      state: { claims: ['ttp-pakistan'] },
      unknown: ['atlantis', 'Taliban-Rule'],
    });
  });

  it('shortens a long unknown id before echoing it', () => {
    const { unknown } = parseUrl(`?claim=${'a'.repeat(100)}`, KNOWN);
    expect(unknown).toEqual([`${'a'.repeat(60)}…`]);
  });

  it('replaces control characters in unknown ids', () => {
    const { state, unknown } = parseUrl('?claim=bad%00id%07%1Bx,ttp-pakistan', KNOWN);
    expect(state.claims).toEqual(['ttp-pakistan']);
    expect(unknown).toEqual(['bad\uFFFDid\uFFFD\uFFFDx']);
    expect(unknown.join('')).not.toMatch(/\p{Cc}/u);
  });

  it('does not take an id that only differs by a control character for a known one', () => {
    const { state, unknown } = parseUrl('?claim=ttp-pakistan%00', KNOWN);
    expect(state.claims).toEqual([]);
    expect(unknown).toEqual(['ttp-pakistan\uFFFD']);
  });

  describe('hostile input', () => {
    const hostile = [
      '?claim=<script>alert(1)</script>',
      '?claim=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      '?claim=javascript:alert(document.cookie)',
      '?claim=javascript%3Aalert(1)//ttp-pakistan',
      '?claim=%E0%A4%A',
      '?claim=%',
      '?claim=%%%%25%2',
      '?claim=%FF%FE%00',
      '?claim=\u0000\u0001\u001f\u007f',
      '?claim=\uD800',
      `?claim=${'x'.repeat(5000)}`,
      `?claim=${'ttp-pakistan,'.repeat(400)}`,
      `?${'claim=a&'.repeat(2000)}`,
      `?claim=${','.repeat(5000)}`,
      '?claim=__proto__,constructor,toString,hasOwnProperty',
      '?claim[]=ttp-pakistan&claim.x=1',
      '?&&&=&=',
      '#claim=ttp-pakistan',
      'http://evil.example/?claim=ttp-pakistan',
    ];

    it.each(hostile.map((s) => [s.length > 60 ? `${s.slice(0, 57)}...` : s, s]))(
      'never throws and selects only known claims: %s',
      (_label, search) => {
        const parsed = parseUrl(search, KNOWN);
        expect(Array.isArray(parsed.state.claims)).toBe(true);
        for (const id of parsed.state.claims) expect(KNOWN).toContain(id);
        expect(new Set(parsed.state.claims).size).toBe(parsed.state.claims.length);
        for (const id of parsed.unknown) {
          expect(typeof id).toBe('string');
          expect(id.length).toBeLessThanOrEqual(61);
          expect(id).not.toMatch(/\p{Cc}/u);
        }
        // Whatever came in, writing it back out works too.
        expect(() => serializeUrl(parsed.state, search)).not.toThrow();
      },
    );

    it('echoes markup back only as the plain text it was, shortened', () => {
      const { state, unknown } = parseUrl('?claim=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', KNOWN);
      expect(state.claims).toEqual([]);
      expect(unknown).toEqual(['<img src=x onerror=alert(1)>']);
    });

    it('gives a replacement character for broken percent-encoding', () => {
      const { state, unknown } = parseUrl('?claim=%E0%A4%A', KNOWN);
      expect(state.claims).toEqual([]);
      expect(unknown).toHaveLength(1);
      expect(unknown[0]).toContain('\uFFFD');
    });

    it('caps a pathological list of ids', () => {
      const { unknown } = parseUrl(`?claim=${Array.from({ length: 1000 }, (_, i) => `x${i}`).join(',')}`, KNOWN);
      expect(unknown.length).toBeLessThanOrEqual(50);
    });

    it('still selects a known claim named within a long but reasonable list', () => {
      const list = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'taliban-rule'].join(',');
      expect(parseUrl(`?claim=${list}`, KNOWN).state.claims).toEqual(['taliban-rule']);
    });
  });
});

describe('serializeUrl', () => {
  it('writes one or several claims with plain commas', () => {
    expect(serializeUrl({ claims: ['ttp-pakistan'] })).toBe('?claim=ttp-pakistan');
    expect(serializeUrl({ claims: ['russia-upgrade', 'iran-border'] })).toBe('?claim=russia-upgrade,iran-border');
  });

  it('writes an empty query string when nothing is selected and nothing else is kept', () => {
    expect(serializeUrl({ claims: [] })).toBe('');
    expect(serializeUrl({ claims: [] }, '?claim=ttp-pakistan')).toBe('');
  });

  it('keeps the parameters it does not own, and replaces the old selection', () => {
    expect(serializeUrl({ claims: ['iran-border'] }, '?mode=embed&claim=ttp-pakistan&lang=en')).toBe(
      '?mode=embed&lang=en&claim=iran-border',
    );
    expect(serializeUrl({ claims: [] }, '?mode=classroom&claim=ttp-pakistan')).toBe('?mode=classroom');
  });

  it('drops repeated claim parameters in favour of one', () => {
    expect(serializeUrl({ claims: ['taliban-rule'] }, '?claim=a&claim=b&x=1')).toBe('?x=1&claim=taliban-rule');
  });

  it('keeps other parameters meaning the same after a round trip', () => {
    const current = '?q=a%20b%26c&empty=&mode=embed';
    const out = new URLSearchParams(serializeUrl({ claims: ['ttp-pakistan'] }, current));
    expect(out.get('q')).toBe('a b&c');
    expect(out.get('empty')).toBe('');
    expect(out.get('mode')).toBe('embed');
  });

  it('round-trips through parseUrl', () => {
    const states = [[], ['ttp-pakistan'], ['russia-upgrade', 'taliban-rule', 'iran-border'], KNOWN];
    for (const claims of states) {
      const search = serializeUrl({ claims }, '?mode=embed');
      expect(parseUrl(search, KNOWN)).toEqual({ state: { claims }, unknown: [] });
    }
  });
});

describe('classroom parameters', () => {
  it('reads the mode, and treats anything unknown as the reader', async () => {
    const { parseMode } = await import('../../src/state/url');
    expect(parseMode('?mode=present')).toBe('present');
    expect(parseMode('?mode=presenter&step=2')).toBe('presenter');
    expect(parseMode('?mode=<script>')).toBe('read');
    expect(parseMode('')).toBe('read');
  });

  it('reads a step as a whole number within the steps, or none', async () => {
    const { parseStep } = await import('../../src/state/url');
    expect(parseStep('?step=4', 14)).toBe(4);
    expect(parseStep('?step=99', 14)).toBe(14);
    expect(parseStep('?step=0', 14)).toBe(1);
    for (const bad of ['?step=-2', '?step=2.5', '?step=abc', '?step=', '?step=1e9', `?step=${'9'.repeat(5000)}`]) {
      expect(parseStep(bad, 14), bad).toBeNull();
    }
  });

  it('reads an autoplay interval between 3 s and 10 min', async () => {
    const { parseAutoplay } = await import('../../src/state/url');
    expect(parseAutoplay('?autoplay=8')).toBe(8);
    expect(parseAutoplay('?autoplay=1')).toBe(3);
    expect(parseAutoplay('?autoplay=100000')).toBe(600);
    expect(parseAutoplay('?autoplay=soon')).toBeNull();
  });

  it('sets one parameter and keeps the others', async () => {
    const { withParam } = await import('../../src/state/url');
    expect(withParam('?mode=present&step=2', 'step', '3')).toBe('?mode=present&step=3');
    expect(withParam('?mode=present&step=2', 'mode', null)).toBe('?step=2');
    expect(withParam('', 'claim', 'a,b')).toBe('?claim=a,b');
  });
});
