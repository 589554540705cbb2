/**
 * The studio's one state: the story (four files) as data, kept in the browser on every change
 * (`store.ts`), undone and redone (`history.ts`), checked by the build's own checks as it changes,
 * in a worker (`checking.svelte.ts`), and taken away as a zip (`zip.ts`). Made once by `Studio.svelte`
 * while it starts (its effects belong to that component) and handed to the components that show it.
 */
import { untrack } from 'svelte';
import type { StoryFiles } from '../prepare/prepare';
import { parseArticle } from '../story/text';
import type { Draft, DraftFiles, DraftPlace, EngineFiles, Problem } from './draft';
import { DraftCheck } from './checking.svelte';
import { DRAFT_FILES, draftFiles, draftFromText, readDraft } from './draft';
import { storyDownload, type StoryDownload } from './download';
import { plainProblems } from './wording';
import type { KindDeclaration } from '../story/types';
import { captureQuote } from './quote';
import { History } from './history';
import { DraftStore, loadSaved, type Saved } from './store';
import { openStoryFolder, openStoryZip, type FolderFile } from './zip';
import { countries, countryAt, countryPlace, droppedPlace, roundPoint, townPlace, type TownRow } from './places';
import { fingerprint, newClaim, newKind, placeUses, problemCount, takeOutOfClaims } from './edits';

export class StudioState {
  readonly engine: EngineFiles;
  /** The engine's vocabulary of kinds, all of it (the checks' words read it). */
  readonly vocabulary: KindDeclaration[];
  /** The engine's kinds a story of one's own is offered: not those the site's own story uses. */
  private readonly offered: KindDeclaration[];
  readonly countries = countries();
  readonly store: DraftStore;

  conflict = $state<Saved | null>(null);
  /** The story shown: the draft kept in this browser, else the site's own story, read-only. */
  draft = $state<Draft>() as Draft;
  readOnly = $state(true);
  downloaded = $state<number | null>(null);
  /** The last download of this page: what it was, for the next step to say. */
  lastDownload = $state<StoryDownload | null>(null);
  selectedClaim = $state<number | null>(null);
  selection = $state<[number, number] | null>(null);
  status = $state('');
  startProblems = $state<Problem[]>([]);
  canUndo = $state(false);
  canRedo = $state(false);

  readonly snapshot = $derived(JSON.stringify(this.draft));
  readonly article = $derived(parseArticle(this.draft.article));
  readonly dirty = $derived(!this.readOnly && fingerprint(this.snapshot) !== this.downloaded);
  readonly claim = $derived(this.selectedClaim === null ? null : (this.draft.claims[this.selectedClaim] ?? null));
  /**
   * The draft's own kinds, then the engine's it is offered, then any other of the engine's its
   * claims already use (a copy of the site's story keeps its own).
   */
  readonly kindChoices = $derived.by(() => {
    const own = this.draft.meta.kinds ?? [];
    const used = new Set(this.draft.claims.map((c) => c.kind));
    const engine = this.vocabulary.filter((k) => this.offered.includes(k) || used.has(k.id));
    return [...own, ...engine.filter((k) => !own.some((d) => d.id === k.id))];
  });
  readonly problems = $derived(this.verdict.problems);
  readonly warnings = $derived(this.verdict.warnings);
  /** The problems in the studio's words (`wording.ts`), each naming its claim or place. */
  readonly plain = $derived.by(() => plainProblems(this.problems, { draft: this.draft, vocabulary: this.vocabulary }));
  /** The warnings in the studio's words: they refuse nothing. */
  readonly plainWarnings = $derived.by(() =>
    plainProblems(this.warnings, { draft: this.draft, vocabulary: this.vocabulary }),
  );
  /** The claim being edited, framed in the previews once it can be drawn. */
  readonly previewSelected = $derived(
    this.claim && this.verdict.story?.claims.some((c) => c.id === this.claim?.id) ? [this.claim.id] : [],
  );
  /** The claim as the embed's card tells it, below the map at phone width. */
  readonly phoneClaim = $derived(this.verdict.story?.claims.find((c) => c.id === this.previewSelected[0]) ?? null);

  private history: History;
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** The draft as this browser keeps it: nothing to write while the draft is that. */
  private keptText: string | null;
  /** The build's checks on the draft, and whether they are under way. */
  private readonly check: DraftCheck;
  get verdict() {
    return this.check.verdict;
  }
  get checking() {
    return this.check.checking;
  }

