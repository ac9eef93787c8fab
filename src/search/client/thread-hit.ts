// Thread pages (bundled into search/thread-hit.js): arriving from a search result, open the
// comment's ancestors and highlight the words that matched. Under 1 KB; no Lunr here.
import { hitStorageKey, type StoredHit } from './hit-storage.ts';

function show(): void {
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // keep as is
  }
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  for (let d: Element | null = target; d; d = d.parentElement) if (d instanceof HTMLDetailsElement) d.open = true;
  let hit: StoredHit | null = null;
  try {
    hit = JSON.parse(sessionStorage.getItem(hitStorageKey) ?? 'null') as StoredHit | null;
  } catch {
    hit = null;
  }
  if (!hit || hit.id !== id || hit.words.length === 0) return;
  sessionStorage.removeItem(hitStorageKey);
  const words = new Set(hit.words);
  const body = target.querySelector(':scope > .t') ?? target;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const owner = n.parentElement?.closest('[id]');
    if (owner === target || body !== target) nodes.push(n as Text);
  }
  const pattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  let first: Element | null = null;
  for (const node of nodes) {
    const text = node.data;
    const parts: (string | HTMLElement)[] = [];
    let cursor = 0;
    for (const m of text.matchAll(pattern)) {
      if (!words.has(m[0].toLowerCase())) continue;
      if (m.index! > cursor) parts.push(text.slice(cursor, m.index));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = m[0];
      parts.push(mark);
      first ??= mark;
      cursor = m.index! + m[0].length;
    }
    if (parts.length === 0) continue;
    if (cursor < text.length) parts.push(text.slice(cursor));
    node.replaceWith(...parts);
  }
  target.scrollIntoView({ block: 'start' });
}

show();
addEventListener('hashchange', show);
