/**
 * Kinds of claim. A kind is data: an id that `claims.json` names, the words the key, cards, table,
 * posters and embed show for it, and the look it is drawn with (one of the symbology's
 * colour-vision-safe looks, `symbology/claims.ts` KIND_LOOKS). The engine's general vocabulary is
 * `data/kinds.json`; a story may declare its own kinds, or its own words for the engine's, in
 * `story.json` (`kinds`). The build resolves the kinds a story uses into `Story.kinds`; no label is
 * written in code.
 */

/** The id of a kind: the story's own or the engine's. */
export type ClaimKind = string;

/** A kind as `story.json` (or the engine's `data/kinds.json`) declares it. */
export interface KindDeclaration {
  id: string;
  label: string;
  /** One line for the key: what the kind means. */
  description: string;
  /** The name of one of the engine's looks. */
  look: string;
}

/** A kind as the app shows it, resolved at build time. */
export type KindInfo = KindDeclaration;

/** The words and look of the kind `id` among a story's kinds (its id as a label if it has none). */
export function kindInfo(kinds: readonly KindInfo[], id: string): KindInfo {
  return kinds.find((k) => k.id === id) ?? { id, label: id, description: '', look: id };
}

/**
 * The kinds a story's claims use, in order of first use: the story's declaration where it makes
 * one, else the engine's. Ids with neither come back in `unknown`, for the build to report.
 */
export function resolveKinds(
  used: readonly string[],
  declared: readonly KindDeclaration[],
  vocabulary: readonly KindDeclaration[],
): { kinds: KindInfo[]; unknown: string[] } {
  const kinds: KindInfo[] = [];
  const unknown: string[] = [];
  for (const id of new Set(used)) {
    const kind = declared.find((k) => k.id === id) ?? vocabulary.find((k) => k.id === id);
    if (kind) kinds.push({ id: kind.id, label: kind.label, description: kind.description, look: kind.look });
    else unknown.push(id);
  }
  return { kinds, unknown };
}