  constructor(files: StoryFiles) {
    this.engine = Object.fromEntries(
      Object.entries(files).filter(([name]) => !(DRAFT_FILES as readonly string[]).includes(name)),
    ) as EngineFiles;
    const current = Object.fromEntries(DRAFT_FILES.map((name) => [name, files[name]])) as DraftFiles;
    const currentRead = readDraft(current);
    if (!('draft' in currentRead)) throw new Error('The story the studio came with cannot be read');
    this.vocabulary = (JSON.parse(this.engine['kinds.json']) as { kinds: KindDeclaration[] }).kinds;
    const sitesOwn = new Set(currentRead.draft.claims.map((c) => c.kind));
    this.offered = this.vocabulary.filter((k) => !sitesOwn.has(k.id));

    this.store = new DraftStore(localStorage, window, (other) => (this.conflict = other));
    const saved = loadSaved(localStorage);
    if (saved) this.store.adopt();
    this.draft = saved ? saved.draft : currentRead.draft;
    this.readOnly = !saved;
    this.downloaded = saved?.downloaded ?? null;
    this.keptText = saved ? JSON.stringify(saved.draft) : null;

    // Undo and redo: a change is recorded once typing pauses; they survive a reload of this tab.
    this.history = History.kept(
      sessionStorage,
      untrack(() => this.snapshot),
    );
    this.canUndo = this.history.canUndo;
    this.canRedo = this.history.canRedo;
    $effect(() => {
      const text = this.snapshot;
      if (this.readOnly || text === this.keptText) return;
      // Kept in the browser at once; recorded for undo once the journalist pauses.
      if (this.store.save(JSON.parse(text) as Draft, this.downloaded)) this.keptText = text;
      else this.conflict = this.store.conflict;
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.record(text), 400);
    });

