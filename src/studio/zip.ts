/**
 * A story folder as a zip: "Download story" writes one; opening one, or a folder, reads it as
 * hostile input. Only the four files a journalist writes are read (at the top level or in one
 * folder), never a path outside it; the zip and each file are capped in size, the uncompressed
 * size included (a zip bomb is refused before anything is inflated, and inflating never writes
 * past the size the zip declares); text must be UTF-8.
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
  const refuse = (file: string, problem: string, code = 'file:unreadable') => ({
    problems: [new DataError(file, null, null, problem, code)],
  });
  if (bytes.length > MAX_ZIP_BYTES) {
    return refuse(
      zipName,
      `is ${sizeText(bytes.length)}; a story zip may be at most ${sizeText(MAX_ZIP_BYTES)}`,
      'file:size',
    );
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
              'file:size',
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
  return storyTexts(new Map([...chosen].map(([name, path]) => [name, entries[path]!])), problems, zipName, ignored);
}

/** The four files' texts from their bytes, or every problem (those found before, and any missing or not UTF-8). */
function storyTexts(
  found: Map<DraftFileName, Uint8Array>,
  problems: DataError[],
  from: string,
  ignored: string[],
): { files: DraftFiles; ignored: string[] } | { problems: DataError[] } {
  const files = {} as DraftFiles;
  for (const name of DRAFT_FILES) {
    const bytes = found.get(name);
    if (!bytes) {
      if (!problems.some((p) => p.file === name))
        problems.push(new DataError(name, null, null, `is missing from ${from}`, 'file:missing'));
      continue;
    }
    try {
      files[name] = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      problems.push(new DataError(name, null, null, 'is not UTF-8 text'));
    }
  }
  return problems.length ? { problems } : { files, ignored };
}

/** A file of a folder the journalist picked: its path within the folder picked, its size, its bytes on demand. */
export interface FolderFile {
  path: string;
  size: number;
  bytes: () => Promise<ArrayBuffer>;
}

/**
 * The four story files of a folder (`<input type="file" webkitdirectory>` gives every file in
 * it, each with its path), read by the zip's rules: nothing but the four, no deeper than one
 * folder, each within the size cap (checked before it is read).
 */
export async function openStoryFolder(
  entries: readonly FolderFile[],
  folderName = 'the folder',
): Promise<{ files: DraftFiles; ignored: string[] } | { problems: DataError[] }> {
  const problems: DataError[] = [];
  const ignored: string[] = [];
  const found = new Map<DraftFileName, Uint8Array>();
  for (const entry of entries) {
    const name = storyFileOf(entry.path);
    if (!name || found.has(name)) {
      ignored.push(entry.path);
      continue;
    }
    if (entry.size > MAX_FILE_BYTES) {
      problems.push(
        new DataError(
          name,
          null,
          null,
          `is ${sizeText(entry.size)}; a story file may be at most ${sizeText(MAX_FILE_BYTES)}`,
          'file:size',
        ),
      );
      continue;
    }
    found.set(name, new Uint8Array(await entry.bytes()));
  }
  return storyTexts(found, problems, folderName, ignored);
}
