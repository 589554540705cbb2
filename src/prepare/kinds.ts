/**
 * The kinds of claims: those a story declares (story.json "kinds") and the engine's vocabulary
 * (kinds.json), each naming a look, with unique ids; then the kinds the claims use, resolved, each
 * drawn with a look no other kind of the story has, so a reader can tell them apart.
 */
import { resolveKinds, type KindDeclaration, type KindInfo } from '../story/kinds.ts';
import { isLook, LOOK_NAMES } from '../symbology/claims.ts';
import type { StoryFileName } from './files.ts';
import { DataError, list, type Checked } from './problems.ts';
import type { Claim } from '../story/types.ts';

const quoted = (items: readonly string[]) => list(items.map((i) => `"${i}"`));

/** The problems of the kinds a story or the engine declares: a look each, and unique ids. */
export function declaredKindProblems(file: StoryFileName, kinds: readonly KindDeclaration[]): DataError[] {
  const problems: DataError[] = [];
  const seen = new Set<string>();
  for (const kind of kinds) {
    const item = `kind "${kind.id}"`;
    if (seen.has(kind.id)) problems.push(new DataError(file, item, 'id', 'duplicate kind id'));
    seen.add(kind.id);
    if (!isLook(kind.look)) {
      problems.push(
        new DataError(file, item, 'look', `unknown look "${kind.look}"; the looks available are ${quoted(LOOK_NAMES)}`),
      );
    }
  }
  return problems;
}

/**
 * The kinds the claims use, resolved (the story's declaration first, then the engine's); a claim
 * of a kind neither declares is a problem naming the kinds available, and so are two kinds drawn
 * with the same look, since a reader could not tell them apart.
 */
export function claimKinds(
  claims: readonly Pick<Claim, 'id' | 'kind'>[],
  declared: readonly KindDeclaration[],
  vocabulary: readonly KindDeclaration[],
): Checked<KindInfo[]> {
  const { kinds, unknown } = resolveKinds(
    claims.map((c) => c.kind),
    [...declared],
    [...vocabulary],
  );
  const own = declared.length ? `this story's (story.json "kinds"): ${quoted(declared.map((k) => k.id))}; ` : '';
  const problems = claims
    .filter((claim) => unknown.includes(claim.kind))
    .map(
      (claim) =>
        new DataError(
          'claims.json',
          `claim "${claim.id}"`,
          'kind',
          `unknown kind "${claim.kind}". The kinds available are ${own}the engine's: ${quoted(vocabulary.map((k) => k.id))}. Or declare it in story.json "kinds" with an id, label, description and look`,
        ),
    );
  const byLook = new Map<string, KindInfo>();
  for (const kind of kinds) {
    const other = byLook.get(kind.look);
    if (!other) {
      byLook.set(kind.look, kind);
      continue;
    }
    const claim = claims.find((c) => c.kind === kind.id)!;
    const first = claims.find((c) => c.kind === other.id)!;
    const free = LOOK_NAMES.filter((l) => !kinds.some((k) => k.look === l));
    problems.push(
      new DataError(
        'claims.json',
        `claim "${claim.id}"`,
        'kind',
        `kind "${kind.id}" is drawn with the same look ("${kind.look}") as kind "${other.id}" (claim "${first.id}"), so readers could not tell them apart. Use one kind for both, or declare one in story.json "kinds" with a look no other kind here uses: ${quoted(free)}`,
      ),
    );
  }
  return { value: kinds, problems };
}