    this.check = new DraftCheck(this.engine, () => this.snapshot);
  }

  close() {
    this.store.close();
    this.check.close();
  }

  private record(text: string) {
    clearTimeout(this.pending);
    this.pending = undefined;
    this.history.push(text);
    this.history.keep(sessionStorage);
    this.canUndo = this.history.canUndo;
    this.canRedo = this.history.canRedo;
  }
  private restore(text: string | null) {
    if (text === null) return;
    this.draft = JSON.parse(text) as Draft;
    this.history.keep(sessionStorage);
    this.canUndo = this.history.canUndo;
    this.canRedo = this.history.canRedo;
    if (this.selectedClaim !== null && this.selectedClaim >= this.draft.claims.length) this.selectedClaim = null;
  }
  /** Records typing not yet recorded, so that a change made in one go (adding, moving…) is undone on its own. */
  settle = () => {
    if (this.pending) this.record(this.snapshot);
  };
  undo = () => {
    this.settle();
    this.restore(this.history.undo());
  };
  redo = () => {
    this.restore(this.history.redo());
  };

  /** Starts editing `next` (a copy, pasted text, an opened zip), replacing any draft kept here. */
  private start(next: Draft, what: string): boolean {
    if (loadSaved(localStorage) && !this.readOnly && !confirm('Replace the story kept in this browser?')) return false;
    this.store.adopt();
    this.draft = next;
    this.readOnly = false;
    this.downloaded = null;
    this.selectedClaim = null;
    this.history = new History(JSON.stringify(next));
    this.history.keep(sessionStorage);
    this.canUndo = this.canRedo = false;
    this.startProblems = [];
    this.lastDownload = null;
    this.status = what;
    return true;
  }

  addClaim = () => {
    this.settle();
    if (this.readOnly) return;
    const capture = this.selection ? captureQuote(this.article, this.selection[0], this.selection[1]) : null;
    if (!capture?.ok) {
      this.status = capture?.problem ?? 'Select the words of the article that make the claim first.';
      return;
    }
    const ids = this.draft.claims.map((c) => c.id);
    this.draft.claims.push(newClaim(capture.selector, ids, this.kindChoices[0]?.id ?? ''));
    this.selectedClaim = this.draft.claims.length - 1;
    this.status = `Claim ${this.draft.claims.length} added: “${capture.selector.exact}”. Describe it below.`;
    this.record(this.snapshot);
  };

  moveClaim(from: number, to: number) {
    this.settle();
    if (to < 0 || to >= this.draft.claims.length || from === to) return;
    const [moved] = this.draft.claims.splice(from, 1);
    this.draft.claims.splice(to, 0, moved!);
    this.selectedClaim = to;
    this.status = `Claim moved to step ${to + 1}.`;
    this.record(this.snapshot);
  }

  removeClaim(index: number) {
    this.settle();
    this.draft.claims.splice(index, 1);
    this.selectedClaim = null;
    this.status = 'Claim removed.';
    this.record(this.snapshot);
  }

  /** A place found or dropped: in the story's places, for a claim to choose; said and recorded. */
  private placed(place: DraftPlace, said: string) {
    this.status = `${said} Choose it in a claim, under “From”, “To” or “Where”.`;
    this.record(this.snapshot);
  }

  addCountry(id: string) {
    this.settle();
    const country = this.countries.find((c) => c.id === id)!;
    let place = this.draft.places.find((p) => p.kind === 'country' && p.country === id && !p.coordinates);
    if (!place) {
      place = countryPlace(country, this.draft.places);
      this.draft.places.push(place);
    }
    this.placed(place, `${country.name} added to the story’s places.`);
  }

  addTown(town: TownRow) {
    this.settle();
    const [name, lon, lat] = town;
    const known = this.draft.places.find(
      (p) => p.name === name && p.coordinates?.[0] === lon && p.coordinates?.[1] === lat,
    );
    const place = known ?? townPlace(town, countryAt([lon, lat]), this.draft.places);
    if (!known) this.draft.places.push(place);
    this.placed(place, `${name} added to the story’s places.`);
  }

  dropPoint(point: [number, number]) {
    this.settle();
    const place = droppedPlace(point, countryAt(point), this.draft.places);
    this.draft.places.push(place);
    this.placed(
      place,
      `${place.name} placed at ${place.coordinates.join(', ')}: give it its name in the list of places.`,
    );
  }

  /** A place dragged or nudged on the map: a town keeps to the country it now lies in. */
  movePlace = (index: number, point: [number, number]) => {
    const place = this.draft.places[index];
    if (!place) return;
    place.coordinates = roundPoint(point);
    if (place.kind === 'city' || place.kind === 'capital') {
      place.country = countryAt(place.coordinates)?.id ?? place.country;
    }
  };

  /** The claims that use the place at `index`, and as what: a place in use is not removed alone. */
  placeUses(index: number) {
    const place = this.draft.places[index];
    return place ? placeUses(this.draft.claims, place.id) : [];
  }

  /** Removes the place at `index`, taking it out of the claims that use it first. */
  removePlace(index: number) {
    this.settle();
    const [place] = this.draft.places.splice(index, 1);
    if (!place) return;
    const from = takeOutOfClaims(this.draft.claims, place.id);
    this.status = `${place.name} removed${from.length ? `, and taken out of claim${from.length > 1 ? 's' : ''} ${from.map((i) => i + 1).join(', ')}` : ''}.`;
    this.record(this.snapshot);
  }

  /** Adds a kind named `label` with `look`, given to the selected claim; false for a blank label. */
  addKind(label: string, look: string): boolean {
    this.settle();
    const kind = newKind(
      label,
      look,
      this.kindChoices.map((k) => k.id),
    );
    if (!kind) return false;
    this.draft.meta.kinds = [...(this.draft.meta.kinds ?? []), kind];
    if (this.claim) this.claim.kind = kind.id;
    this.record(this.snapshot);
    return true;
  }

  makeCopy = () => {
    if (
      this.start(
        structuredClone($state.snapshot(this.draft)),
        'A copy of the story: yours to edit, kept in this browser.',
      )
    ) {
      this.selectedClaim = null;
    }
  };

  startFromText(pasted: string) {
    const text = pasted.trim();
    if (text.split('\n').filter((l) => l.trim()).length < 2) {
      this.status = 'Paste the article with its title on the first line, then one paragraph a line.';
      return;
    }
    this.start(draftFromText(text), 'A new story from your text: select words and press “Add claim”.');
  }

  /** Starts from a story opened from a zip or a folder, or lists why it was refused. */
  private opened(read: { files: DraftFiles; ignored: string[] } | { problems: Problem[] }, name: string) {
    const result = 'files' in read ? readDraft(read.files) : read;
    if ('problems' in result) {
      this.startProblems = result.problems;
      this.status = `${name} was not opened: ${problemCount(result.problems.length, 'one problem')}.`;
      return;
    }
    this.start(result.draft, `${name} opened.`);
  }

  async openZip(file: File) {
    this.opened(openStoryZip(new Uint8Array(await file.arrayBuffer()), file.name), file.name);
  }

  async openFolder(entries: FolderFile[], name: string) {
    this.opened(await openStoryFolder(entries, name), name);
  }

  /**
   * Downloads the story as a zip, at any time: with problems left, as a draft that lists them
   * (`download.ts`). Waits for a check under way, so that the list is the draft's as it is.
   */
  download = async (): Promise<void> => {
    await this.check.settled();
    const plain = this.plain.map((p) => p.text);
    const taken = storyDownload(this.article.title, $state.snapshot(this.draft) as Draft, plain);
    const url = URL.createObjectURL(new Blob([taken.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${taken.folder}.zip`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.downloaded = fingerprint(this.snapshot);
    this.store.save($state.snapshot(this.draft), this.downloaded);
    this.lastDownload = taken;
    this.status = plain.length
      ? `${taken.folder}.zip downloaded as a draft, with ${problemCount(plain.length, 'one problem')} left: see what to do next.`
      : `${taken.folder}.zip downloaded: see what to do next.`;
  };

  /** Under `npm run dev`: writes the story folder the server serves (`build/studio.ts`); false as `download`. */
  async save(): Promise<boolean> {
    if (this.problems.length) {
      this.status = `The story has ${problemCount(this.problems.length, 'a problem')} to fix before it can be saved.`;
      return false;
    }
    if (!confirm('Save this story over the story folder the development server serves?')) return true;
    const response = await fetch('./__studio/save', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(draftFiles(this.draft)),
    });
    this.status = await response.text();
    return true;
  }

  keepMine = () => {
    this.store.resolve();
    this.conflict = null;
    this.store.save($state.snapshot(this.draft), this.downloaded);
  };
  takeTheirs = () => {
    const other = this.conflict;
    this.store.resolve();
    this.conflict = null;
    if (other) {
      this.keptText = JSON.stringify(other.draft);
      this.draft = other.draft;
      this.downloaded = other.downloaded;
    }
  };
}
