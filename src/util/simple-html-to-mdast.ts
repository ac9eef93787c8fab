import type { Emphasis, Link, Paragraph, PhrasingContent, Root, Strong } from 'mdast';

/**
 * The fast path of `htmlToMarkdown`: most Hacker News comments are text, `<p>` breaks,
 * `<i>`, `<b>`, `<a href rel>` links and `<pre><code>` blocks with a few entities. For
 * exactly that subset this builds the same mdast tree that hast-util-from-html → hast-util-to-mdast would, in a
 * fraction of the time. Anything outside the subset (another tag, an attribute, a stray `<`,
 * an unknown entity, tags left open or crossed, white space at the edge of a tag or running
 * across one, an empty element) returns `undefined` and the caller takes the full path, so
 * the two paths never differ (the tests check this on real and generated comments).
 */
export function simpleHtmlToMdast(html: string): Root | undefined {
  const b = new TreeBuilder();
  const tag = /<(\/?)([a-z]+)((?:\s+[a-z]+="[^"<>]*")*)\s*>/y;
  let i = 0;
  // The next `<` and `&` at or after i (-1: none), found again only once passed.
  let lt = html.indexOf('<');
  let amp = html.indexOf('&');
  while (i < html.length) {
    if (lt >= 0 && lt < i) lt = html.indexOf('<', i);
    if (amp >= 0 && amp < i) amp = html.indexOf('&', i);
    const next = lt < 0 ? (amp < 0 ? html.length : amp) : amp < 0 ? lt : Math.min(lt, amp);
    if (next > i) {
      b.text += html.slice(i, next);
      i = next;
      continue;
    }
    if (next === amp) {
      const entity = readEntity(html, i);
      if (entity === undefined) return undefined;
      b.text += entity.value;
      i = entity.end;
      continue;
    }
    tag.lastIndex = i;
    const m = tag.exec(html);
    if (!m) return undefined;
    const [whole, slash, name, attrs] = m as unknown as [string, string, string, string];
    i += whole.length;
    if (name === 'p') {
      if (slash || attrs || !b.endParagraph()) return undefined;
    } else if (name === 'pre') {
      // `<pre><code>…</code></pre>` holding only text: a code block between paragraphs.
      if (slash || attrs || !html.startsWith('<code>', i) || !b.endParagraph()) return undefined;
      const end = html.indexOf('</code></pre>', i);
      if (end < 0) return undefined;
      const value = decodeText(html.slice(i + '<code>'.length, end));
      if (value === undefined || value.trim() === '') return undefined;
      b.root.children.push({ type: 'code', lang: null, meta: null, value: value.replace(/\n+$/, '') });
      i = end + '</code></pre>'.length;
    } else if (name !== 'i' && name !== 'b' && name !== 'a') {
      return undefined;
    } else if (slash) {
      if (attrs || !b.close(name)) return undefined;
    } else if (!b.open(name, attrs)) {
      return undefined;
    }
  }
  return b.endParagraph() ? b.root : undefined;
}

/** The tree being built, and where text goes next. */
class TreeBuilder {
  root: Root = { type: 'root', children: [] };
  /** The paragraph being filled, and the inline elements open in it (innermost last). */
  paragraph: Paragraph = { type: 'paragraph', children: [] };
  opened: { tag: string; node: Emphasis | Strong | Link }[] = [];
  /** Text read but not yet placed. */
  text = '';
  /** Did the last text of this paragraph (across tags) end in white space? */
  endsInSpace = false;
  /** Has the paragraph had any text or element yet? */
  started = false;

  target(): PhrasingContent[] {
    return this.opened.length > 0 ? this.opened[this.opened.length - 1]!.node.children : this.paragraph.children;
  }

  /** Puts the pending text in place; false when its white space needs the full path. */
  flush(closing: boolean): boolean {
    if (this.text === '') return true;
    let value = /[\t\n\f\r]| {2}/.test(this.text) ? this.text.replace(/[ \t\n\f\r]+/g, ' ') : this.text;
    this.text = '';
    if (value.charCodeAt(0) === 32) {
      if (this.opened.length > 0 && this.target().length === 0) return false; // just inside an opening tag
      if (this.endsInSpace) return false; // a run of white space across a tag
      if (!this.started) value = value.slice(1); // paragraph start
    }
    if (value === '') return true;
    this.endsInSpace = value.charCodeAt(value.length - 1) === 32;
    if (this.endsInSpace && closing && this.opened.length > 0) return false; // just before a closing tag
    this.target().push({ type: 'text', value });
    this.started = true;
    return true;
  }

  endParagraph(): boolean {
    if (!this.flush(false) || this.opened.length > 0) return false;
    const children = this.paragraph.children;
    const last = children[children.length - 1];
    if (last && last.type === 'text' && this.endsInSpace) {
      last.value = last.value.slice(0, -1);
      if (last.value === '') children.pop();
    }
    if (children.length > 0) this.root.children.push(this.paragraph);
    this.paragraph = { type: 'paragraph', children: [] };
    this.endsInSpace = false;
    this.started = false;
    return true;
  }

  open(name: string, attrs: string): boolean {
    if (!this.flush(false)) return false;
    if (this.opened.some((o) => o.tag === name)) return false;
    if (name !== 'a') {
      if (attrs) return false;
      this.opened.push({ tag: name, node: name === 'i' ? { type: 'emphasis', children: [] } : { type: 'strong', children: [] } });
      return true;
    }
    let href: string | undefined;
    const seen = new Set<string>();
    const attribute = /\s+([a-z]+)="([^"<>]*)"/g;
    for (let a = attribute.exec(attrs); a; a = attribute.exec(attrs)) {
      const [, key, raw] = a as unknown as [string, string, string];
      if (seen.has(key) || (key !== 'href' && key !== 'rel')) return false;
      seen.add(key);
      if (key === 'href') {
        href = decodeAttribute(raw);
        if (href === undefined || href === '') return false;
      }
    }
    if (href === undefined) return false;
    this.opened.push({ tag: 'a', node: { type: 'link', url: href, title: null, children: [] } });
    return true;
  }

  close(name: string): boolean {
    if (!this.flush(true)) return false;
    const top = this.opened.pop();
    if (!top || top.tag !== name || top.node.children.length === 0) return false;
    this.target().push(top.node);
    this.started = true;
    return true;
  }
}

