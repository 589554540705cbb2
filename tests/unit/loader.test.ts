import { describe, expect, it } from 'vitest';
import { loaderScript } from '../../src/static/prerender';
import { loadsAtOnce, type LoadEnvironment } from '../../src/map/policy';

/** A folding element as the prerendered page has it: the key, open, to fold on a phone. */
const key = () => ({
  open: true,
  getAttribute: (name: string) => (name === 'data-fold' ? '(max-width: 52rem)' : null),
});

/** Runs the inline loader in a stand-in window and lists the elements it adds to the head. */
function runLoader({ width, saveData }: LoadEnvironment, folding: ReturnType<typeof key>[] = []): string[] {
  const added: string[] = [];
  const element = () => ({ rel: '', href: '', src: '', type: '' });
  const document = {
    createElement: element,
    querySelectorAll: (selector: string) => (selector === 'details[data-fold]' ? folding : []),
    head: {
      appendChild: (e: ReturnType<typeof element>) => added.push(e.rel ? `${e.rel} ${e.href}` : `script ${e.src}`),
    },
  };
  const script = loaderScript({ entry: 'assets/main.js', preload: ['assets/maplibre-gl.js'] });
  // Only the one query the key uses, answered for this width.
  const matchMedia = (query: string) => ({ matches: query === '(max-width: 52rem)' && width <= 52 * 16 });
  new Function('innerWidth', 'navigator', 'document', 'matchMedia', 'PerformanceObserver', 'setTimeout', script)(
    width,
    { connection: saveData === undefined ? undefined : { saveData } },
    document,
    matchMedia,
    undefined, // no paint timing: the fallback timer starts the app
    (run: () => void) => run(),
  );
  return added;
}

describe('the inline loader', () => {
  it('starts the app once', () => {
    expect(runLoader({ width: 1280 }).filter((e) => e.startsWith('script'))).toEqual(['script ./assets/main.js']);
  });

  it('fetches MapLibre alongside the app exactly where the app loads it at once', () => {
    for (const environment of [{ width: 1280 }, { width: 390 }, { width: 1280, saveData: true }, { width: 601 }]) {
      const preloads = runLoader(environment).filter((e) => e.startsWith('modulepreload'));
      expect(preloads, JSON.stringify(environment)).toEqual(
        loadsAtOnce(environment) ? ['modulepreload ./assets/maplibre-gl.js'] : [],
      );
    }
  });

  it('folds the key on a phone before the app starts, and leaves it open on a laptop', () => {
    const [phone, laptop] = [key(), key()];
    runLoader({ width: 390 }, [phone]);
    runLoader({ width: 1280 }, [laptop]);
    expect(phone.open).toBe(false);
    expect(laptop.open).toBe(true);
  });
});
