/**
 * Every sentence the app writes about the article and its claims, in one place: how the article
 * is described (from its genre in `story.json`, whatever it is), how a claim is attributed to it
 * (headings, posters, share pages, link previews, the embed's picker, the presenter view), and
 * what a claim's modality means (the key, the card). A claim is never stated as a fact: each
 * title says that the article says, predicts or recommends it.
 *
 * No genre, label or sentence of any story is written here: they come from the story's data.
 */
import type { ClaimAct, Modality, Place, ResolvedClaim, StoryMeta, Voice } from './types.ts';
import { claimPlaces } from './places.ts';

type Genre = StoryMeta['article']['genre'];

/**
 * Words that already name a kind of text: a genre ending in one is used as it is ("News report",
 * "Analysis"); any other is a kind of article ("Satire" → "satire article").
 */
const TEXT_NOUNS = [
  'article',
  'analysis',
  'blog',
  'column',
  'commentary',
  'dispatch',
  'editorial',
  'essay',
  'explainer',
  'feature',
  'interview',
  'investigation',
  'letter',
  'obituary',
  'op-ed',
  'oped',
  'piece',
  'post',
  'profile',
  'release',
  'report',
  'review',
  'speech',
  'statement',
  'story',
  'transcript',
];

/** "a" or "an" before a word, by how it sounds as far as its spelling tells. */
function indefinite(word: string): string {
  const w = word.toLowerCase();
  const vowelSound = /^[aeiou]/.test(w) && !/^(uni|use|usu|eu|one|once)/.test(w);
  return vowelSound || /^(hour|honest|honou?r|heir)/.test(w) ? 'an' : 'a';
}

/** What kind of text the article is, lower case, without an article: "satire article", "news report". */
export function genreNoun(genre: Genre): string {
  const g = genre?.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!g) return 'article';
  const last = g.split(' ').pop()!;
  return TEXT_NOUNS.includes(last) || (last.endsWith('s') && TEXT_NOUNS.includes(last.slice(0, -1)))
    ? g
    : `${g} article`;
}

/** The article, as a sentence names it: "a satire article", "a news report", "an article". */
export function articlePhrase(genre: Genre): string {
  const noun = genreNoun(genre);
  return `${indefinite(noun)} ${noun}`;
}

/** The first letter up. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The reader's kicker: "Claim map · news report" (the page sets it in capitals). */
export function readerKicker(genre: Genre): string {
  return genre?.trim() ? `Claim map · ${genreNoun(genre)}` : 'Claim map';
}

/** The overview's kicker (classroom, overview poster): "The claims of a news report". */
export function claimsOfArticle(genre: Genre): string {
  return `The claims of ${articlePhrase(genre)}`;
}

/** That arrows are schematic, in a sentence (the overview's hint, the printed map's caption). */
export const SCHEMATIC =
  'Arrows are schematic: they link countries and show what the article claims, not verified movements or routes.';

/** The map's accessible name, in every shell; the classroom's is stepped through. */
export function mapLabel(title: string, stepByStep = false): string {
  return `Map of the claims in “${title}”${stepByStep ? ', step by step' : ''}. Arrows are schematic.`;
}

/** The map's accessible description: every claim it draws, numbered, by its caption. */
export function mapDescription(claims: readonly Pick<ResolvedClaim, 'number' | 'caption'>[]): string {
  return claims.map((c) => `${c.number}. ${c.caption}.`).join(' ');
}

/** Under the printed title: what the article is, who wrote it, and where, as far as recorded. */
export function printedAttribution(article: StoryMeta['article']): string {
  return [
    capitalized(articlePhrase(article.genre)),
    article.author ? ` by ${article.author}` : '',
    article.outlet ? ` in ${article.outlet}` : '',
    article.published ? `, published ${article.published}` : '',
    '.',
    article.author || article.outlet ? '' : ' Its author and publisher are not recorded.',
    article.url ? ` ${article.url}` : '',
    ' The map shows what it claims, not verified facts.',
  ].join('');
}

/** What the map is and is not, for the page's "About" and the data's README. */
export function aboutMap(genre: Genre): string {
  return `The map shows what ${articlePhrase(genre)} claims, not verified facts. Arrows are schematic: they link countries, each end where the map writes the country’s name (or at a named place’s dot), and are not movements or routes. Each claim quotes its sentence verbatim.`;
}

/** The reader's hint under the map with nothing selected. */
export function overviewHint(count: number, genre: Genre): string {
  return `${count} claims of ${articlePhrase(genre)}. ${SCHEMATIC}`;
}

/** The embed's one line under its title. */
export function embedLine(genre: Genre): string {
  return `What ${articlePhrase(genre)} claims, mapped. Arrows are schematic, not routes.`;
}

/** The site's description (meta description, link preview of the map itself). */
export function siteDescription(count: number, genre: Genre): string {
  return `${count} geographic claims of ${articlePhrase(genre)}, each with its sentence. Arrows are schematic.`;
}

