/**
 * A place at sea (`"kind": "sea"`: a sea, a strait, a bay): no country, coordinates required,
 * drawn as a city is (a dot and its name) by every renderer.
 */
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readStoryFiles } from '../../src/build/plugin';
import { DataError, prepareStory, StoryErrors, type StoryFiles } from '../../src/prepare/prepare';
import { selectionView } from '../../src/camera/framing';
import { posterSvg } from '../../src/static/poster';
import { renderSymbols, sceneSource } from '../../src/static/scene';
import { PLACE_STYLE } from '../../src/symbology/places';
import { PLACE_KINDS, type Claim, type Place } from '../../src/story/types';

const ARABIAN_SEA: Place = {
  id: 'arabian-sea',
  name: 'Arabian Sea',
  kind: 'sea',
  coordinates: [63.5, 21],
  source: 'A point in the Arabian Sea, off the coast of Pakistan',
} as Place;

/** The real story with a place at sea, and the drugs claim drawn as an arrow to it. */
function withSea(
  place: Record<string, unknown> = { ...ARABIAN_SEA },
  edit: (claim: Claim) => void = (claim) => {
    claim.shape = 'arrows';
    claim.act = 'moves';
    claim.destinations = ['arabian-sea'];
    delete claim.unplaced;
  },
): StoryFiles {
  const files = readStoryFiles('data');
  const places = JSON.parse(files['places.json']) as { places: unknown[] };
  places.places.push(place);
  const claims = JSON.parse(files['claims.json']) as { claims: Claim[] };
  edit(claims.claims.find((c) => c.id === 'drugs')!);
  return { ...files, 'places.json': JSON.stringify(places), 'claims.json': JSON.stringify(claims) };
}

function problems(files: StoryFiles): DataError[] {
  try {
    prepareStory(files);
  } catch (error) {
    return error instanceof StoryErrors ? error.errors : [error as DataError];
  }
  throw new Error('expected an error, got none');
}

describe('first story with a sea added: a place at sea', () => {
  it('is drawn as a city is: a dot and its name, in the one table of place styles', () => {
    expect(PLACE_STYLE.sea).toBe('place');
    expect(PLACE_STYLE.sea).toBe(PLACE_STYLE.city);
    // Every kind of place has its style, said once.
    expect(Object.keys(PLACE_STYLE).sort()).toEqual([...PLACE_KINDS].sort());
  });

  it('needs no country, and an arrow may end at it', () => {
    const story = prepareStory(withSea());
    const sea = story.places.find((p) => p.id === 'arabian-sea')!;
    expect(sea.country).toBeUndefined();
    expect(sea.coordinates).toEqual([63.5, 21]);
    const arc = story.flows.features.find((f) => f.properties.claimId === 'drugs')!;
    expect(arc.properties.role).toBe('arc');
    expect(arc.properties.to).toBe('arabian-sea');
    const line = arc.geometry as LineString;
    expect(line.coordinates[line.coordinates.length - 1]).toEqual([63.5, 21]);
  });

  it('is named beside its dot on the map and on the poster, with no country named for it', () => {
    const story = prepareStory(withSea());
    const source = sceneSource(story);
    expect(source.placeLabels).toContainEqual({ name: 'Arabian Sea', at: [63.5, 21], style: 'place' });
    expect(source.layout.storyCountries).not.toContain(undefined);
    const size = { width: 800, height: 600 };
    const scene = renderSymbols(source, selectionView(story, source.placeLabels, ['drugs'], size), size);
    expect(scene.places.map((p) => p.name)).toContain('Arabian Sea');
    expect(scene.countryLabels.map((l) => l.name)).not.toContain('Arabian Sea');
    const drugs = story.claims.find((c) => c.id === 'drugs')!;
    expect(posterSvg(story, source, { width: 1200, height: 630, claims: [drugs] })).toContain('>Arabian Sea</text>');
  });

  it('may be the point a claim is about', () => {
    const story = prepareStory(
      withSea(undefined, (claim) => {
        claim.origin = 'arabian-sea';
        delete claim.unplaced;
      }),
    );
    const point = story.flows.features.find((f) => f.properties.claimId === 'drugs')!;
    expect(point.properties.role).toBe('point');
    expect(point.geometry).toEqual({ type: 'Point', coordinates: [63.5, 21] });
  });

  it('has no country: giving one is an error that says so', () => {
    const found = problems(withSea({ ...ARABIAN_SEA, country: '586' }));
    expect(found.map((p) => p.message)).toContain(
      'places.json: place "arabian-sea": field "country": a place at sea (kind "sea") is in no country: leave this field out, or give the place another kind',
    );
  });

  it('needs its coordinates', () => {
    const { coordinates: _, ...noPoint } = ARABIAN_SEA;
    const found = problems(withSea(noPoint));
    expect(found.map((p) => p.message)).toContain('places.json: place "arabian-sea": field "coordinates": is required');
  });

  it('on land is an error that says in which country the point lies', () => {
    const found = problems(withSea({ ...ARABIAN_SEA, coordinates: [66, 26] }));
    expect(found.map((p) => p.message)).toContain(
      'places.json: place "arabian-sea": field "coordinates": [66, 26] lies in Pakistan (586), 51 km from its outline, not at sea: check the coordinates ([longitude, latitude]), or give the place another kind and its country',
    );
  });

  it('cannot be an area or one side of a border: it is in no country', () => {
    const area = problems(
      withSea(undefined, (claim) => {
        claim.shape = 'area';
        claim.origin = 'arabian-sea';
        delete claim.unplaced;
      }),
    );
    expect(area.map((p) => p.message)).toContain(
      'claims.json: claim "drugs": field "origin": "arabian-sea" is a place at sea, in no country: an area is drawn on a country; draw it with "arrows" or a "point" claim',
    );
    const border = problems(
      withSea(undefined, (claim) => {
        claim.shape = 'border';
        claim.destinations = ['arabian-sea'];
        delete claim.unplaced;
      }),
    );
    expect(border.map((p) => p.message)).toContain(
      'claims.json: claim "drugs": field "destinations": "arabian-sea" is a place at sea, in no country: a border runs between countries; draw it with "arrows" or a "point" claim',
    );
  });
});
