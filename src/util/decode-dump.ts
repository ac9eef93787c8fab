import { ParseError } from './parse-error.ts';

/**
 * Turns a dump's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or
 * Latin-1/Windows-1252 when the bytes are not valid UTF-8. Binary files and empty files are
 * refused with a ParseError naming the file. Line ends are normalised to `\n`.
 */
export function decodeDump(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new ParseError(file, 'the file is empty');
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (looksBinary(bytes)) {
      throw new ParseError(file, 'this is a binary file, not a text or JSON dump');
    }
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
    } catch {
      // Not UTF-8: the only other single-byte encoding we can read without guessing wrong
      // is the web's default, windows-1252 (a superset of Latin-1's printable range).
      text = decodeWindows1252(bytes);
    }
  }
  if (text.includes('\u0000')) throw new ParseError(file, 'this is a binary file, not a text or JSON dump');
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ParseError(file, 'the file holds only white space');
  return text;
}

/** NUL bytes or many control characters in the first 8 KB mean binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 7 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > end / 50;
}

/** windows-1252's 0x80–0x9F (Node's decoder maps them as Latin-1 controls). */
const cp1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk);
  }
  return out.replace(/[\u0080-\u009f]/g, (c) => cp1252[c.charCodeAt(0) - 0x80]!);
}
