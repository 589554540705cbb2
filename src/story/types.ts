/**
 * The story model: what the data files say (`Claim`, `Place`, `StoryMeta`) and what the build
 * derives from them (`Article`, `Sentence`, `ResolvedClaim`, `Story`).
 *
 * Everything here is plain JSON, so a prepared story can be serialised into the bundle, published
 * as a file and compared in tests.
 */
import type {
  Topology,
  GeometryCollection,
  MultiLineString as TopoMultiLineString,
  MultiPolygon as TopoMultiPolygon,
} from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ClaimKind, KindDeclaration, KindInfo } from './kinds.ts';

export type { ClaimKind, KindDeclaration, KindInfo };

/** `[longitude, latitude]` in degrees (WGS 84). */
export type LonLat = [number, number];

/** `[west, south, east, north]` in degrees. */
export type Bounds = [number, number, number, number];

/**
 * W3C Web Annotation TextQuoteSelector (https://www.w3.org/TR/annotation-model/#text-quote-selector).
 * `exact` is matched verbatim; `prefix`/`suffix` only disambiguate.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/**
 * How a claim is drawn:
 * - `arrows`: one curved arrow from the origin to each destination;
 * - `point`: a marker at the origin (the claim has no direction);
 * - `area`: the origin's country, filled;
 * - `border`: the border shared by the origin's country and each destination's country.
 */
export type ClaimShape = 'arrows' | 'point' | 'area' | 'border';

/**
 * How the sentence stands to its claim: reports it as so (`reported`, the default), reports an
 * accusation or allegation ("denounced for", "accused of", "said to": `alleged`), foresees it
 * (`predicted`), foresees it on a condition it states (`conditional`: "if …, … will"), or urges
 * it (`recommended`). A report is drawn solid; an allegation broken, with a "?" (unproven); the
 * others hollow, with a short tag (not yet) (`symbology/claims.ts`), and each is said so in the
 * key and the card (`story/wording.ts`).
 */
export type Modality = 'reported' | 'alleged' | 'predicted' | 'conditional' | 'recommended';

export const MODALITIES: readonly Modality[] = ['reported', 'alleged', 'predicted', 'conditional', 'recommended'];

/**
 * What the sentence does with its places (`story/acts.ts`):
 * - `moves`: something moves or is sent from the origin to each destination (people, goods, fighters, aid);
 * - `acts`: the origin acts on each destination (recognises, donates, threatens);
 * - `fears`: the origin fears or warns of something, coming from each destination (if any);
 * - `views`: the origin views or sides with each destination;
 * - `competes`: the origin and each destination compete or oppose;
 * - `holds`: a state holds at the origin (governs, is unstable, is a haven).
 * The fields keep one meaning across acts: `origin` is the subject (who moves, acts, fears,
 * views or competes; where the state holds), `destinations` the object (where it goes, who is
 * acted on, the source of what is feared, who is viewed, the rival).
 */
export type ClaimAct = 'moves' | 'acts' | 'fears' | 'views' | 'competes' | 'holds';

export const ACTS: readonly ClaimAct[] = ['moves', 'acts', 'fears', 'views', 'competes', 'holds'];

/**
 * Whose words the claim is, when the article reports another's: `who` as the article names them
 * ("the governments of …", "analysts"), `says` the article's own verb for it ("expressed concern",
 * "warn"). Absent: the claim is the article's own.
 */
export interface Voice {
  who: string;
  says: string;
}

/** One geographic claim of the article, as written in `claims.json`. */
export interface Claim {
  id: string;
  /** A kind the story declares in `story.json`, or one of the engine's (`data/kinds.json`). */
  kind: ClaimKind;
  shape: ClaimShape;
  /**
   * What the sentence does with its places. When absent it follows the shape (`arrows`:
   * `moves`; a point, area or border: `holds`), so an older story still builds.
   */
  act?: ClaimAct;
  /** Whose words they are, when the article reports another's. */
  voice?: Voice;
  /** Reported unless the sentence says otherwise. */
  modality?: Modality;
  /** Who acts, as the article names them. */
  actors: string[];
  /** Place id, or several (`["australia", "new-zealand"]`): one arrow from each origin to each destination. */
  origin: string | string[];
  /** Place ids; empty for `point` and `area`. */
  destinations: string[];
  /** A short caption, in the map maker's words. */
  caption: string;
  /** Optional note for teachers and careful readers (what the sentence does not say, say). */
  note?: string;
  /** The sentence that makes the claim. */
  selector: TextQuoteSelector;
  /**
   * The article does not say where in its origin (a country or region) the claim holds: it is
   * drawn as a badge at the origin's name, and published with the origin's outline, never a point.
   */
  unplaced?: boolean;
}

