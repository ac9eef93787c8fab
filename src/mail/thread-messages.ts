import { cleanSubject, subjectKey } from './clean-subject.ts';

/** What threading reads of a message. */
export interface Threadable {
  /** Without brackets; '' when the message has none. */
  messageId: string;
  /** Ancestors' ids, oldest first (References, then In-Reply-To). */
  references: readonly string[];
  subject: string;
  date?: Date;
}

/** A node of a thread tree: a message, or a placeholder for one that is referred to but missing. */
export interface ThreadNode<T extends Threadable> {
  /** The Message-ID (a made-up unique key for messages without one, or a merged-subject group). */
  id: string;
  message?: T;
  parent: ThreadNode<T> | null;
  children: ThreadNode<T>[];
}

/**
 * Threads messages with Jamie Zawinski's algorithm (https://www.jwz.org/doc/threading.html):
 * containers per Message-ID, parent links from References/In-Reply-To (an existing link is
 * never changed by a later References list, and a link that would make a loop is refused),
 * a message's own References decide its parent (a message without any keeps the parent others
 * gave it), placeholder containers for messages that are referred to but missing (pruned where
 * they have no children, or replaced by their children where that keeps the tree), then root threads
 * grouped by normalised subject. Siblings and roots are sorted by date (undated last, then
 * input order). Returns one root per thread. Iterative throughout: no recursion.
 */
export function threadMessages<T extends Threadable>(
  messages: readonly T[],
  listTags: ReadonlySet<string> = new Set(),
): ThreadNode<T>[] {
  const table = new Map<string, ThreadNode<T>>();
  const order = new Map<ThreadNode<T>, number>();
  const container = (id: string): ThreadNode<T> => {
    let c = table.get(id);
    if (!c) {
      c = { id, parent: null, children: [] };
      table.set(id, c);
      order.set(c, order.size);
    }
    return c;
  };
  let made = 0;
  const uniqueKey = (base: string) => {
    let key: string;
    do key = `${base}\u0000${++made}`;
    while (table.has(key));
    return key;
  };

  // 1. Containers and parent links.
  for (const message of messages) {
    let id = message.messageId;
    if (id === '' || table.get(id)?.message !== undefined) id = uniqueKey(id);
    const self = container(id);
    self.message = message;
    let previous: ThreadNode<T> | null = null;
    for (const ref of message.references) {
      const current = container(ref);
      if (previous && current.parent === null && !isAncestorOrSelf(current, previous)) link(previous, current);
      previous = current;
    }
    if (previous && !isAncestorOrSelf(self, previous) && self.parent !== previous) {
      if (self.parent) unlink(self);
      link(previous, self);
    }
  }

  // 2. The root set.
  let roots = [...table.values()].filter((c) => c.parent === null);

  // 3. Prune placeholders, children before parents.
  const kept: ThreadNode<T>[] = [];
  for (const root of roots) {
    for (const c of postOrder(root)) {
      if (c.message) continue;
      if (c.children.length === 0) {
        if (c.parent) unlink(c);
        continue;
      }
      if (c.parent) {
        const parent = c.parent;
        const at = parent.children.indexOf(c);
        for (const child of c.children) child.parent = parent;
        parent.children.splice(at, 1, ...c.children);
        c.children = [];
        c.parent = null;
      }
    }
    if (root.message) kept.push(root);
    else if (root.children.length === 1) {
      const only = root.children[0]!;
      only.parent = null;
      root.children = [];
      kept.push(only);
    } else if (root.children.length > 1) kept.push(root);
  }
  roots = kept;

  // 5. Group roots by subject.
  const subjectOf = (c: ThreadNode<T>) => c.message?.subject ?? c.children.find((k) => k.message)?.message?.subject ?? '';
  const isReply = (c: ThreadNode<T>) => c.message !== undefined && cleanSubject(c.message.subject, listTags).reply;
  const bySubject = new Map<string, ThreadNode<T>>();
  for (const root of roots) {
    const key = subjectKey(subjectOf(root), listTags);
    if (key === '') continue;
    const old = bySubject.get(key);
    if (!old || (!root.message && old.message) || (old.message && root.message && isReply(old) && !isReply(root))) {
      bySubject.set(key, root);
    }
  }
  const merged = new Set<ThreadNode<T>>();
  const replaced = new Map<ThreadNode<T>, ThreadNode<T>>();
  for (const root of roots) {
    const key = subjectKey(subjectOf(root), listTags);
    if (key === '') continue;
    const target = bySubject.get(key)!;
    if (target === root) continue;
    merged.add(root);
    if (!target.message && !root.message) {
      for (const child of root.children) child.parent = target;
      target.children.push(...root.children);
      root.children = [];
    } else if (!target.message) {
      link(target, root);
    } else if (!isReply(target) && isReply(root)) {
      link(target, root);
    } else {
      const group: ThreadNode<T> = { id: uniqueKey(`subject:${key}`), parent: null, children: [] };
      order.set(group, order.get(target)!);
      link(group, target);
      link(group, root);
      bySubject.set(key, group);
      replaced.set(target, group);
    }
  }
  roots = roots.filter((r) => !merged.has(r)).map((r) => replaced.get(r) ?? r);

  // 6. Sort siblings and roots by date.
  const firstDate = new Map<ThreadNode<T>, number>();
  const dateOf = (c: ThreadNode<T>) => {
    if (c.message?.date) return c.message.date.getTime();
    let known = firstDate.get(c);
    if (known === undefined) {
      known = Infinity;
      for (const d of postOrder(c)) if (d.message?.date) known = Math.min(known, d.message.date.getTime());
      firstDate.set(c, known);
    }
    return known;
  };
  const byDate = (a: ThreadNode<T>, b: ThreadNode<T>) => dateOf(a) - dateOf(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0);
  for (const root of roots) for (const c of postOrder(root)) if (c.children.length > 1) c.children.sort(byDate);
  return roots.sort(byDate);
}

function link<T extends Threadable>(parent: ThreadNode<T>, child: ThreadNode<T>): void {
  child.parent = parent;
  parent.children.push(child);
}

function unlink<T extends Threadable>(child: ThreadNode<T>): void {
  const parent = child.parent;
  if (!parent) return;
  const at = parent.children.indexOf(child);
  if (at >= 0) parent.children.splice(at, 1);
  child.parent = null;
}

/** Is `a` the node `b` or one of its ancestors? */
function isAncestorOrSelf<T extends Threadable>(a: ThreadNode<T>, b: ThreadNode<T>): boolean {
  if (a.children.length === 0) return a === b;
  for (let c: ThreadNode<T> | null = b; c !== null; c = c.parent) if (c === a) return true;
  return false;
}

/** Every node under `root` (itself included), children before their parent. */
export function postOrder<T extends Threadable>(root: ThreadNode<T>): ThreadNode<T>[] {
  const out: ThreadNode<T>[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const c = stack.pop()!;
    out.push(c);
    for (const child of c.children) stack.push(child);
  }
  return out.reverse();
}

/** Every node under `root` (itself included) in depth-first page order. */
export function preOrder<T extends Threadable>(root: ThreadNode<T>): ThreadNode<T>[] {
  const out: ThreadNode<T>[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const c = stack.pop()!;
    out.push(c);
    for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]!);
  }
  return out;
}
