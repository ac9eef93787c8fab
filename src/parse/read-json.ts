import { extname } from 'node:path';
import { createScanner, parseTree, printParseErrorCode, SyntaxKind } from 'jsonc-parser';
import type { ParseError as ParseErrorObject } from 'jsonc-parser';
import { ParseError } from '../util/parse-error.ts';

/**
 * Decides whether a dump is JSON (by content, with the extension as a hint) and parses it.
 * Returns `undefined` for text that is not meant as JSON. JSON Lines (one object a line)
 * comes back as an array. Invalid or truncated JSON is a ParseError with the line.
 */
export function readJson(text: string, file: string): unknown {
  const ext = extname(file).toLowerCase();
  const head = text.trimStart();
  const jsonLines = ext === '.jsonl' || ext === '.ndjson';
  const expected =
    jsonLines ||
    ext === '.json' ||
    head.startsWith('{') ||
    /^\[\s*([{["\d\]-]|true|false|null)/.test(head);
  if (!expected) return undefined;
  if (jsonLines || /^\{[^\n]*\}\s*\n\s*\{/.test(head)) {
    const items: unknown[] = [];
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        items.push(JSON.parse(line));
      } catch (error) {
        throw new ParseError(file, `invalid JSON Lines: ${(error as Error).message}`, i + 1);
      }
    }
    return items;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw jsonError(text, file);
  }
}

const describe: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'the file should end here (more than one JSON value?)',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'an unclosed comment',
  UnexpectedEndOfString: 'an unclosed string',
  UnexpectedEndOfNumber: 'a number cut short',
  InvalidUnicode: 'a bad \\u escape',
  InvalidEscapeCharacter: 'a bad escape',
  InvalidCharacter: 'a control character inside a string',
};

/** Where and why JSON.parse failed (V8 in Node 20 often gives no position: ask jsonc-parser). */
function jsonError(text: string, file: string): ParseError {
  const errors: ParseErrorObject[] = [];
  try {
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch (error) {
    // jsonc-parser recurses per level: a very deep document overflows the stack.
    if (!(error instanceof RangeError)) throw error;
    return bracketError(text, file);
  }
  const first = errors[0];
  const offset = first ? first.offset : text.length;
  const line = text.slice(0, offset).split('\n').length;
  const atEnd = offset >= text.trimEnd().length;
  if (!first || atEnd) {
    return new ParseError(file, 'the JSON is truncated (it ends before its last value is closed)', line);
  }
  const code = printParseErrorCode(first.error);
  return new ParseError(file, `invalid JSON: ${describe[code] ?? code}`, line);
}

/**
 * For documents too deep for parseTree: scans tokens with a loop and an explicit stack of open
 * brackets, enough to tell truncated JSON from a misplaced or unknown token, and where.
 */
function bracketError(text: string, file: string): ParseError {
  const scanner = createScanner(text, true);
  const open: SyntaxKind[] = [];
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    if (scanner.getTokenError() !== 0 || kind === SyntaxKind.Unknown) {
      if (offset + scanner.getTokenLength() >= text.trimEnd().length) break;
      return new ParseError(file, 'invalid JSON: an unexpected character', lineAt(offset));
    }
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) open.push(kind);
    else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      const expected = kind === SyntaxKind.CloseBraceToken ? SyntaxKind.OpenBraceToken : SyntaxKind.OpenBracketToken;
      if (open.pop() !== expected) return new ParseError(file, 'invalid JSON: a closing bracket does not match', lineAt(offset));
    }
  }
  return new ParseError(file, 'the JSON is truncated (it ends before its last value is closed)', text.split('\n').length);
}
