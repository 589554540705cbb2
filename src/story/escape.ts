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
