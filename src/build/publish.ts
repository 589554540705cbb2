/**
 * The data the site publishes for readers ("Get the data"): the claims as JSON and as CSV, the
 * flows as GeoJSON, and a README beside them. Each file says, in its own metadata where its
 * format has room for it (JSON top-level fields, GeoJSON foreign members) and in the README for
 * the CSV, that arrows are schematic, where the data comes from, and under what licence.
 */
import { kindInfo } from '../story/kinds.ts';
import { placeName, worldLongitude } from '../story/places.ts';
import { articlePhrase, dataLicense, dataSource, MODALITY_TEXT, SCHEMATIC_NOTE } from '../story/wording.ts';
import { MODALITIES, type Story } from '../story/types.ts';

/** Where the published files go, under the site's root. */
export const DATA_FILES = {
  claims: 'data/claims.json',
  csv: 'data/claims.csv',
  flows: 'data/flows.geojson',
  annotations: 'data/annotations.jsonld',
  article: 'data/article.txt',
  readme: 'data/README.txt',
} as const;

/** What every published file says about itself: schematic, where from, under what licence. */
export function dataMetadata(story: Story): {
  schematic: true;
  note: string;
  source: string;
  license: string;
  licenseUrl?: string;
} {
  const url = story.meta.license?.url;
  return {
    schematic: true,
    note: SCHEMATIC_NOTE,
    source: dataSource(story.meta, story.article.title),
    license: story.meta.license?.text ?? dataLicense(story.meta),
    ...(url ? { licenseUrl: url } : {}),
  };
}

/** What "Get the data" downloads as JSON: the claims with their sentences, the story's facts, and the metadata. */
export function publishedClaims(story: Story): object {
  return {
    title: story.article.title,
    article: story.meta.article,
    ...dataMetadata(story),
    kinds: story.kinds.map(({ id, label, description }) => ({ id, label, description })),
    claims: story.claims.map((c) => ({
      id: c.id,
      kind: c.kind,
      modality: c.modality,
      shape: c.shape,
      actors: c.actors,
      // As the data gives it: one place id, or several.
      origin: c.origins.length > 1 ? c.origins : c.origin,
      destinations: c.destinations,
      caption: c.caption,
      ...(c.note ? { note: c.note } : {}),
      quote: c.quote,
      paragraph: c.paragraph,
      sentence: c.sentence,
      selector: c.selector,
    })),
    // Longitudes as the world writes them (the map may run them on past 180°).
    places: story.places.map((p) => ({ ...p, coordinates: [worldLongitude(p.coordinates[0]), p.coordinates[1]] })),
  };
}

/** The flows as GeoJSON, the metadata as foreign members of the collection (RFC 7946, section 6.1). */
export function publishedFlows(story: Story): object {
  const { type, features } = story.flows;
  return { type, title: story.article.title, ...dataMetadata(story), features };
}

/** The CSV's columns, in order. */
export const CSV_COLUMNS = [
  'number',
  'id',
  'kind',
  'modality',
  'caption',
  'from',
  'to',
  'paragraph',
  'sentence',
  'quote',
] as const;

/** One field, quoted when it must be (RFC 4180: a comma, a double quote or a line break in it). */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The claims as CSV: one row per claim (several origins or destinations in one field, separated by "; "),
 * RFC 4180 (CRLF line ends, fields quoted as needed), UTF-8 with a byte order mark so that
 * spreadsheets read the curly quotes and accents right.
 */
export function claimsCsv(story: Story): string {
  const name = (id: string) => placeName(story.places, id);
  const rows = story.claims.map((c) => ({
    number: c.number,
    id: c.id,
    kind: kindInfo(story.kinds, c.kind).label,
    modality: c.modality,
    caption: c.caption,
    from: c.origins.map(name).join('; '),
    to: c.destinations.map(name).join('; '),
    paragraph: c.paragraph,
    sentence: c.sentence,
    quote: c.quote,
  }));
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((k) => csvField(row[k])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A plain-text README beside the data files: what each holds, and the metadata the CSV cannot carry. */
export function dataReadme(story: Story): string {
  const meta = dataMetadata(story);
  const kinds = story.kinds.map((k) => `  ${k.label} (${k.id}): ${k.description}`);
  const modalities = MODALITIES.map((m) => `  ${m}: ${MODALITY_TEXT[m].description}`);
  return `${[
    `The data behind the claim map of “${story.article.title}”`,
    '',
    `The geographic claims of ${articlePhrase(story.meta.article.genre)}, each bound to the sentence that makes it. These are claims the article makes, not verified facts.`,
    '',
    meta.note,
    '',
    `Source: ${meta.source}`,
    '',
    `Licence: ${meta.license}${meta.licenseUrl ? ` (${meta.licenseUrl})` : ''}`,
    '',
    'Files',
    `  claims.csv: one row per claim, for spreadsheets (RFC 4180, UTF-8 with a byte order mark). Columns: ${CSV_COLUMNS.join(', ')}. "kind" is the kind's label; "from" and "to" are place names (several destinations separated by "; "); "paragraph" and "sentence" count from 1, the title not included; "quote" is the whole sentence, verbatim.`,
    '  claims.json: the same claims with their actors, notes, place ids and the W3C TextQuoteSelector that binds each to its sentence, the places with their coordinates and sources, and this metadata.',
    '  flows.geojson: what the map draws, one feature per arrow, marker, area or border (RFC 7946), with this metadata as foreign members ("schematic", "note", "source", "license").',
    '  annotations.jsonld: the claims as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/), one per claim: its target the quoted passage of article.txt (a TextQuoteSelector and a TextPositionSelector, counted in Unicode code points from 0), its bodies the caption, the kind and the places (schema.org places with their coordinates, and their Wikidata or GeoNames items where known).',
    `  article.txt: the article's text as the map quotes it (the title on the first line, then one paragraph a line), which the annotations' positions count in. It remains ${story.meta.article.author ?? story.meta.article.outlet ?? 'its author'}'s, published here so the annotations can be checked.`,
    '',
    'Kinds',
    ...kinds,
    '',
    'Modality (what the sentence does with its claim; only reported claims are drawn solid, the others hollow)',
    ...modalities,
  ].join('\n')}\n`;
}
