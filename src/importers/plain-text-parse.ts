import type { DumpInput } from './importer.ts';
import type { ThreadDraft } from '../thread/types.ts';
import { readFrontMatter } from '../util/front-matter.ts';
import { threadSlug } from '../util/thread-slug.ts';
import { ParseError } from '../util/parse-error.ts';
import type { DumpLine } from '../recover/dump-line.ts';
import { dropDebris } from '../recover/drop-debris.ts';
import { recoverPlainLines } from '../recover/recover-plain-lines.ts';
import { buildComments } from '../recover/build-comments.ts';
import { escapeParagraphs } from '../recover/escape-paragraphs.ts';

/** Reads a bare plain-text dump into a thread (the format: `plainText` in plain-text.ts). */
export function parsePlainText({ file, text, options }: DumpInput): ThreadDraft {
  const lines = text.split('\n');
  const { meta, lineCount } = readFrontMatter(lines);
  const body: DumpLine[] = [];
  for (let i = lineCount; i < lines.length; i++) {
    if (lines[i]!.trim() !== '') body.push({ line: i + 1, text: lines[i]! });
  }
  const story = new Set(options.story ?? []);
  const { kept } = dropDebris(body.filter((l) => !story.has(l.line)));
  if (kept.length === 0) throw new ParseError(file, 'the text dump holds no comment (only front matter, page debris or story lines)');
  const recovered = recoverPlainLines(kept, { split: new Set(options.split ?? []), merge: new Set(options.merge ?? []) });
  const storyLines = body.filter((l) => story.has(l.line));
  return {
    title: meta.title ?? threadSlug(file).replace(/-/g, ' '),
    ...(meta.url ? { url: meta.url } : {}),
    ...(storyLines.length > 0 ? { text: escapeParagraphs(storyLines.map((l) => l.text.trim())) } : {}),
    comments: buildComments(recovered),
  };
}
