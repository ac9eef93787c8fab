// Property: any tree, flattened into a plain-text dump (one paragraph a line, depth-first, no
// metadata), parses into a valid depth-first tree in which every line belongs to exactly one
// comment and every word survives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { parseDump } from '../src/parse/parse-dump.ts';
import { threadProblems } from '../src/thread/validate-thread.ts';

const words = ['the', 'archive', 'thread', 'reply', 'quote', '*star*', '_under_', '<b>', '#tag', '1.', 'C++', 'x>y', '&amp;', 'naïve', '日本', 'café', 'why?', "don't", '`code`', '\\slash', 'http://example.com/a_b'];
const line = fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 12 }).map((w) => w.join(' '));
const node = fc.record({
  parentPick: fc.nat(),
  paragraphs: fc.array(fc.oneof({ weight: 5, arbitrary: line }, { weight: 1, arbitrary: line.map((l) => `> ${l}`) }), { minLength: 1, maxLength: 4 }),
});

/** Builds a depth-first dump: each comment answers the story, the previous comment or one of its ancestors. */
function flatten(nodes: { parentPick: number; paragraphs: string[] }[]): string[] {
  const lines: string[] = [];
  const stack: number[] = [];
  nodes.forEach((n, i) => {
    const depth = n.parentPick % (stack.length + 1);
    stack.length = depth;
    stack.push(i);
    lines.push(...n.paragraphs);
  });
  return lines;
}

function plain(markdown: string): string {
  return toString(fromMarkdown(markdown));
}

test('flattened trees parse into valid trees that keep every line and word', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(node, { minLength: 1, maxLength: 25 }), async (nodes) => {
      const lines = flatten(nodes);
      const [thread] = await parseDump(new TextEncoder().encode(`${lines.join('\n')}\n`), 'generated.txt');
      assert.ok(thread);
      assert.deepEqual(threadProblems(thread), []);
      const owner = new Array<number>(lines.length + 1).fill(0);
      for (const c of thread.comments) {
        assert.ok(c.lines, 'text comments have lines');
        const [first, last] = c.lines;
        const text = plain(c.text);
        for (let l = first; l <= last; l++) {
          owner[l]! += 1;
          for (const word of lines[l - 1]!.replace(/^> /, '').split(' ')) {
            const shown = plain(word.replace(/[\\`*_<>#&[\]]/g, '\\$&'));
            assert.ok(text.includes(shown), `line ${l}: "${shown}" missing from comment ${c.id}`);
          }
        }
      }
      for (let l = 1; l <= lines.length; l++) assert.equal(owner[l], 1, `line ${l} belongs to exactly one comment`);
    }),
    { seed: 7, numRuns: 150 },
  );
});
