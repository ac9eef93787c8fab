/**
 * The thread format, version 1: what the parser writes and the site reads.
 * `thread.schema.json` beside this file is the same contract as a JSON Schema;
 * `validateThread` checks every thread against both before it is written.
 */

/** The formats the parser can read; a thread remembers which one it came from. */
export type Format =
  | 'thread-json'
  | 'hn-algolia'
  | 'hn-firebase'
  | 'reddit'
  | 'hn-item-html'
  | 'hn-copy-text'
  | 'plain-text'
  | 'discourse'
  | 'mbox';

/** A passage quoted in a comment's body. */
export interface Quote {
  /** The quoted text, as plain text (no `>` markers, no Markdown escapes). */
  text: string;
  /** Id of the comment the passage was taken from, or `null` when it is not in the thread. */
  source: string | null;
}

/** How sure the parser is of an inferred comment (text dumps only). */
export interface Confidence {
  /** That the comment starts and ends where it does (0–1). */
  boundary: number;
  /** That it answers the comment named in `parent` (0–1). */
  parent: number;
}

export interface Comment {
  /** Unique in the thread, valid as an HTML id and a URL fragment, stable across re-parses. */
  id: string;
  /** The comment it answers, or `null` for an answer to the story. */
  parent: string | null;
  author?: string;
  /** ISO 8601, UTC. */
  time?: string;
  score?: number;
  /** The body as Markdown, normalised so that rendering it shows what the source showed. */
  text: string;
  /** 1-based inclusive line range of the dump it came from (text dumps). */
  lines?: [number, number];
  /** A deleted or removed comment, kept because it has replies. */
  deleted?: true;
  /** Its parent was named by the source but is not in the thread: attached to the story. */
  orphan?: true;
  quotes?: Quote[];
  /** Text dumps: how sure the boundary and the parent link are. */
  confidence?: Confidence;
  /** Text dumps: the cues that decided the parent (e.g. "quote", "header", "adjacency"). */
  evidence?: string[];
}

/**
 * A user's corrections to a parsed thread, kept in `NAME.fixes.json` beside the dump
 * `NAME.ext` so that re-parsing never loses them:
 *
 *     {
 *       "title": "A better title",
 *       "url": "https://example.com/story",
 *       "comments": { "c-1a2b3c4d": { "parent": "c-5e6f7a8b", "author": "ann" } },
 *       "split": [42],
 *       "merge": [57]
 *     }
 *
 * `comments` edits fields of comments by id (`parent` moves a comment and its replies);
 * `split` and `merge` name dump lines (text dumps): a comment starts at each `split` line,
 * and a `merge` line continues the comment before it; `story` lines (plain text) are the
 * story's text, not a comment.
 */
export interface Overrides {
  title?: string;
  url?: string;
  comments?: Record<string, Partial<Pick<Comment, 'parent' | 'author' | 'text' | 'time'>> & { deleted?: boolean }>;
  split?: number[];
  merge?: number[];
  /** Plain text: lines that are the story's text, not a comment. */
  story?: number[];
}

export interface Thread {
  /** The format version. */
  version: 1;
  /** URL-safe slug, unique in the archive. */
  id: string;
  title: string;
  url?: string;
  source: {
    format: Format;
    /** The dump's file name (no folders). */
    file: string;
    /** Comments the source lists but did not include (Reddit's "more" stubs). */
    missing?: number;
    /** The corrections applied from `NAME.fixes.json` beside the dump, as that file gives them. */
    fixes?: Overrides;
  };
  /** The story itself, where the source has one. */
  author?: string;
  time?: string;
  text?: string;
  score?: number;
  /** Depth-first page order: every reply after its parent, each subtree contiguous. */
  comments: Comment[];
}

/** What an importer returns: the pipeline adds `version`, `id` and `source`. */
export type ThreadDraft = Omit<Thread, 'version' | 'id' | 'source'> & {
  id?: string;
  source?: Partial<Thread['source']>;
};