/** The classroom's opening and the overview poster: what the steps show. */
export function overviewLead(count: number): string {
  return `${count} geographic claims, one at a time. Arrows are schematic: they show what the article claims, not verified movements or routes.`;
}

/** How the article is credited on a poster: “Title” (news report), quoted verbatim. */
export function posterCredit(title: string, genre: Genre): string {
  return `Claims: “${title}” (${genreNoun(genre)}), quoted verbatim. Map: Natural Earth; schematic arrows.`;
}

/** The verb the attribution takes for each modality: the article says, predicts, recommends. */
const ATTRIBUTION: Record<Modality, string> = {
  reported: 'The article says',
  alleged: 'The article reports the accusation',
  predicted: 'The article predicts',
  conditional: 'The article predicts, on a condition',
  recommended: 'The article recommends',
};

/** Over a claim's sentence, quoted (card, classroom, poster). */
export const QUOTE_LABEL = 'The sentence, verbatim:';

/** The attribution alone: "The article says:". */
export function attribution(modality: Modality = 'reported'): string {
  return `${ATTRIBUTION[modality]}:`;
}

/**
 * A claim as every title shows it, attributed to the article: "The article says: the TTP…". The
 * caption is the map maker's summary of the sentence; this is what stops it reading as a fact.
 */
export function claimTitle(claim: Pick<ResolvedClaim, 'caption' | 'modality'>): string {
  return `${attribution(claim.modality)} ${claim.caption}`;
}

/** What a screen reader hears of a claim picked or stepped to: its title, its places, its sentence. */
export function claimAnnouncement(claim: ResolvedClaim, places: readonly Place[]): string {
  return `${claimTitle(claim)}. ${claimPlaces(claim, places)} The sentence: ${claim.quote}`;
}

/** A claim's title with its number, for pickers: "3. The article says: …". */
export function numberedClaimTitle(claim: Pick<ResolvedClaim, 'caption' | 'modality' | 'number'>): string {
  return `${claim.number}. ${claimTitle(claim)}`;
}

/** A share page's description (and its link preview's): the sentence, quoted, with where it is. */
export function claimPreview(claim: Pick<ResolvedClaim, 'quote' | 'paragraph' | 'sentence'>, genre: Genre): string {
  return `From ${articlePhrase(genre)}, paragraph ${claim.paragraph}, sentence ${claim.sentence}: “${claim.quote}”`;
}

/** What a modality means, for the card and the key: "Predicted by the article". */
export const MODALITY_TEXT: Record<Modality, { label: string; description: string }> = {
  reported: {
    label: 'Reported by the article',
    description: 'The article says this is so.',
  },
  alleged: {
    label: 'Alleged, as the article reports it',
    description: 'An accusation the article reports, not a proven fact.',
  },
  predicted: {
    label: 'Predicted by the article',
    description: 'A prediction, not a report of what is happening.',
  },
  conditional: {
    label: 'Predicted by the article, on a condition',
    description:
      'A prediction that holds if a condition the sentence states is met, not a report of what is happening.',
  },
  recommended: {
    label: 'Recommended by the article',
    description: 'What the article says should happen, not a report of what is happening.',
  },
};

/** A modality's label inside a sentence: "predicted by the article". */
const lowerLabel = (m: Modality) => MODALITY_TEXT[m].label.replace(/^\w/, (c) => c.toLowerCase());

/** The key's row for claims drawn hollow: "Hollow: predicted by the article, on a condition". */
export function hollowKeyLabel(modalities: readonly Modality[]): string {
  const named = modalities.filter((m) => m !== 'reported' && m !== 'alleged').map(lowerLabel);
  return `Hollow: ${named.join('; ')} (not a report)`;
}

/** The key's row for accusations: drawn broken, with a "?". */
export const ALLEGED_KEY_LABEL = `Broken, with “?”: ${lowerLabel('alleged')} (unproven)`;

/**
 * The short tag a claim's mark carries on the map and in the key, beside its hollow or broken
 * drawing, so that it reads as not yet (or unproven) at reading size on a phone and on paper.
 */
export const MODALITY_TAG: Record<Modality, string | null> = {
  reported: null,
  alleged: '?',
  predicted: 'predicted',
  conditional: 'if …',
  recommended: 'urged',
};

/** How the map draws a claim of this modality, for the card: "Drawn hollow on the map, tagged “predicted”." */
export function modalityDrawn(modality: Modality): string {
  const tag = MODALITY_TAG[modality];
  if (modality === 'reported' || !tag) return '';
  return `Drawn ${modality === 'alleged' ? 'broken' : 'hollow'} on the map, tagged “${tag}”.`;
}

