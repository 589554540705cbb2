/**
 * What "Download story" gives, at any time: the story's zip, named by its title in whole words;
 * a story with problems left goes as a draft, its zip named so and carrying `DRAFT.txt`, which
 * says so and lists the problems in the studio's words. The build refuses a folder holding that
 * file with its text (`build/plugin.ts`); the studio opens the zip again as it was (the note is
 * not one of the four files it reads). And the newsroom's next step, in words to pass on.
 */
import { draftFiles, slugId, type Draft } from './draft.ts';
import { storyZip } from './zip.ts';

/** The file a draft carries: its presence is what makes a story folder a draft. */
export const DRAFT_NOTE = 'DRAFT.txt';

export interface StoryDownload {
  /** The zip's name and its folder's, whole words of the title: `<folder>.zip`. */
  folder: string;
  bytes: Uint8Array;
  /** The problems left, in the studio's words: none for a finished story. */
  problems: readonly string[];
}

/** "a problem" or "3 problems". */
const count = (n: number) => (n === 1 ? 'one problem' : `${n} problems`);

/** What `DRAFT.txt` says: that the story is a draft, what is left to do, and how to go on. */
export function draftNote(problems: readonly string[]): string {
  return [
    `This story is a draft, downloaded from the claim map studio with ${count(problems.length)} left.`,
    'It will not build into a map until they are fixed:',
    '',
    ...problems.map((p, i) => `${i + 1}. ${p}`),
    '',
    'To finish it, open this zip in the studio ("Open a story zip"), fix what is listed, and download it again.',
    '',
  ].join('\n');
}

/** The story as its zip: a draft, with its note, while `problems` (the studio's words) are left. */
export function storyDownload(title: string, draft: Draft, problems: readonly string[]): StoryDownload {
  const words = slugId(title || 'story', []);
  const folder = problems.length ? `${words}-draft` : words;
  const extra: Record<string, string> = problems.length ? { [DRAFT_NOTE]: draftNote(problems) } : {};
  return { folder, bytes: storyZip(folder, draftFiles(draft), extra), problems };
}

/** What the journalist passes on after a download, and the developer's commands, exactly. */
export interface NextStep {
  /** For the journalist, to pass on: what the file is and who it goes to. */
  words: string[];
  /** For the web developer, in the engine's folder: the commands, one a line. */
  commands: string;
}

export function nextStep({ folder, problems }: Pick<StoryDownload, 'folder' | 'problems'>): NextStep {
  const zip = `${folder}.zip`;
  if (problems.length) {
    return {
      words: [
        `${zip} is a draft: it holds your work as it is, with ${count(problems.length)} left (listed in a note inside it).`,
        'Keep it, or send it to a colleague: open it in the studio with “Open a story zip” to carry on where you stopped.',
        'It will not become a map page until the problems are fixed and the story is downloaded again.',
      ],
      commands: [`unzip ${zip} -d ..`, `npm run story:check ../${folder}`].join('\n'),
    };
  }
  return {
    words: [
      `${zip} holds your story: the article, its claims and its places.`,
      'Send it to your web developer with this message: “Please build this story with the claim map engine and put the site it makes on our web server; its Embed button gives the code for our pages.”',
    ],
    commands: [
      '# in the claim map engine’s folder, the zip copied into it:',
      `unzip ${zip} -d ..`,
      `npm run story:check ../${folder}`,
      `STORY=../${folder} npm run build`,
      `# the site is in ../${folder}/dist/`,
    ].join('\n'),
  };
}
