import { describe, expect, it } from 'vitest';
import { expandMedia } from '../../src/build/media';
import { MEDIA, stepTextScale, TEXT_SCALE, validTextScale } from '../../src/ui/screens';
import { loadPrefs, savePrefs } from '../../src/ui/present-prefs';

describe('named media in component styles', () => {
  it('spells a name out as the query the scripts read', () => {
    const css = '.a { color: red; }\n@media (--narrow) {\n  .a { color: blue; }\n}';
    const out = expandMedia(css);
    expect(out).toContain(`@media ${MEDIA.narrow} {`);
    expect(out).not.toContain('--narrow');
    expect(expandMedia('@media screen and (--narrow) { .a { b: c } }')).toContain(
      `@media screen and ${MEDIA.narrow} {`,
    );
  });

  it('leaves other rules and custom properties alone', () => {
    const css = '.a { --narrow: 1; width: calc(var(--narrow) * 1px); }\n@media print { .a { b: c } }';
    expect(expandMedia(css)).toBe(css);
  });

  it('refuses a name it does not know, and a list of queries inside another query', () => {
    expect(() => expandMedia('@media (--wide) { .a { b: c } }')).toThrow(/--wide/);
    expect(() => expandMedia('@media print and (--stacked) { .a { b: c } }')).toThrow(/alone/);
    expect(expandMedia('@media (--stacked) { .a { b: c } }')).toContain(`@media ${MEDIA.stacked} {`);
  });
});

describe("the classroom's text size", () => {
  it('steps by a tenth within its limits', () => {
    expect(stepTextScale(1, 1)).toBe(1.1);
    expect(stepTextScale(1.2, -1)).toBe(1.1);
    expect(stepTextScale(TEXT_SCALE.max, 1)).toBe(TEXT_SCALE.max);
    expect(stepTextScale(TEXT_SCALE.min, -1)).toBe(TEXT_SCALE.min);
  });

  it('takes back a remembered size only if the controls could have set it', () => {
    expect(validTextScale(1.3)).toBe(1.3);
    expect(validTextScale(3)).toBe(TEXT_SCALE.initial);
    expect(validTextScale('1.2')).toBe(TEXT_SCALE.initial);
  });
});

describe("the classroom's remembered preferences", () => {
  function storage() {
    const items = new Map<string, string>();
    return () => ({
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    });
  }

  it('come back as they were saved', () => {
    const store = storage();
    savePrefs({ scale: 1.3, projector: true }, store);
    expect(loadPrefs(store)).toEqual({ scale: 1.3, projector: true });
  });

  it('fall back to the defaults where nothing, something odd, or no storage at all is there', () => {
    expect(loadPrefs(storage())).toEqual({ scale: TEXT_SCALE.initial, projector: false });
    const odd = storage();
    odd().setItem('claim-map:present', '{"scale": 9, "projector": "yes"}');
    expect(loadPrefs(odd)).toEqual({ scale: TEXT_SCALE.initial, projector: false });
    const refused = () => {
      throw new Error('SecurityError');
    };
    expect(loadPrefs(refused)).toEqual({ scale: TEXT_SCALE.initial, projector: false });
    expect(() => savePrefs({ scale: 1, projector: false }, refused)).not.toThrow();
  });
});
