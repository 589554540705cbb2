/**
 * The studio's words for the build's problems: each said as what to do, naming the claim by its
 * number and caption, the place by its name, and the field by its label on the page. The build's
 * own wording (file, field, schema keyword) is kept for developers (`details`). Each problem is
 * read by where it is (`file`, `item`, `field`) and which rule failed (`code`), with the draft to
 * tell cases apart; nothing here parses the build's English. The labels of the fields on the page
 * are said here, once, and the forms use them.
 */
import type { Claim, ClaimShape, KindDeclaration, StoryMeta } from '../story/types';
import { originsOf } from '../story/places';
import { claimItem, placeItem, type Draft, type DraftPlace, type Problem } from './draft';

/** The claim form's labels. */
export const CLAIM_LABELS = {
  quote: 'The words of the article',
  caption: 'Caption',
  kind: 'Kind',
  shape: 'Shape',
  act: 'What the sentence does',
  modality: 'How the article says it',
  actors: 'Actors (one a line)',
  note: 'Note (your reading of the sentence)',
  id: 'Name for developers',
  unplaced: 'The article does not say where in the country (drawn as a badge at its name)',
} as const;

/** The claim's first place: where it starts, or where it is. */
export const originLabel = (shape: ClaimShape) => (shape === 'arrows' ? 'From' : 'Where');
/** The claim's other places: where it goes, or the country across the border. */
export const destinationsLabel = (shape: ClaimShape) => (shape === 'arrows' ? 'To' : 'Border with');

/** A place's labels in the list of places. */
export const PLACE_LABELS = { name: 'Name', longitude: 'Longitude', latitude: 'Latitude' } as const;

/** The fields of story.json's `article`, as the form asks for them. */
export const ABOUT_LABELS: [keyof StoryMeta['article'], string][] = [
  ['author', 'Author'],
  ['outlet', 'Outlet'],
  ['url', 'Address of the article (URL)'],
  ['published', 'Published (YYYY-MM-DD)'],
  ['genre', 'Genre, in the outlet’s word (news report, analysis…)'],
];

/** A problem in the studio's words, and the build's for developers. */
export interface PlainProblem {
  text: string;
  details: string;
  /** The claim (its index) or place (its index) the problem is about, if either. */
  claim: number | null;
  place: number | null;
}

/** What the wording reads besides the problem: the draft, and the kinds it may use. */
export interface WordingContext {
  draft: Draft;
  /** The engine's vocabulary of kinds. */
  vocabulary: readonly KindDeclaration[];
}

const quoted = (text: string) => `“${text}”`;
const label = (text: string) => quoted(text.replace(/ \(.*\)$/, ''));
const schema = (problem: Problem, ...keywords: string[]) => keywords.some((k) => problem.code === `schema:${k}`);
/** The `n`th entry an item names: `claim "x"` by its id, or `claim #3` by its position. */
function indexOf<T>(entries: readonly T[], item: string, itemOf: (entry: T) => string, noun: string): number | null {
  const byId = entries.findIndex((e) => itemOf(e) === item);
  if (byId >= 0) return byId;
  const at = item.startsWith(`${noun} #`) ? Number(item.slice(noun.length + 2)) - 1 : NaN;
  return Number.isInteger(at) && at >= 0 && at < entries.length ? at : null;
}

/** Text, or '' for anything else: a draft opened from a zip may have any shape. */
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** A claim's fields the wording reads, whatever shape a draft opened from a zip gave them. */
function sound(claim: Claim): Claim {
  const destinations = Array.isArray(claim.destinations) ? claim.destinations.filter((d) => typeof d === 'string') : [];
  return { ...claim, caption: str(claim.caption), kind: str(claim.kind), origin: str(claim.origin), destinations };
}

/** "Claim 2 (“Troops cross the river”)", or "Claim 2" before it has a caption. */
export function claimName(claims: readonly Claim[], index: number): string {
  const caption = str(claims[index]?.caption).trim();
  return `Claim ${index + 1}${caption ? ` (${quoted(caption)})` : ''}`;
}

/** "“Brazil”", or "place 3" before it has a name. */
const placeName = (places: readonly DraftPlace[], index: number) =>
  str(places[index]?.name).trim() ? quoted(str(places[index]!.name).trim()) : `place ${index + 1}`;
const placeById = (places: readonly DraftPlace[], id: string) => {
  const index = places.findIndex((p) => p.id === id);
  return index >= 0 ? placeName(places, index) : 'a place no longer in the story';
};

