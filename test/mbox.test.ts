// The mbox importer on the invented list archive (test/fixtures/mbox-list-archive, made by
// scripts/make-mbox-fixture.ts) and on small mailboxes written here: splitting, MIME, threading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDump } from '../src/parse/parse-dump.ts';
import { run } from '../src/cli/parse-cli.ts';
import { splitMbox } from '../src/mail/split-mbox.ts';
import { messageAnchor } from '../src/mail/message-anchor.ts';
import { cleanSubject, listTagsOf } from '../src/mail/clean-subject.ts';
import type { Thread } from '../src/thread/types.ts';
import { captureIo, tempDir } from './helpers.ts';

const fixture = new URL('./fixtures/mbox-list-archive/input.mbox', import.meta.url).pathname;
const bytes = readFileSync(fixture);
const threads = await parseDump(bytes, 'list.mbox');
const all = threads.flatMap((t) => t.comments.map((c) => ({ ...c, thread: t })));
const byMessageId = (id: string) => all.find((c) => c.id === messageAnchor(id));

/** The archive's messages, counted independently: separator lines after a blank line. */
const separators = bytes.toString('latin1').split('\n').filter((l, i, a) => l.startsWith('From ') && (i === 0 || a[i - 1] === '')).length;

test('every message of the archive is a comment, once', () => {
  assert.ok(separators >= 50);
  assert.equal(all.length, separators);
  assert.equal(new Set(all.map((c) => c.id)).size, all.length);
});

test('parents follow In-Reply-To/References, also when References is broken', () => {
  const parentOf = (id: string) => byMessageId(`${id}@tinkerers.example`)?.parent;
  assert.equal(parentOf('m2'), messageAnchor('m1@tinkerers.example'));
  assert.equal(parentOf('m51'), messageAnchor('m50@tinkerers.example')); // "garbage <cut-off-id@"
  assert.equal(parentOf('m52'), messageAnchor('m51@tinkerers.example')); // ids without brackets
  assert.equal(parentOf('m53'), messageAnchor('m52@tinkerers.example')); // In-Reply-To with a comment
  assert.equal(parentOf('m54'), messageAnchor('m50@tinkerers.example')); // no headers: by subject
  assert.equal(parentOf('m43'), messageAnchor('m41@tinkerers.example')); // missing middle message
});

test('replies to a missing message are orphans at the top of one thread', () => {
  const m40 = byMessageId('m40@tinkerers.example')!;
  const m41 = byMessageId('m41@tinkerers.example')!;
  assert.equal(m40.thread, m41.thread);
  for (const c of [m40, m41]) {
    assert.equal(c.parent, null);
    assert.equal(c.orphan, true);
  }
  assert.equal(m40.thread.title, 'Soldering station advice');
});

test('a reference loop is broken and both messages are kept', () => {
  const a = byMessageId('m60@tinkerers.example')!;
  const b = byMessageId('m61@tinkerers.example')!;
  assert.equal(a.thread, b.thread);
  assert.equal([a.parent, b.parent].filter((p) => p === null).length, 1);
});

test('titles are decoded subjects without Re:, AW:, Fwd: or the list tag', () => {
  const titles = threads.map((t) => t.title);
  assert.ok(titles.includes('Café meetup — Zürich edition'), titles.join(' | '));
  assert.ok(titles.includes('Build times on ARM boards'));
  assert.ok(titles.includes('Venue contract'));
  for (const t of titles) assert.doesNotMatch(t, /^(re|aw|fwd?):|\[tinkerers\]/i);
});

test('bodies: quoted-printable, base64, Latin-1, multipart, HTML-only, attachments, signatures', () => {
  const text = (id: string) => byMessageId(`${id}@tinkerers.example`)!.text;
  assert.match(text('m2'), /naïve experience/); // quoted-printable UTF-8
  assert.match(text('m3'), /A RAM disk cut it to twenty-two minutes/); // base64
  assert.match(text('m6'), /Très bien: ça compile en trois minutes/); // 8-bit Latin-1
  assert.equal(byMessageId('m6@tinkerers.example')!.author, 'Émile Durand'); // encoded From
  assert.match(text('m8'), /plain version/); // multipart/alternative: the text part
  assert.doesNotMatch(text('m8'), /HTML/);
  assert.match(text('m9'), /Attachment: build\.log \(text\/plain, \d+ bytes\)/);
  const html = text('m70');
  assert.match(html, /\[the gallery\]\(https:\/\/photos\.example\/workshop\)/);
  assert.match(html, /- soldering corner/);
  assert.doesNotMatch(html, /alert|javascript:|color: red/); // script, style and script links gone
  assert.match(html, /do not post \\<script> tags/); // the words about a tag stay, escaped
  assert.match(html, /a tricky link/);
  assert.match(text('m1'), /```signature\nAda \| ada@tinkerers\.example\n"Measure twice, flash once\."\n```$/);
  assert.match(text('m80'), /^From the first meeting/m); // mboxrd ">From " unescaped
  assert.match(text('m96'), /Subject: Contract signed[^]*The contract is signed; keys at the front desk\./); // message/rfc822
  // An unreadable Date header: the time of the mbox separator line, not the time of parsing.
  assert.equal(byMessageId('m96@tinkerers.example')!.time, '2024-03-05T17:04:00Z');
});

