import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Thread } from '../thread/types.ts';

/** The plain tree `flatten-thread.mjs` reads: comments in depth-first order, paragraphs as text. */
export interface PlainTree {
  title: string;
  comments: { id: string; parent: string | null; author?: string; paragraphs: string[] }[];
}

/**
 * A parsed thread as the plain tree `flatten-thread.mjs` takes, so that formats the flattener
 * cannot read (a saved HN page, a Discourse topic) can be evaluated too: each top-level Markdown
 * block becomes a paragraph as a reader copying the page would get it (a code block gives one
 * paragraph per line, as the flattener does for HN's `<pre>`). Comments with no text are left
 * out (with their replies moved to the nearest kept ancestor).
 */
export function threadToPlainTree(thread: Thread): PlainTree {
  const kept = new Set<string>();
  const parentOf = new Map(thread.comments.map((c) => [c.id, c.parent]));
  const comments: PlainTree['comments'] = [];
  for (const c of thread.comments) {
    const paragraphs: string[] = [];
    for (const block of fromMarkdown(c.text).children) {
      if (block.type === 'code') paragraphs.push(...block.value.split('\n'));
      else paragraphs.push(toString(block));
    }
    const clean = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (clean.length === 0) continue;
    let parent = c.parent;
    while (parent !== null && !kept.has(parent)) parent = parentOf.get(parent) ?? null;
    kept.add(c.id);
    comments.push({ id: c.id, parent, ...(c.author ? { author: c.author } : {}), paragraphs: clean });
  }
  return { title: thread.title, comments };
}
