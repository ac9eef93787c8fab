import type { Format, ThreadDraft } from '../thread/types.ts';

/** Hints from a user's overrides file that a text importer must honour (1-based dump lines). */
export interface ImportOptions {
  /** A comment starts at each of these lines. */
  split?: number[];
  /** The line does not start a comment: it continues the one before. */
  merge?: number[];
  /** Plain text: the line is the story's text (e.g. a sentence of the article copied with the thread), not a comment. */
  story?: number[];
}

/** One dump, decoded. `json` is set when the text parsed as JSON (or JSON Lines: an array). */
export interface DumpInput {
  /** The dump's path, for error messages. */
  file: string;
  text: string;
  /** The dump's raw bytes (mail keeps each message's own charset; `text` decodes the whole file as one). */
  bytes?: Uint8Array;
  json?: unknown;
  options: ImportOptions;
}

/**
 * An importer reads one format. `detect` looks at the content (the extension is only a hint,
 * already folded into whether `json` is set); `parse` returns the thread, or throws a
 * ParseError naming the file (and line) for input it cannot read. It may return a Promise
 * (the mbox importer's MIME decoder is asynchronous).
 */
export interface Importer {
  format: Format;
  detect(input: DumpInput): boolean;
  parse(input: DumpInput): ThreadDraft | ThreadDraft[] | Promise<ThreadDraft | ThreadDraft[]>;
}
