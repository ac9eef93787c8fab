import type { DumpInput } from './importer.ts';
import type { Comment, ThreadDraft } from '../thread/types.ts';
import { readFrontMatter } from '../util/front-matter.ts';
import { threadSlug } from '../util/thread-slug.ts';
import { ParseError } from '../util/parse-error.ts';
import { cueLines, type DumpLine } from '../recover/dump-line.ts';
import { isUiLine } from '../recover/drop-debris.ts';
import { recoverTree, type SegmentInput } from '../recover/recover-tree.ts';
import { plainTextToMarkdown } from '../util/plain-text-to-markdown.ts';
import { buildComments } from '../recover/build-comments.ts';
import { ageHours, readHeader, storyHeader, storyLinks } from './hn-copy-header.ts';

const navLine = /\bnew\s*\|\s*past\s*\|\s*comments\s*\|/i;

/** Reads an HN page copied as text into a thread (the format: `hnCopyText` in hn-copy-text.ts). */
export function parseHnCopyText({ file, text, options }: DumpInput): ThreadDraft {
  const lines = text.split('\n');
  const { meta, lineCount } = readFrontMatter(lines);
  const split = new Set(options.split ?? []);
  const merge = new Set(options.merge ?? []);
  const anchor = meta.saved ? Date.parse(meta.saved) : undefined;
  const timeOf = (hours: number | undefined) =>
    anchor === undefined || hours === undefined ? undefined : new Date(anchor - hours * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

  // The story block: everything before the first comment header.
  let i = lineCount;
  const story: { title?: string; author?: string; hours?: number; score?: number; text: string[] } = { text: [] };
  const before: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (readHeader(line, i + 1)) break;
    const s = storyHeader.exec(line);
    if (s && storyLinks.test(line)) {
      const title = [...before].reverse().find((l) => l.trim() !== '' && !navLine.test(l));
      if (title) story.title = title.trim().replace(/\s+\([\w.-]+\.[a-z]{2,}(?:\/[^)]*)?\)$/i, '');
      story.score = Number(s[1]);
      story.author = s[2]!;
      story.hours = ageHours(s[3]!, s[4]!);
      story.text = [];
      continue;
    }
    before.push(line);
    if (story.author !== undefined && line.trim() !== '' && !isUiLine(line) && !/^\s*(?:help|add comment)\s*$/i.test(line)) {
      story.text.push(line.trim());
    }
  }
  if (i >= lines.length) throw new ParseError(file, 'no comment header line ("user 3 hours ago | parent | next [–]") found');

  // Comments: a header starts one (unless the user merged it); a `split` line starts one too.
  const segments: (SegmentInput & { lines: DumpLine[] })[] = [];
  let current: (SegmentInput & { lines: DumpLine[] }) | undefined;
  for (; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[n - 1]!;
    const header = readHeader(line, n);
    if (header && !merge.has(n)) {
      current = { items: [], lines: [], first: n, last: n, boundary: 1, header };
      segments.push(current);
      continue;
    }
    if (header) {
      if (current) current.last = n;
      continue;
    }
    if (line.trim() === '') continue;
    if (isUiLine(line)) {
      if (current) current.last = n;
      continue;
    }
    const startsNew = !current || (split.has(n) && current.lines.length > 0 && !merge.has(n));
    if (startsNew) {
      current = { items: [], lines: [], first: n, last: n, boundary: 1 };
      segments.push(current);
    }
    current!.lines.push({ line: n, text: line });
    current!.last = n;
  }
  const kept = segments.filter((s) => s.lines.length > 0 || s.header);
  // A header with no paragraphs (a collapsed or emptied comment) stays, with empty text.
  for (const s of kept) s.items = cueLines(s.lines);
  const recovered = recoverTree(kept);
  const comments = buildComments(recovered, (k) => {
    const h = recovered[k]!.header;
    const extra: Partial<Comment> = {};
    if (h?.author) extra.author = h.author;
    const time = timeOf(kept[k]!.header?.ageHours);
    if (time) extra.time = time;
    return extra;
  });
  const draft: ThreadDraft = {
    title: meta.title ?? story.title ?? threadSlug(file).replace(/-/g, ' '),
    comments,
  };
  if (meta.url) draft.url = meta.url;
  if (story.author) draft.author = story.author;
  const storyTime = timeOf(story.hours);
  if (storyTime) draft.time = storyTime;
  if (story.score !== undefined) draft.score = story.score;
  if (story.text.length > 0) draft.text = plainTextToMarkdown(story.text);
  return draft;
}