/** The field's first part: `destinations[0]` is `destinations`, `selector.exact` is `selector`. */
const root = (field: string | null) => field?.split(/[.[]/)[0] ?? '';
/** The index in `destinations[2]`. */
const fieldIndex = (field: string | null) => Number(/\[(\d+)\]/.exec(field ?? '')?.[1] ?? NaN);

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function claimWords(problem: Problem, claim: Claim, ctx: WordingContext): string {
  const { places } = ctx.draft;
  const from = label(originLabel(claim.shape));
  const to = label(destinationsLabel(claim.shape));
  const field = root(problem.field);
  switch (field) {
    case 'caption':
      return schema(problem, 'maxLength')
        ? 'has a caption that is too long: keep it to 140 characters'
        : 'needs a caption: a few words that say what the sentence claims';
    case 'kind': {
      const known = [...(ctx.draft.meta.kinds ?? []), ...ctx.vocabulary].find((k) => k.id === claim.kind);
      if (!claim.kind) return `needs a kind: choose one under ${label(CLAIM_LABELS.kind)}`;
      if (!known || problem.code) {
        return `has a kind this story does not have: choose one under ${label(CLAIM_LABELS.kind)}, or add a kind`;
      }
      return `is drawn with the same look as another claim of another kind, so readers could not tell them apart: choose the same kind for both under ${label(CLAIM_LABELS.kind)}, or add a kind with a look of its own`;
    }
    case 'shape':
      return `needs a shape: choose one under ${label(CLAIM_LABELS.shape)}`;
    case 'modality':
      return `needs to say whether the article reports, predicts or urges it: choose under ${label(CLAIM_LABELS.modality)}`;
    case 'actors':
      return `needs who acts, as the article names them: write at least one under ${label(CLAIM_LABELS.actors)}`;
    case 'note':
      return `has an empty note: write your reading of the sentence under ${label(CLAIM_LABELS.note)}, or leave it out`;
    case 'selector':
      if (problem.code === 'quote-ambiguous')
        return 'has words that occur more than once in the article: select a few more words around them and add the claim again';
      return 'has words the article no longer has: select them again in the article and add the claim again';
    case 'id':
      return `has the same ${label(CLAIM_LABELS.id)} as another claim, or one written with other letters than a to z, digits and dashes: change it under “Details for developers”`;
    case 'unplaced':
      return claim.unplaced
        ? `cannot be drawn as a badge at a country’s name: untick ${label(CLAIM_LABELS.unplaced)}, or make it a point about a country`
        : `is about a whole country: tick ${label(CLAIM_LABELS.unplaced)}, or choose a town the article names under ${from}`;
    case 'origin': {
      const origins = originsOf(claim).filter(Boolean);
      if (!origins.length) return `needs a place: choose one under ${from}`;
      if (!origins.every((id) => places.some((p) => p.id === id)))
        return `uses a place that is no longer in the story: choose another under ${from}`;
      const what = claim.shape === 'border' ? 'a border' : 'an area';
      return `cannot be drawn as ${what} at ${andList(origins.map((id) => placeById(places, id)))}: choose a country under ${from}, or another shape`;
    }
    case 'destinations': {
      const origins = originsOf(claim);
      const from1 = andList(origins.map((id) => placeById(places, id)));
      if (claim.destinations.some((d) => origins.includes(d)))
        return `has its ${from} place under ${to} too: untick it under ${to}`;
      if (schema(problem, 'minItems') || !claim.destinations.length)
        return `needs at least one place under ${to}: tick one, or find it under “Find a place” first`;
      if (schema(problem, 'maxItems'))
        return `has more places than its shape takes: choose “Arrows” or “Border” under ${label(CLAIM_LABELS.shape)}`;
      const id = claim.destinations[fieldIndex(problem.field)];
      if (id !== undefined && !places.some((p) => p.id === id))
        return `uses a place that is no longer in the story: untick it under ${to}`;
      if (claim.shape === 'border')
        return `has no border to draw between ${from1} and the countries under ${to}: choose neighbouring countries, or another shape`;
      return `has ${id === undefined ? 'a place' : placeById(places, id)} under ${to} at the same spot as ${from1}: an arrow between them would have no length; choose another place`;
    }
    default:
      return 'has something the studio cannot show: a developer can read it under “Details for developers”';
  }
}

function placeWords(problem: Problem, place: DraftPlace): string {
  switch (root(problem.field)) {
    case 'name':
      return `needs a name: type it under ${label(PLACE_LABELS.name)}`;
    case 'coordinates':
      if (schema(problem, 'minimum', 'maximum', 'type', 'minItems', 'maxItems'))
        return `needs a longitude between -180 and 180 and a latitude between -85 and 85`;
      if (!place.coordinates) {
        return place.kind === 'country'
          ? 'is too small for the map to write its name: drop a point on the map where it should go'
          : `needs a spot on the map: type its ${label(PLACE_LABELS.longitude)} and ${label(PLACE_LABELS.latitude)}`;
      }
      return place.kind === 'sea'
        ? 'is at sea, but its spot is on land: drag it off the coast on the map, or change its longitude and latitude'
        : 'is not in its country: drag it into the country on the map, or check its longitude and latitude (longitude first)';
    case 'country':
    case 'countries':
      if (place.kind === 'sea')
        return 'is at sea, so it is in no country: remove it and drop a point on the sea instead';
      return 'is in a country the studio cannot tell: remove it and find it again by name under “Find a place”';
    case 'id':
      return 'has the same name for developers as another place: remove one of them';
    default:
      return 'has something the studio cannot show: a developer can read it under “Details for developers”';
  }
}

/** The words for a problem of story.json or article.txt, or a file as a whole. */
function storyWords(problem: Problem, ctx: WordingContext): string {
  const field = problem.field ?? '';
  if (problem.file === 'claims.json')
    return 'The story has no claim yet: select words of the article and press “Add claim”.';
  if (problem.file === 'places.json')
    return 'The story has no place yet: find one by name under “Find a place”, then choose it in a claim.';
  if (problem.file === 'article.txt') {
    return ctx.draft.article.trim()
      ? 'The article has a title but no paragraphs: start again from the text, the title on the first line and one paragraph a line.'
      : 'The article is empty: paste it under “Start a story”, the title on the first line and one paragraph a line.';
  }
  if (problem.file === 'story.json' && field.startsWith('article')) {
    const about = ABOUT_LABELS.find(([f]) => `article.${f}` === field);
    return `Under “About the article”, check ${label(about?.[1] ?? 'the article’s details')}.`;
  }
  if (problem.file === 'story.json' && field.startsWith('region'))
    return 'The map’s frame, set for this story in its files, leaves out a place or is wrong: a developer can read why under “Details for developers”.';
  if (problem.file === 'story.json' && problem.item) {
    const kind = (ctx.draft.meta.kinds ?? []).find((k) => `kind "${k.id}"` === problem.item);
    return `The kind ${kind?.label ? quoted(kind.label) : 'added to this story'} needs a label and a look of its own: add it again under “Add a kind”.`;
  }
  if (problem.file === 'kinds.json')
    return 'The engine’s list of kinds cannot be read: tell the developer who set up the studio.';
  return fileWords(problem);
}

/** Words for a story file or zip refused as it is opened: the build's problem in its own words goes to details. */
function fileWords(problem: Problem): string {
  if (problem.code === 'file:missing')
    return 'This is not a story folder or zip from the studio: one of its four files is missing.';
  if (problem.code === 'file:size') return 'This file is too large to be a story.';
  return 'A file of this story is damaged and cannot be read: open the zip the studio downloaded, unchanged.';
}

/** A problem as the studio says it. */
export function plainProblem(problem: Problem, ctx: WordingContext): PlainProblem {
  const { claims, places } = ctx.draft;
  const details = problem.message;
  if (problem.file === 'claims.json' && problem.item) {
    const index = indexOf(claims, problem.item, claimItem, 'claim');
    if (index !== null) {
      const text = `${claimName(claims, index)} ${claimWords(problem, sound(claims[index]!), ctx)}.`;
      return { text, details, claim: index, place: null };
    }
  }
  if (problem.file === 'places.json' && problem.item) {
    const index = indexOf(places, problem.item, placeItem, 'place');
    if (index !== null) {
      const text = `${cap(placeName(places, index))} ${placeWords(problem, places[index]!)}.`;
      return { text, details, claim: null, place: index };
    }
  }
  if (problem.file === 'story.json' && root(problem.field) === 'region') {
    // A place the frame leaves out is named by the build in the field's words: say which of ours.
    const left = places.findIndex((p) => problem.problem.includes(`place "${p.id}"`));
    if (left >= 0) {
      const text = `${cap(placeName(places, left))} lies outside the map’s frame set for this story: a developer can widen the frame or remove it (see “Details for developers”).`;
      return { text, details, claim: null, place: left };
    }
  }
  return { text: storyWords(problem, ctx), details, claim: null, place: null };
}

/** Every problem as the studio says it, the same words said once (their details together). */
export function plainProblems(problems: readonly Problem[], ctx: WordingContext): PlainProblem[] {
  const byText = new Map<string, PlainProblem>();
  for (const problem of problems) {
    const plain = plainProblem(problem, ctx);
    const same = byText.get(plain.text);
    if (same) same.details += `\n${plain.details}`;
    else byText.set(plain.text, plain);
  }
  return [...byText.values()];
}

/** "a, b and c" */
const andList = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');

/** The places a claim uses, in words by its fields' labels: "From “Brazil” to “Chile”", or what is missing. */
export function claimRoute(given: Claim, places: readonly DraftPlace[]): string {
  const claim = sound(given);
  const from = originLabel(claim.shape);
  const origins = originsOf(claim).filter(Boolean);
  if (!origins.length) return `No place chosen yet: choose one under “${from}”.`;
  const origin = andList(origins.map((id) => placeById(places, id)));
  const others = claim.destinations.map((id) => placeById(places, id));
  if (claim.shape === 'arrows')
    return others.length ? `From ${origin} to ${andList(others)}.` : `From ${origin}; choose where to under “To”.`;
  if (claim.shape === 'border')
    return others.length
      ? `The border of ${origin} with ${andList(others)}.`
      : `${origin}; choose the other country under “Border with”.`;
  return `Where: ${origin}.`;
}