const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };
const entityPattern = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(quot|amp|lt|gt|apos|nbsp));/y;

/** A character reference at `at`, or a bare `&` that HTML keeps as is; `undefined` otherwise. */
function readEntity(html: string, at: number): { value: string; end: number } | undefined {
  entityPattern.lastIndex = at;
  const m = entityPattern.exec(html);
  if (!m) {
    // `&` before a letter, digit or `#` may be a reference the full parser knows.
    const after = html.charCodeAt(at + 1);
    if (Number.isNaN(after) || !/[A-Za-z0-9#]/.test(html[at + 1]!)) return { value: '&', end: at + 1 };
    return undefined;
  }
  const end = at + m[0].length;
  if (m[3]) return { value: named[m[3]]!, end };
  const code = m[1] ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
  // Leave to the full parser what HTML remaps or refuses (controls, C1, surrogates, ...).
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return undefined;
  if ((code & 0xfffe) === 0xfffe || (code >= 0xfdd0 && code <= 0xfdef)) return undefined;
  return { value: String.fromCodePoint(code), end };
}

/** A code block's text: entities decoded; `undefined` for a tag, a CR or a control inside. */
function decodeText(raw: string): string | undefined {
  if (raw.includes('<') || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(raw)) return undefined;
  return decodeEntities(raw);
}

/** Entities decoded; `undefined` when one is not understood (the full path decides then). */
function decodeEntities(raw: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, amp);
    const entity = readEntity(raw, amp);
    if (entity === undefined) return undefined;
    out += entity.value;
    i = entity.end;
  }
  return out;
}

function decodeAttribute(raw: string): string | undefined {
  const out = decodeEntities(raw);
  if (out === undefined) return undefined;
  // Attribute values keep their white space, which the full path would too; but leave any
  // control character or newline to it.
  return /[\u0000-\u001f]/.test(out) ? undefined : out;
}
