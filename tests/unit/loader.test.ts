import { describe, expect, it } from 'vitest';
import { loaderScript } from '../../src/static/prerender';
import { loadsAtOnce, type LoadEnvironment } from '../../src/map/policy';

/** Runs the inline loader in a stand-in window and lists the elements it adds to the head. */
function runLoader({ width, saveData }: LoadEnvironment): string[] {
  const added: string[] = [];
  const element = () => ({ rel: '', href: '', src: '', type: '' });
  const document = {
    createElement: element,
    head: {
      appendChild: (e: ReturnType<typeof element>) => added.push(e.rel ? `${e.rel} ${e.href}` : `script ${e.src}`),
    },
  };
  const script = loaderScript({ entry: 'assets/main.js', preload: ['assets/maplibre-gl.js'] });
  new Function('innerWidth', 'navigator', 'document', 'PerformanceObserver', 'setTimeout', script)(
    width,
    { connection: saveData === undefined ? undefined : { saveData } },
    document,
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
});
