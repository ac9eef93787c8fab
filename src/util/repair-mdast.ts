import { toString } from 'mdast-util-to-string';
import type { Nodes, Parents, Root } from 'mdast';

/** Nodes whose children are inline (phrasing) content. */
const phrasingParents = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);
const phrasingTypes = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'break', 'html', 'footnoteReference']);
/** Inline nodes that show nothing (and would print as stray markers) when empty. */
const markers = new Set(['emphasis', 'strong', 'delete']);
/** Containers where a line break at the start or end shows nothing (and would print `\`). */
const blocks = new Set(['root', 'paragraph', 'heading', 'tableCell']);

/**
 * Fixes what hast-util-to-mdast makes of malformed or odd HTML that mdast-util-to-markdown
 * would then print wrongly, in place:
 * - blocks left inside inline nodes by tags open across paragraphs (`<i>a<p>b`), which
 *   would run `a` and `b` together: such a block becomes its inline content after a line
 *   break (other blocks: their text), so no two words merge and nothing is lost;
 * - line ends in inline code (`<code>a<p>b`), where a blank line would end the code span:
 *   white space, as the page shows them;
 * - strong inside strong, emphasis inside emphasis: the inner one goes (it shows nothing);
 * - inline code right after inline code, whose backticks would run together: one span;
 * - empty inline code, emphasis or strong (`<code></code>`), which would print as markers;
 * - line breaks at the start or end of a block (`a<br>`), which would print as `\`.
 * Walks with loops: no recursion.
 */
export function repairMdast(tree: Root): Root {
  const order: Parents[] = [];
  /** Each parent with the inline marker types (strong, emphasis, ...) it sits inside. */
  const stack: { parent: Parents; inside: string[] }[] = [{ parent: tree, inside: [] }];
  while (stack.length > 0) {
    const { parent, inside } = stack.pop()!;
    order.push(parent);
    const children = parent.children as Nodes[];
    if (phrasingParents.has(parent.type)) {
      for (let i = 0; i < children.length; i++) {
        const node = children[i]!;
        if (markers.has(node.type) && inside.includes(node.type)) {
          // Strong inside strong shows as strong, and nested markers can print ambiguously.
          children.splice(i, 1, ...(node as Parents).children);
          i--;
          continue;
        }
        if (phrasingTypes.has(node.type)) continue;
        const inline: Nodes[] = node.type === 'paragraph' || node.type === 'heading' ? node.children : [{ type: 'text', value: toString(node) }];
        // Breaks on both sides; those at a block's edge go later, those at an inline node's
        // edge move out of it (a break just inside `**` would undo the strong).
        const replacement: Nodes[] = i === 0 || children[i - 1]!.type !== 'break' ? [{ type: 'break' }, ...inline] : [...inline];
        if (i === children.length - 1 || children[i + 1]!.type !== 'break') replacement.push({ type: 'break' });
        children.splice(i, 1, ...replacement);
        i--; // look at what came in its place: it may hold blocks too
      }
    }
    for (const node of children) {
      if ('children' in node) stack.push({ parent: node, inside: markers.has(node.type) ? [...inside, node.type] : inside });
    }
  }
  // Children before parents: a node emptied below is seen empty by its parent.
  for (let k = order.length - 1; k >= 0; k--) {
    const parent = order[k]!;
    const children = parent.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) {
      const node = children[i]!;
      if (node.type === 'inlineCode' && node.value.includes('\n')) node.value = node.value.replace(/[ \t]*\n[ \t\n]*/g, ' ');
      const next = children[i + 1];
      if (node.type === 'inlineCode' && next?.type === 'inlineCode') {
        node.value += next.value; // side by side, their backticks would run together
        children.splice(i + 1, 1);
      }
      if (((node.type === 'inlineCode' || node.type === 'text') && node.value === '') || (markers.has(node.type) && (node as Parents).children.length === 0)) {
        children.splice(i, 1);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const node = children[i]!;
      if (!phrasingParents.has(node.type) || !('children' in node)) continue;
      const inner = node.children as Nodes[];
      while (inner.length > 0 && inner[inner.length - 1]!.type === 'break') children.splice(i + 1, 0, inner.pop()!);
      while (inner.length > 0 && inner[0]!.type === 'break') children.splice(i, 0, inner.shift()!);
      if (inner.length === 0 && markers.has(node.type)) children.splice(children.indexOf(node), 1);
    }
    if (blocks.has(parent.type)) trimBreaks(parent);
  }
  return tree;
}

/** Removes line breaks (and white space) at the very start and end of a block. */
function trimBreaks(block: Parents): void {
  const children = block.children as Nodes[];
  const blank = (node: Nodes) => node.type === 'break' || (node.type === 'text' && /^[ \t\n\r\f]*$/.test(node.value));
  while (children.length > 0 && blank(children[0]!)) children.shift();
  while (children.length > 0 && blank(children[children.length - 1]!)) children.pop();
}