/**
 * What a place is: a country (drawn at its name), a region of several countries (its name in
 * italics), a capital or a city (a dot and its name), or a place at sea, a sea, a strait or a bay,
 * that belongs to no country (a dot and its name, as a city). How each is drawn is said once, in
 * `symbology/places.ts`.
 */
export type PlaceKind = 'country' | 'capital' | 'city' | 'region' | 'sea';

export const PLACE_KINDS: readonly PlaceKind[] = ['country', 'capital', 'city', 'region', 'sea'];

/** A named place, as written in `places.json`. */
export interface Place {
  id: string;
  name: string;
  kind: PlaceKind;
  /**
   * Country id in the region's geography (ISO 3166-1 numeric, as Natural Earth gives it). Absent
   * for a place at sea (`kind: 'sea'`), which belongs to no country.
   */
  country?: string;
  /** For a region: the countries it stands for. */
  countries?: string[];
  /**
   * A city's position. For a country, where its name is written and its arrows start and end: the
   * data may leave it out, and the build takes the point where the geography writes the country's
   * name (its label point); a map showing only part of the country writes the name on that part.
   * For a region, where its name is written. For a place at sea, where its dot is.
   */
  coordinates: LonLat;
  /**
   * Whether the map names this place even when no claim uses it, or the name to write (a region's
   * shorter name, say). Places a claim uses are always named.
   */
  label?: boolean | string;
  /** Where the coordinates come from. */
  source: string;
  /** The place's Wikidata item (`Q889`), where known: published with the place as linked data. */
  wikidata?: string;
  /** The place's GeoNames id (`1149361`), where known: published with the place as linked data. */
  geonames?: string;
}

/** The map's region: three boxes, each inside the next. */
export interface Region {
  /**
   * The geography is clipped to these bounds (keep a margin beyond `maxBounds`). Each box's east
   * may run past 180° (a map across the antimeridian), and every place lies in its longitudes.
   */
  bounds: Bounds;
  /** How far the reader may pan. */
  maxBounds: Bounds;
  /** The overview: what the map shows with nothing selected. */
  overview: Bounds;
}

/**
 * `story.json` as written: its `region` may be left out, and the build frames the story's places
 * itself (`prepare/frame.ts`).
 */
export type StoryJson = Omit<StoryMeta, 'region'> & { region?: Region };

/** `story.json` as the app has it: facts about the article, and the map's region. */
export interface StoryMeta {
  article: {
    /** Null where unknown: never invented. */
    author: string | null;
    outlet: string | null;
    url: string | null;
    published: string | null;
    /** How the article presents itself, in its outlet's word; drives every sentence that describes it. */
    genre: string | null;
  };
  /** The story's own kinds of claim, or its own words for the engine's (`data/kinds.json`). */
  kinds?: KindDeclaration[];
  /** Under what terms the published data (claims, flows, CSV) may be reused. */
  license?: { text: string; url?: string };
  /** The map's region: as `story.json` gives it, or framed by the build around the places. */
  region: Region;
  /** Lines of credit for the map's sources, shown under the map. */
  credits: { text: string; url?: string }[];
  /** Which places the overview keeps in, and which it shows at its edge (`prepare/far.ts`). */
  frame?: { keep?: string[]; edge?: string[] };
  /** Embedding: where messages from a parent page are accepted from (any, when absent). */
  embed?: { allowedParentOrigins?: string[] };
}

/** One sentence of the article. Ids are stable for a given text: `p<paragraph>s<sentence>`. */
export interface Sentence {
  id: string;
  /** 1-based paragraph number (the title is not a paragraph). */
  paragraph: number;
  /** 1-based sentence number within its paragraph. */
  index: number;
  text: string;
}

export interface Paragraph {
  index: number;
  sentences: Sentence[];
}

export interface Article {
  title: string;
  paragraphs: Paragraph[];
}

