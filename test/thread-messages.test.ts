// JWZ threading (src/mail/thread-messages.ts): parents from References/In-Reply-To, placeholders
// for missing messages, loops refused, roots grouped by subject, deep chains without recursion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { threadMessages, preOrder, type ThreadNode, type Threadable } from '../src/mail/thread-messages.ts';

interface M extends Threadable {
  name: string;
}
let minute = 0;
const m = (name: string, references: string[] = [], subject = 'Topic', messageId = name): M => ({
  name,
  messageId,
  references,
  subject,
  date: new Date(Date.UTC(2024, 0, 1, 0, minute++)),
});

/** A thread as `name(child,child(grandchild))`, placeholders as `_`. */
function shape(root: ThreadNode<M>): string {
  const out: string[] = [];
  const stack: (ThreadNode<M> | ')' | ',')[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === ')' || n === ',') {
      out.push(n);
      continue;
    }
    out.push(n.message?.name ?? '_');
    if (n.children.length > 0) {
      out.push('(');
      stack.push(')');
      for (let i = n.children.length - 1; i >= 0; i--) {
        stack.push(n.children[i]!);
        if (i > 0) stack.push(',');
      }
    }
  }
  return out.join('');
}
const shapes = (roots: ThreadNode<M>[]) => roots.map(shape);

test('parents come from References, siblings sorted by date', () => {
  const roots = threadMessages([m('a'), m('c', ['a', 'b']), m('b', ['a'], 'Re: Topic'), m('d', ['a'])]);
  assert.deepEqual(shapes(roots), ['a(b(c),d)']);
});

test('In-Reply-To style: only the last reference', () => {
  assert.deepEqual(shapes(threadMessages([m('a'), m('b', ['a']), m('c', ['b'])])), ['a(b(c))']);
});

test('a missing root with two replies is a placeholder; with one reply the reply is the root', () => {
  assert.deepEqual(shapes(threadMessages([m('x', ['gone']), m('y', ['gone'])])), ['_(x,y)']);
  assert.deepEqual(shapes(threadMessages([m('x', ['gone'], 'Other')])), ['x']);
});

test('a missing message in the middle is replaced by its replies', () => {
  assert.deepEqual(shapes(threadMessages([m('a'), m('c', ['a', 'lost']), m('d', ['a', 'lost'])])), ['a(c,d)']);
});

test('a later References list does not move an existing link, but a message\'s own References do', () => {
  // b's own header says its parent is a; c's (wrong) chain claims x → b: ignored for b.
  const roots = threadMessages([m('a'), m('b', ['a']), m('x', [], 'Else'), m('c', ['x', 'b'])]);
  assert.deepEqual(shapes(roots), ['a(b(c))', 'x']);
  // Here c's chain saw b first (making it x's child); b's own header then moves it under a.
  const later = threadMessages([m('a'), m('x', [], 'Else'), m('c', ['x', 'b']), m('b', ['a'])]);
  assert.deepEqual(shapes(later), ['a(b(c))', 'x']);
});

test('loops are refused and nothing is lost', () => {
  const roots = threadMessages([m('p', ['q']), m('q', ['p'])]);
  assert.equal(roots.length, 1);
  assert.deepEqual(shapes(roots), ['q(p)']);
  const three = threadMessages([m('a', ['c']), m('b', ['a']), m('c', ['b'])]);
  assert.equal(three.flatMap((r) => preOrder(r)).filter((n) => n.message).length, 3);
  assert.equal(three.length, 1);
});

test('self references are ignored', () => {
  assert.deepEqual(shapes(threadMessages([m('a', ['a'])])), ['a']);
});

test('orphans are grouped by normalised subject', () => {
  // A reply that lost its headers joins the thread whose root has its subject.
  const roots = threadMessages([m('a', [], '[list] Plans'), m('b', [], 'Re: [list] plans'), m('z', [], 'Unrelated')], new Set(['list']));
  assert.deepEqual(shapes(roots), ['a(b)', 'z']);
  // Two roots with the same subject, neither a reply: a placeholder holds both.
  assert.deepEqual(shapes(threadMessages([m('a', [], 'Same'), m('b', [], 'Same')])), ['_(a,b)']);
  // AW: and Fwd: count as reply markers.
  assert.deepEqual(shapes(threadMessages([m('a', [], 'Idee'), m('b', [], 'AW: Idee'), m('c', [], 'Fwd: Idee')])), ['a(b,c)']);
});

test('duplicate Message-IDs and messages without one are all kept', () => {
  const roots = threadMessages([m('a', [], 'S', 'same'), m('b', [], 'T', 'same'), m('c', ['same'], 'Re: S', ''), m('d', [], 'U', '')]);
  const names = roots.flatMap((r) => preOrder(r)).flatMap((n) => (n.message ? [n.message.name] : []));
  assert.deepEqual(names.sort(), ['a', 'b', 'c', 'd']);
  assert.deepEqual(shapes(roots).sort(), ['a(c)', 'b', 'd']);
});

test('a 20,000-deep reply chain threads without recursion', () => {
  const messages: M[] = [m('n0')];
  for (let i = 1; i < 20000; i++) messages.push(m(`n${i}`, [`n${i - 1}`]));
  const roots = threadMessages(messages.reverse());
  assert.equal(roots.length, 1);
  const order = preOrder(roots[0]!);
  assert.equal(order.length, 20000);
  assert.equal(order[19999]!.message!.name, 'n19999');
  assert.equal(order[19999]!.parent!.message!.name, 'n19998');
});
