// The mail archive's by-date and by-author indexes (src/site/_lib/mail-*.ts): every message of
// every mbox thread once, in the right order, linked to its anchor on the thread page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDump } from '../src/parse/parse-dump.ts';
import { serializeThread } from '../src/thread/serialize-thread.ts';
import { summarizeThread } from '../src/site/_lib/load-archive.ts';
import { byAuthor, byDate, mailEntries } from '../src/site/_lib/mail-messages.ts';
import { groupedList, mailItem, dayOf } from '../src/site/_lib/mail-index-page.ts';
import { makeThread, tempDir } from './helpers.ts';

const fixture = new URL('./fixtures/mbox-list-archive/input.mbox', import.meta.url).pathname;

test('by date and by author: every mail message once, other formats left out', async () => {
  const dir = tempDir();
  const threads = await parseDump(readFileSync(fixture), 'list.mbox');
  const other = makeThread('not-mail', [{ author: 'x', time: '2024-01-01T00:00:00Z' }]);
  const summaries = [...threads, other].map((t) => {
    const file = join(dir, `${t.id}.json`);
    writeFileSync(file, serializeThread(t));
    return summarizeThread(t, file);
  });
  const entries = mailEntries(summaries);
  const total = threads.reduce((n, t) => n + t.comments.length, 0);
  assert.equal(entries.length, total);
  assert.ok(entries.every((e) => e.threadId !== 'not-mail'));

  const dated = byDate(entries);
  for (let i = 1; i < dated.length; i++) {
    const [a, b] = [dated[i - 1]!.time, dated[i]!.time];
    if (a && b) assert.ok(a <= b, `${a} before ${b}`);
    if (!a) assert.equal(b, '', 'undated messages come last');
  }
  const authors = byAuthor(entries).map((e) => e.author);
  const runs = authors.filter((a, i) => i === 0 || authors[i - 1] !== a);
  assert.equal(runs.length, new Set(authors).size, 'each author in one run');
  assert.ok(runs.indexOf('Émile Durand') < runs.indexOf('Fatima Zahra'), 'accents fold when sorting');

  const html = groupedList(dated, dayOf, (e) => mailItem(e, 'by-date'));
  const anchors = [...html.matchAll(/href="\/t\/([^/]+)\/#([^"]+)"/g)].map((m) => `${m[1]}#${m[2]}`);
  const expected = threads.flatMap((t) => t.comments.map((c) => `${t.id}#${c.id}`));
  assert.deepEqual(anchors.sort(), expected.sort());
});

test('names and titles are escaped in the index', () => {
  const item = mailItem({ threadId: 't', threadTitle: '<b>x</b>', commentId: 'm-1', author: 'A & <B>', time: '2024-01-02T03:04:05Z' }, 'by-date');
  assert.match(item, /&lt;b&gt;x&lt;\/b&gt;/);
  assert.match(item, /A &amp; &lt;B&gt;/);
  assert.match(item, />03:04</);
});
