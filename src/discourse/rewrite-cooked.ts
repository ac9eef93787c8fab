import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';

/**
 * Where a quoted post lives: the `#fragment` of its comment, or `null` when it is not a
 * comment of this thread (another topic, the opening post, a post not in the dump).
 */
export type ResolvePost = (postNumber: number, topicId: number | undefined) => string | null;

/**
 * Discourse's cooked HTML → plain HTML that hast-util-to-mdast turns into what Discourse
 * shows, in place:
 * - a quote (`aside.quote`: title "user:" with avatar and controls, then a blockquote) becomes
 *   a paragraph with the title, linked to the quoted post's comment where it is in the thread,
 *   then the blockquote (the pipeline then links the quote to its source by its words);
 * - a onebox (`aside.onebox`, a link preview) becomes a link with its title, then its text;
 * - emoji images (`img.emoji`) become their text (`:wink:`), as copy and paste gives them;
 * - mentions, group mentions and hashtags (links into the forum) become their text (`@name`);
 * - a lightboxed image becomes the image (the file name and size overlay is dropped);
 * - a code block's `lang-cpp` class becomes `language-cpp`, which mdast understands;
 * - avatars and quote controls are left out.
 * Walks with a stack: no recursion.
 */
export function rewriteCooked(tree: Root, resolve: ResolvePost): void {
  const stack: (Root | Element)[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const out: (RootContent | ElementContent)[] = [];
    for (const child of parent.children) {
      const nodes = child.type === 'element' ? (rewrite(child, resolve) ?? [child]) : [child];
      for (const node of nodes) {
        out.push(node);
        if (node.type === 'element') stack.push(node);
      }
    }
    parent.children = out as typeof parent.children;
  }
}

function hasClass(el: Element, name: string): boolean {
  const cls = el.properties.className;
  return Array.isArray(cls) && cls.includes(name);
}

function numberOf(value: unknown): number | undefined {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return value === undefined || value === null || value === '' || !Number.isFinite(n) ? undefined : n;
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** Elements under `el` (itself included) in document order. */
function descendants(el: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]!;
      if (child.type === 'element') stack.push(child);
    }
  }
  return out;
}

/** The replacement for one element, or `undefined` to keep it. */
function rewrite(el: Element, resolve: ResolvePost): ElementContent[] | undefined {
  if (el.tagName === 'aside' && hasClass(el, 'quote')) {
    const title = el.children.find((c): c is Element => c.type === 'element' && hasClass(c, 'title'));
    const quote = el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'blockquote');
    const titleText = title ? toText(title).replace(/\s+/g, ' ').trim() : '';
    const username = typeof el.properties.dataUsername === 'string' ? el.properties.dataUsername : '';
    const label = titleText || (username ? `${username}:` : '');
    const postNumber = numberOf(el.properties.dataPost);
    const target = postNumber === undefined ? null : resolve(postNumber, numberOf(el.properties.dataTopic));
    const out: ElementContent[] = [];
    if (label) out.push(element('p', {}, [target ? element('a', { href: target }, [text(label)]) : text(label)]));
    out.push(...(quote.length > 0 ? quote : el.children.filter((c) => c !== title)));
    return out;
  }
  if (el.tagName === 'aside' && hasClass(el, 'onebox')) {
    const all = descendants(el);
    const heading = all.find((d) => /^h[1-6]$/.test(d.tagName));
    const firstLink = all.find((d) => d.tagName === 'a' && typeof d.properties.href === 'string');
    const href = typeof el.properties.dataOneboxSrc === 'string' ? el.properties.dataOneboxSrc : (firstLink?.properties.href as string | undefined);
    const label = (heading ? toText(heading) : '').replace(/\s+/g, ' ').trim() || href || '';
    const out: ElementContent[] = [];
    if (label) out.push(element('p', {}, [href ? element('a', { href }, [text(label)]) : text(label)]));
    for (const p of all) if (p.tagName === 'p' || p.tagName === 'pre') out.push(p);
    return out;
  }
  if (el.tagName === 'img' && hasClass(el, 'emoji')) {
    const alt = typeof el.properties.alt === 'string' && el.properties.alt ? el.properties.alt : typeof el.properties.title === 'string' ? el.properties.title : '';
    return alt ? [text(alt)] : [];
  }
  if (el.tagName === 'a' && (hasClass(el, 'mention') || hasClass(el, 'mention-group') || hasClass(el, 'hashtag') || hasClass(el, 'hashtag-cooked'))) {
    return [text(toText(el))];
  }
  if (el.tagName === 'div' && hasClass(el, 'lightbox-wrapper')) {
    const image = descendants(el).find((d) => d.tagName === 'img');
    return image ? [image] : [];
  }
  if (el.tagName === 'code' && Array.isArray(el.properties.className)) {
    // Discourse marks a code block's language `lang-cpp` (`lang-auto`: none given); mdast reads `language-`.
    const lang = el.properties.className.map(String).find((c) => c.startsWith('lang-') && c !== 'lang-auto' && c !== 'lang-nohighlight');
    if (lang) el.properties.className = [...el.properties.className, `language-${lang.slice(5)}`];
    return undefined;
  }
  if ((el.tagName === 'img' && hasClass(el, 'avatar')) || (el.tagName === 'div' && hasClass(el, 'quote-controls'))) return [];
  return undefined;
}
