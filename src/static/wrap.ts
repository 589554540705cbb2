/** Text broken into lines for SVG, which lays out none: posters and their key. */

/**
 * Breaks text into lines of at most `max` characters, at spaces. Character counts stand in for
 * measured widths: there is no text layout at build time, and the sizes are generous.
 */
export function wrapText(text: string, max: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\W*\w*$/, '')}…`;
    return kept;
  }
  return lines;
}