/** A claim with its selector resolved to one sentence of the article. */
export interface ResolvedClaim extends Claim {
  /** The first origin (`origins[0]`). */
  origin: string;
  /** Every origin, in the order the data gives them. */
  origins: string[];
  modality: Modality;
  act: ClaimAct;
  /** The look its kind is drawn with (`symbology/claims.ts` KIND_LOOKS). */
  look: string;
  /** 1-based position in the step order (the order of `claims.json`). */
  number: number;
  sentenceId: string;
  paragraph: number;
  sentence: number;
  /** The whole sentence, verbatim. */
  quote: string;
  /** Where `selector.exact` sits inside `quote`: `[start, end)` in UTF-16 units. */
  exactRange: [number, number];
  /**
   * Every sentence the quote covers (more than one when it runs across sentences; the first is
   * `sentenceId`), with where the quote sits in each.
   */
  sentences: { id: string; range: [number, number] }[];
}

/**
 * What a flow feature is on the map, decided once by the build: an arrow's arc, a claimed
 * border, a claimed area, the point of a claim with no direction placed at a city (`point`), a
 * claim the article does not place (`badge`: its geometry is the outline of the country or region
 * it is about, drawn as a badge at its name), the outline of a region an arrow starts or ends
 * at (`region`), a tie that is not a route (`tie`: a view, a rivalry, or the faint line from a
 * fear toward its source, by the claim's `act`), or the mark on a party that fears (`fear`: a
 * point at its name, one per country that fears).
 */
export type FlowRole = 'arc' | 'border' | 'area' | 'point' | 'badge' | 'region' | 'tie' | 'fear';

/** Properties of every feature in the published `flows.geojson`. */
export interface FlowProperties {
  claimId: string;
  role: FlowRole;
  kind: ClaimKind;
  /** How it is drawn: its kind's look and the claim's modality (hollow unless reported). */
  look: string;
  modality: Modality;
  /** What the sentence does (`ClaimAct`): how an arc or a tie is drawn (absent: it moves). */
  act?: ClaimAct;
  actors: string[];
  caption: string;
  quote: string;
  paragraph: number;
  sentence: number;
  /** Place id of the origin. */
  from: string;
  /** Place id of the destination; null for claims with no direction. */
  to: string | null;
}

export type FlowCollection = FeatureCollection<Geometry, FlowProperties>;

export interface CountryProperties {
  name: string;
  /** Where the country's name is written; null for a country too small to name at this scale. */
  label: LonLat | null;
}

export type RegionTopology = Topology<{ countries: GeometryCollection<CountryProperties> }>;

/** A range of zooms the SVG map draws with one simplification of the basemap. */
export interface BasemapBand {
  /** The band serves zooms from here to the next band's `minZoom` (the first band, any zoom below too). */
  minZoom: number;
  /** The most detailed zoom it serves, which it is simplified for: about 1 px² (Visvalingam). */
  detailZoom: number;
}

/**
 * The basemap, prepared by the build (`prepare/basemap.ts`) so the browser merges, meshes and
 * simplifies nothing: the land, the coast and the interior borders as TopoJSON objects over
 * `geography`'s own arcs (at full detail they are what MapLibre draws), and which points of those
 * arcs each zoom band of the SVG map keeps. Sharing the arcs costs about a character a point.
 */
export interface PreparedBasemap {
  /** Coarsest first; they cover every zoom up to the reader's closest (`MAX_ZOOM`) without gaps. */
  bands: BasemapBand[];
  /**
   * For every point of `geography.arcs` except each arc's two ends (which every band keeps), in
   * order: the first band that keeps it, as a letter (`a` for the first band, `b` for the
   * second…). The letter after the last band's marks a point only the full detail draws.
   */
  detail: string;
  /** Every country merged into one shape: filled, its outline is the coast. */
  land: TopoMultiPolygon;
  /** The land's outline as lines (MapLibre strokes it; the SVG map strokes the land). */
  coast: TopoMultiLineString;
  /** Borders between two countries, each once. */
  borders: TopoMultiLineString;
}

/** Everything the app needs, prepared at build time. */
export interface Story {
  meta: StoryMeta;
  /** The kinds the claims use, in order of first use, with the story's words or the engine's. */
  kinds: KindInfo[];
  article: Article;
  claims: ResolvedClaim[];
  places: Place[];
  flows: FlowCollection;
  geography: RegionTopology;
  basemap: PreparedBasemap;
  /**
   * Towns to find one's way by, no claim's place: capitals and the largest cities within the
   * region's `maxBounds` (GeoNames, cut by the build: `build/context.ts`), capitals first, then
   * by population. Absent where the build did not add them (the studio, tests).
   */
  context?: ContextPlace[];
}

/** A town named for orientation only: drawn apart from the claims' places, under them. */
export interface ContextPlace {
  name: string;
  at: LonLat;
  /** A country's capital (GeoNames' feature code PPLC). */
  capital: boolean;
  population: number;
}