test('quoted lines are blockquotes linked to the message they quote', () => {
  const m3 = byMessageId('m3@tinkerers.example')!;
  assert.deepEqual(m3.quotes?.map((q) => q.source), [messageAnchor('m2@tinkerers.example')]);
  const m7 = byMessageId('m7@tinkerers.example')!; // quotes the Latin-1 message
  assert.deepEqual(m7.quotes?.map((q) => q.source), [messageAnchor('m6@tinkerers.example')]);
  const linked = all.filter((c) => c.quotes?.some((q) => q.source !== null)).length;
  assert.ok(linked >= 30, `${linked} comments with a linked quote`);
});

test('threads are depth-first and every parent is in the same thread', () => {
  for (const t of threads) {
    const seen = new Set<string>();
    for (const c of t.comments) {
      if (c.parent !== null) assert.ok(seen.has(c.parent), `${c.id}'s parent comes first`);
      seen.add(c.id);
    }
  }
});

test('ids are stable and valid HTML ids', () => {
  assert.equal(messageAnchor('CAF=x+y/z@mail.example'), messageAnchor('CAF=x+y/z@mail.example'));
  assert.notEqual(messageAnchor('a.b@x'), messageAnchor('a-b@x'));
  for (const c of all) assert.match(c.id, /^m-[A-Za-z0-9-]+$/);
});

test('splitMbox: separators only after a blank line, mboxrd unescaping, CRLF, a bare message', () => {
  const box = Buffer.from('From a Mon Jan  1 00:00:00 2024\r\nSubject: one\r\n\r\nbody\r\nFrom here on, text\r\n>From x\r\n>>From y\r\n\r\nFrom b Mon Jan  1 00:01:00 2024\r\nSubject: two\r\n\r\nmore\r\n');
  const parts = splitMbox(box);
  assert.equal(parts.length, 2);
  assert.equal(parts[0]!.raw.toString(), 'Subject: one\r\n\r\nbody\r\nFrom here on, text\r\nFrom x\r\n>From y\r\n');
  assert.deepEqual(parts[0]!.lines, [1, 7]);
  assert.deepEqual(parts[1]!.lines, [9, 12]);
  const bare = splitMbox(Buffer.from('From: someone@example.org\nSubject: hi\n\nhello\n'));
  assert.equal(bare.length, 1);
  assert.equal(bare[0]!.envelope, '');
});

test('subjects: reply markers in several languages; list tags only when the archive uses them', () => {
  assert.deepEqual(cleanSubject('Re: AW: Fwd: [dev] Re[2]: Plan', new Set(['dev'])), { title: 'Plan', reply: true });
  assert.deepEqual(cleanSubject('[PATCH] Fix the build'), { title: '[PATCH] Fix the build', reply: false });
  assert.deepEqual([...listTagsOf(['[dev] a', 'Re: [dev] b', 'c', '[PATCH] d'])], ['dev']);
});

test('a single mail (.eml) parses; an mbox of several threads needs -o DIR and writes one file per thread', async () => {
  const [one] = await parseDump(Buffer.from('From: Ann <ann@example.org>\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\nMessage-ID: <1@example.org>\nDate: Tue, 2 Jan 2024 10:00:00 +0100\n\n# not a heading\n'), 'note.eml');
  assert.equal(one!.title, 'Grüße');
  assert.equal(one!.comments[0]!.text, '\\# not a heading');
  assert.equal(one!.comments[0]!.time, '2024-01-02T09:00:00Z');
  const [padded] = await parseDump(Buffer.from('\n\nFrom a Mon Jan  1 00:00:00 2024\nFrom: b@example.org\nSubject: after blank lines\n\nhi\n'), 'padded.mbox');
  assert.equal(padded!.source.format, 'mbox');
  const dir = tempDir();
  const noFolder = captureIo(dir);
  assert.equal(await run([fixture], noFolder.io), 1);
  assert.match(noFolder.stderr(), /holds \d+ threads; give a folder with -o/);
  const cap = captureIo(dir);
  assert.equal(await run([fixture, '-o', 'out'], cap.io), 0, cap.stderr());
  const files = readdirSync(join(dir, 'out')).sort();
  assert.equal(files.length, threads.length);
  const written = files.map((f) => JSON.parse(readFileSync(join(dir, 'out', f), 'utf8')) as Thread);
  assert.equal(written.reduce((n, t) => n + t.comments.length, 0), separators);
  for (const t of written) assert.ok(t.id.startsWith('input-'), t.id);
});

test('a long file name still gives thread ids within the format\'s 120 characters, all distinct', async () => {
  const many = await parseDump(bytes, `${'a-very-long-archive-name-'.repeat(6)}.mbox`);
  assert.equal(many.length, threads.length);
  for (const t of many) assert.ok(t.id.length <= 120, t.id);
  assert.equal(new Set(many.map((t) => t.id)).size, many.length);
});
