/**
 * Posters to PNG at build time, with resvg, in a child process. resvg 2.6 can abort the whole
 * process on some inputs (a Rust panic on certain dashed curves, seen here with generated
 * stories), and an abort cannot be caught: a child that dies costs one picture, not the build.
 * A poster that fails is tried again alone, then with its dashes made solid; one that still
 * fails gets no PNG (its SVG is still published) and a warning.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);

/** The child: reads `{ svgs, fontFiles }` as JSON on stdin, writes base64 PNGs as JSON. */
const CHILD = `
const { Resvg } = require(${JSON.stringify(require.resolve('@resvg/resvg-js'))});
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const { svgs, fontFiles } = JSON.parse(input);
  const font = { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' };
  process.stdout.write(JSON.stringify(svgs.map((svg) => new Resvg(svg, { font }).render().asPng().toString('base64'))));
});
`;

const FONT_DIR = resolve(require.resolve('dejavu-fonts-ttf/package.json'), '../ttf');
const FONT_FILES = [resolve(FONT_DIR, 'DejaVuSans.ttf'), resolve(FONT_DIR, 'DejaVuSans-Bold.ttf')];

function render(svgs: string[]): Buffer[] | null {
  const child = spawnSync(process.execPath, ['-e', CHILD], {
    input: JSON.stringify({ svgs, fontFiles: FONT_FILES }),
    maxBuffer: 512 * 1024 * 1024,
  });
  if (child.status !== 0) return null;
  return (JSON.parse(child.stdout.toString('utf8')) as string[]).map((b64) => Buffer.from(b64, 'base64'));
}

export function postersToPng(svgs: string[], warn: (message: string) => void): (Buffer | null)[] {
  const all = render(svgs);
  if (all) return all;
  return svgs.map((svg, i) => {
    const alone = render([svg])?.[0];
    if (alone) return alone;
    const solid = render([svg.replace(/ stroke-dasharray="[^"]*"/g, '')])?.[0];
    if (solid) {
      warn(`poster ${i + 1}: resvg failed on its dashed lines; its PNG draws them solid`);
      return solid;
    }
    warn(`poster ${i + 1}: resvg could not render it; it has an SVG but no PNG`);
    return null;
  });
}
