import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDump } from '../src/util/decode-dump.ts';
import { readJson } from '../src/parse/read-json.ts';

const enc = (s: string) => new TextEncoder().encode(s);

test('empty and blank files are refused, naming the file', () => {
  assert.throws(() => decodeDump(new Uint8Array(), 'a.txt'), /^ParseError: a\.txt: the file is empty$/m);
  assert.throws(() => decodeDump(enc(' \n\t\n'), 'b.txt'), /b\.txt: the file holds only white space/);
});

test('binary files are refused', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  assert.throws(() => decodeDump(png, 'x.png'), /x\.png: this is a binary file/);
});

test('UTF-16 with a BOM is decoded, both byte orders', () => {
  const text = 'héllo > wörld\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.equal(decodeDump(le, 'le.txt'), text);
  const be = Buffer.from(le.subarray(2)).swap16();
  assert.equal(decodeDump(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'be.txt'), text);
});

test('UTF-8 BOM is dropped; Latin-1 (not UTF-8) is decoded as windows-1252', () => {
  assert.equal(decodeDump(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'bom.txt'), 'a');
  assert.equal(decodeDump(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80]), 'l1.txt'), 'café €');
});

test('CRLF and CR line ends become LF', () => {
  assert.equal(decodeDump(enc('a\r\nb\rc\n'), 'crlf.txt'), 'a\nb\nc\n');
});

test('JSON is recognised by content; truncated and invalid JSON name the line', () => {
  assert.deepEqual(readJson('{"a": [1, 2]}', 'x.dump'), { a: [1, 2] });
  assert.equal(readJson('[deleted] a comment\n', 'x.txt'), undefined);
  assert.throws(() => readJson('{"a": [1,\n 2', 'cut.json'), /cut\.json:2: the JSON is truncated/);
  assert.throws(() => readJson('{"a": 1,\n "b": oops}', 'bad.json'), /bad\.json:2: invalid JSON/);
  assert.throws(() => readJson('not json at all', 'notes.json'), /notes\.json:1: invalid JSON/);
});

test('JSON Lines become an array; a bad line is named', () => {
  assert.deepEqual(readJson('{"id":1}\n{"id":2}\n', 'items.jsonl'), [{ id: 1 }, { id: 2 }]);
  assert.deepEqual(readJson('{"id":1}\n{"id":2}\n', 'items.txt'), [{ id: 1 }, { id: 2 }]);
  assert.throws(() => readJson('{"id":1}\n{"id":\n', 'items.jsonl'), /items\.jsonl:2: invalid JSON Lines/);
});

test('a truncated 20,000-deep JSON document is a one-line error, not a stack overflow', () => {
  const deep = `{"a":${'['.repeat(20_000)}1,\n2`;
  assert.throws(() => readJson(deep, 'deep.json'), /^ParseError: deep\.json:2: the JSON is truncated/);
  const wrong = `${'['.repeat(20_000)}1}\n`;
  assert.throws(() => readJson(wrong, 'wrong.json'), /^ParseError: wrong\.json:1: invalid JSON/);
});