/** What each act is, in plain words, for the studio's form. */
export const ACT_CHOICE: Record<ClaimAct, string> = {
  moves: 'Something moves or is sent (people, goods, fighters, aid)',
  acts: 'Someone acts on another (recognises, donates, threatens)',
  fears: 'Someone fears or warns of something',
  views: 'Someone views or sides with another',
  competes: 'Two compete or oppose each other',
  holds: 'Something holds at a place (governs, unstable, a haven)',
};

/** The key's heading: what its entries are. */
export const KEY_HEADING = 'What the article claims';

/**
 * What each act's symbol means, worded as a claim for the key ("Armed groups: said to act on
 * another"): a claim, never a fact.
 */
export const ACT_KEY: Record<ClaimAct, string> = {
  moves: 'said to move or be sent',
  acts: 'said to act on another',
  fears: 'a fear reported, marked on those who fear',
  views: 'a view reported (a tie, not a route)',
  competes: 'a rivalry reported (a tie, not a route)',
  holds: 'said to hold at the place',
};

/** A row of the key: the kind's words and what its symbol claims. */
export function keyEntry(kindLabel: string, act: ClaimAct): string {
  return `${kindLabel}: ${ACT_KEY[act]}`;
}

/** Whose words a claim is, when the article reports another's: "Reported by the article: … say so". */
export function voiceText(voice: Voice): string {
  return `Whose words: ${voice.who} ${voice.says}, the article reports.`;
}

/** Over a claim's note, wherever the drawing goes (room screen, print, posters, downloads). */
export const NOTE_LABEL = 'How the map reads it:';

/**
 * Where a claim runs, in words: "Origin → A, B" for something that moves or an act on another
 * ("A and B → C" from several origins), "A – B" for a border, a view or a rivalry (ties, not
 * routes), "Origin, about A" for a fear and the source it names, the origin alone when the claim
 * has no destination.
 */
export function claimRoute(
  claim: Pick<ResolvedClaim, 'origin' | 'destinations' | 'shape'> & { act?: ClaimAct; origins?: readonly string[] },
  nameOf: (placeId: string) => string,
): string {
  const from = (claim.origins ?? [claim.origin]).map(nameOf).join(' and ');
  if (!claim.destinations.length) return from;
  const to = claim.destinations.map(nameOf).join(', ');
  if (claim.act === 'fears') return `${from}, about ${to}`;
  const tie = claim.shape === 'border' || claim.act === 'views' || claim.act === 'competes';
  return `${from} ${tie ? '–' : '→'} ${to}`;
}

/** What the card calls a claim's places. */
export function routeLabel(claim: Pick<ResolvedClaim, 'shape'> & { act?: ClaimAct }): string {
  if (claim.shape === 'border') return 'Border';
  if (claim.act === 'fears') return 'Who fears, and of where';
  if (claim.act === 'views' || claim.act === 'competes') return 'Between';
  return 'From → to';
}

/** The line above a claim's step in the classroom: its kind, its place in the story, its modality. */
export function stepKicker(
  kindLabel: string,
  claim: Pick<ResolvedClaim, 'number' | 'modality'>,
  count: number,
): string {
  const modality = claim.modality !== 'reported' ? ` · ${MODALITY_TEXT[claim.modality].label}` : '';
  return `${kindLabel} · claim ${claim.number} of ${count}${modality}`;
}

/** What each title a step of the classroom or the presenter view has. */
export function stepTitle(
  step: { kind: 'intro' } | { kind: 'outro' } | { kind: 'claim'; claim: Pick<ResolvedClaim, 'caption' | 'modality'> },
): string {
  if (step.kind === 'intro') return 'Opening: the overview';
  if (step.kind === 'outro') return 'Closing: all claims together';
  return claimTitle(step.claim);
}

/** Where the published data comes from, in one line (the files' metadata and README). */
export function dataSource(meta: StoryMeta, title: string): string {
  const a = meta.article;
  const by = [a.author && `by ${a.author}`, a.outlet && `in ${a.outlet}`, a.published && `published ${a.published}`]
    .filter(Boolean)
    .join(', ');
  return `Claims read from “${title}”${by ? `, ${by}` : ''} (${genreNoun(a.genre)}${a.url ? `, ${a.url}` : ''}): each claim quotes its sentence verbatim; captions, kinds, places and notes are the map maker's reading. Places: coordinates from each place's source. Boundaries: Natural Earth.`;
}

/** The data's licence, in one line, or what to do when the story states none. */
export function dataLicense(meta: StoryMeta): string {
  const license = meta.license;
  if (!license)
    return 'No licence stated: ask the map’s publisher before reusing the data. The quoted sentences remain the article’s.';
  return `${license.text}${license.url ? ` (${license.url})` : ''}`;
}

/** That arrows are schematic, for the data files: said the same way everywhere. */
export const SCHEMATIC_NOTE =
  'Arrows are schematic: they link countries (each end where the map writes the country’s name, or at a named place’s dot) to show what the article claims; they are not verified movements or routes.';
