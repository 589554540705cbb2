/**
 * The one escaper for text that goes into markup written as a string: posters, share pages, the
 * prerendered head, the embed snippet. Safe in element text and in quoted attribute values alike.
 * (Svelte templates escape on their own; nothing from a story, a URL or a message is ever
 * inserted as HTML.)
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A value as JSON to write inside a `<script>` data block (`<script type="application/ld+json">`):
 * `<`, `>` and `&` are written as JSON's `\u003c`, `\u003e` and `\u0026`, so no text of the
 * story (an article quoting `</script>`, say, or `<!--`) can end the element or change how it is
 * parsed, and the line separators U+2028 and U+2029 as escapes too. `JSON.parse` of the element's
 * text gives back the same value.
 */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
