/**
 * A story folder as a zip: "Download story" writes one; opening one reads it as hostile input.
 * Only the four files a journalist writes are read (at the zip's top level or in one folder),
 * never a path outside it; the zip and each file are capped in size, the uncompressed size
 * included (a zip bomb is refused before anything is inflated, and inflating never writes past
 * the size the zip declares); text must be UTF-8.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { DataError } from '../prepare/prepare.ts';
import { DRAFT_FILES, type DraftFileName, type DraftFiles } from './draft.ts';

/** The largest zip the studio opens. */
export const MAX_ZIP_BYTES = 5 * 1024 * 1024;
/** The largest file it reads from one, uncompressed (an article of about 300 pages). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The zip "Download story" gives: the four files and any `extra` (the geography), in `folder/`. */
export function storyZip(folder: string, files: DraftFiles, extra: Record<string, string> = {}): Uint8Array {
  const entries: Zippable = {};
  // A fixed date: the same story gives the same zip.
  const mtime = new Date('2020-01-01T00:00:00Z');
  for (const [name, text] of Object.entries({ ...files, ...extra })) {
    entries[`${folder}/${name}`] = [strToU8(text), { mtime }];
  }
  return zipSync(entries, { level: 6 });
}

/** Which of the four files an entry is, if it is one: `claims.json` or `<one folder>/claims.json`. */
function storyFileOf(path: string): DraftFileName | null {
  const parts = path.split('/');
  if (parts.length > 2 || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) return null;
  const name = parts[parts.length - 1]!;
  return (DRAFT_FILES as readonly string[]).includes(name) ? (name as DraftFileName) : null;
}

const sizeText = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The four story files of a zip, or the problems that refuse it, each naming the file. Other
 * entries are ignored (and listed in `ignored`).
 */
export function openStoryZip(
  bytes: Uint8Array,
  zipName = 'the zip',
): { files: DraftFiles; ignored: string[] } | { problems: DataError[] } {
  const refuse = (file: string, problem: string) => ({ problems: [new DataError(file, null, null, problem)] });
  if (bytes.length > MAX_ZIP_BYTES) {
    return refuse(zipName, `is ${sizeText(bytes.length)}; a story zip may be at most ${sizeText(MAX_ZIP_BYTES)}`);
  }
  const problems: DataError[] = [];
  const ignored: string[] = [];
  const chosen = new Map<DraftFileName, string>();
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(entry) {
        const name = storyFileOf(entry.name);
        if (!name || (chosen.has(name) && chosen.get(name) !== entry.name)) {
          ignored.push(entry.name);
          return false;
        }
        if (entry.originalSize > MAX_FILE_BYTES) {
          problems.push(
            new DataError(
              name,
              null,
              null,
              `is ${sizeText(entry.originalSize)} uncompressed; a story file may be at most ${sizeText(MAX_FILE_BYTES)}`,
            ),
          );
          return false;
        }
        // Deflate never grows data by more than a little: more compressed bytes than that
        // means the declared size lies (a bomb in disguise).
        if (entry.size > entry.originalSize + 1024 + entry.originalSize / 100) {
          problems.push(new DataError(name, null, null, `declares a size its compressed data does not match`));
          return false;
        }
        if (entry.compression !== 0 && entry.compression !== 8) {
          problems.push(
            new DataError(
              name,
              null,
              null,
              `is compressed in a way the studio cannot read (method ${entry.compression})`,
            ),
          );
          return false;
        }
        chosen.set(name, entry.name);
        return true;
      },
    });
  } catch (error) {
    return refuse(zipName, `is not a zip the studio can read (${(error as Error).message})`);
  }
  const files = {} as DraftFiles;
  for (const name of DRAFT_FILES) {
    const entry = chosen.has(name) ? entries[chosen.get(name)!] : undefined;
    if (!entry) {
      if (!problems.some((p) => p.file === name))
        problems.push(new DataError(name, null, null, `is missing from ${zipName}`));
      continue;
    }
    try {
      files[name] = new TextDecoder('utf-8', { fatal: true }).decode(entry).replace(/^\uFEFF/, '');
    } catch {
      problems.push(new DataError(name, null, null, 'is not UTF-8 text'));
    }
  }
  return problems.length ? { problems } : { files, ignored };
}
