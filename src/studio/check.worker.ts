/**
 * The build's checks, run off the page's thread: preparing a story takes a few hundred
 * milliseconds, which typing should not wait for. Takes the engine's files once, then drafts;
 * answers each with its `Verdict` and the number it came with. The schemas come compiled
 * (`virtual:story-validators`): the page's Content Security Policy allows no eval.
 */
import { validators } from 'virtual:story-validators';
import { verdictOf, type Draft, type EngineFiles } from './draft';

let engine: EngineFiles | null = null;

self.onmessage = (event: MessageEvent<{ engine: EngineFiles } | { draft: Draft; id: number }>) => {
  if ('engine' in event.data) engine = event.data.engine;
  else if (engine) self.postMessage({ id: event.data.id, verdict: verdictOf(event.data.draft, engine, validators) });
};
