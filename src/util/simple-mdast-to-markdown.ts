import type { PhrasingContent, Root } from 'mdast';

/**
 * The fast path of `mdastToMarkdown`, for the trees `simpleHtmlToMdast` builds from most HN
 * comments: paragraphs of plain words with italics, bold and links, `> ` quotes, code blocks. Where nothing in the
 * tree needs escaping or care, the Markdown is written directly; that is decided strictly
 * (a text may hold only characters that mdast-util-to-markdown never escapes where they
 * stand, italics and bold only whole words between spaces, links only plain ones), and
 * anything else returns `undefined`, for mdast-util-to-markdown to do. The tests check on
 * real and generated comments that whatever this writes is byte for byte what
 * mdast-util-to-markdown writes.
 */
export function simpleMdastToMarkdown(tree: Root): string | undefined {
  const paragraphs: string[] = [];
  for (const block of tree.children) {
    if (block.type === 'code' && !block.lang && !block.meta && block.value.trim() !== '') {
      // Fenced, the fence longer than any run of backticks inside.
      const fence = '`'.repeat(Math.max(3, longestRun(block.value, '`') + 1));
      paragraphs.push(`${fence}\n${block.value}\n${fence}`);
      continue;
    }
    if (block.type !== 'paragraph' || block.children.length === 0) return undefined;
    const first = block.children[0]!;
    let children = block.children;
    let out = '';
    if (first.type === 'text') {
      if (quoteStart.test(first.value)) {
        // An HN-style quote, `> words`, or list, `- words`, is text: its mark is escaped.
        const rest = first.value.slice(1);
        if (!isPlain(rest)) return undefined;
        out = `\\${first.value.charAt(0)}`;
        children = [{ type: 'text', value: rest }, ...block.children.slice(1)];
      } else if (!safeStart.test(first.value)) {
        return undefined;
      }
    }
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      const before = i > 0 ? lastChar(children[i - 1]!) : '';
      const after = i < children.length - 1 ? firstChar(children[i + 1]!) : '';
      const written = phrasing(node, before, after);
      if (written === undefined) return undefined;
      out += written;
    }
    paragraphs.push(out);
  }
  return paragraphs.join('\n\n');
}

/** Starts that no Markdown construct has (a paragraph may start with them). */
const safeStart = /^(?:[\p{L}"'(]|\d+ )/u;
/** `> ` or `- ` and a word: HN's way of quoting or listing, text that must stay text. */
const quoteStart = /^[>-] [\p{L}"'(]/u;
/**
 * Text that mdast-util-to-markdown writes as is in a paragraph, away from its start, but
 * for the escapes of `escapeText`: no `\`, `` ` ``, `<`, `_` only inside words, no white
 * space but single spaces, no controls.
 */
const plainText = /^[^\\`<\p{Z}\p{C}]*(?: [^\\`<\p{Z}\p{C}]+)* ?$/u;
/** An underscore that is not inside a word (`snake_case` is fine): it would be escaped. */
const looseUnderscore = /(?<![\p{L}\p{N}_])_|_(?![\p{L}\p{N}_])/u;
/** What mdast-util-to-markdown escapes in such text: `*`, `[`, `~` always; `&` before a
 * letter or `#` (a character reference); `(` after `]` (a link). (`!` before `[` is not:
 * escaping the `[` suffices.) */
const escaped = /[*[~]|&(?=[#A-Za-z])|(?<=\])\(/g;

function escapeText(text: string): string {
  return text.replace(escaped, '\\$&');
}
/** GFM autolink literals (`www.`, `http:/`, `a@b`) that mdast-util-to-markdown escapes. */
const autolinkLike = /[Ww]\.[-.\w]|[ps]:\/|[+\-.\w]@[-.\w]/;
/** Italic and bold as words: a letter or digit at each inner edge, nothing to escape. */
const wordInside = /^[\p{L}\p{N}](?:[^\\*_`[\]<&~!(\p{Z}\p{C}]*(?: [^\\*_`[\]<&~!(\p{Z}\p{C}]+)*[\p{L}\p{N}])?$/u;
/** A link's text: plain, and nothing to escape (a label escapes `[` and `]` too). */
const plainLabel = /^[^\\*_`[\]<&~!(\p{Z}\p{C}]+(?: [^\\*_`[\]<&~!(\p{Z}\p{C}]+)*$/u;
/** What may stand right before italics or bold, and right after. */
const beforeAttention = /^(?:| |\(|")$/;
const afterAttention = /^(?:| |[.,;:!?)"])$/;
/** A URL mdast-util-to-markdown writes as an autolink, `<url>`, when the text is the URL. */
const autolinkUrl = /^[a-z][a-z+.-]+:[^\u0000- <>\u007f]*$/i;
/** A URL it writes in `[text](url)` without any escape. */
const resourceUrl = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\p{C}<>()\\`&]*$/u;

function isPlain(text: string): boolean {
  return plainText.test(text) && !autolinkLike.test(text) && !(text.includes('_') && looseUnderscore.test(text));
}

function phrasing(node: PhrasingContent, before: string, after: string): string | undefined {
  switch (node.type) {
    case 'text':
      return isPlain(node.value) ? escapeText(node.value) : undefined;
    case 'emphasis':
    case 'strong': {
      if (node.children.length !== 1 || node.children[0]!.type !== 'text') return undefined;
      const inner = node.children[0]!.value;
      if (!wordInside.test(inner) || autolinkLike.test(inner)) return undefined;
      if (!beforeAttention.test(before) || !afterAttention.test(after)) return undefined;
      const marker = node.type === 'emphasis' ? '_' : '**';
      return `${marker}${inner}${marker}`;
    }
    case 'link': {
      if (node.title || node.children.length !== 1 || node.children[0]!.type !== 'text') return undefined;
      const label = node.children[0]!.value;
      if (label === node.url) return autolinkUrl.test(node.url) ? `<${node.url}>` : undefined;
      if (!resourceUrl.test(node.url) || !plainLabel.test(label)) return undefined;
      if (before === '!') return undefined; // `![` would be an image
      return `[${label}](${node.url})`;
    }
    default:
      return undefined;
  }
}

function longestRun(value: string, character: string): number {
  let longest = 0;
  let run = 0;
  for (const c of value) {
    run = c === character ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

function firstChar(node: PhrasingContent): string {
  if (node.type === 'text') return node.value.charAt(0);
  return '\u0000'; // another inline node: not a space, so attention next to it is refused
}

function lastChar(node: PhrasingContent): string {
  if (node.type === 'text') return node.value.charAt(node.value.length - 1);
  return '\u0000';
}
