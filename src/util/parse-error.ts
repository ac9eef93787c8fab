/**
 * The one kind of error the parser reports to users: what was wrong, in which file, and
 * (where it applies) on which line. The CLI prints `message` as a single line.
 */
export class ParseError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly reason: string;

  constructor(file: string, reason: string, line?: number) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'ParseError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** Is this a user-facing parse error (as opposed to a bug)? */
export function isParseError(error: unknown): error is ParseError {
  return error instanceof ParseError;
}
