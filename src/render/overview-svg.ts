import type { Comment } from '../thread/types.ts';
import { escapeHtml } from './escape-html.ts';
import type { ThreadShape } from './thread-shape.ts';

/** Most rectangles drawn, whatever the size of the thread. */
const maxParts = 600;
/** Most rows: deeper trees fold several levels into one row. */
const maxRows = 40;
/** Authors given their own colour; the rest share one. */
const colouredAuthors = 6;

/**
 * A picture of the thread, drawn at build time: an icicle chart with the comments in page
 * order across and the depth down, so a wide block is a big subtree and a tall stack a deep
 * chain; the colour says who wrote it (the most active authors first). Every block links
 * to its comment. Followed by a legend and a sentence that says the same in words.
 */
export function overviewSvg(comments: readonly Comment[], shape: ThreadShape): string {
  const n = comments.length;
  if (n === 0) return '';
  const levels = shape.maxDepth + 1;
  const rows = Math.min(levels, maxRows);
  const row = (depth: number) => (levels <= maxRows ? depth : Math.floor((depth * maxRows) / levels));
  const rowHeight = rows <= 20 ? 12 : Math.max(6, Math.floor(240 / rows));
  const height = rows * rowHeight;
  const width = 1000;

  // Who talks most.
  const counts = new Map<string, number>();
  for (const c of comments) if (c.author) counts.set(c.author, (counts.get(c.author) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const colour = new Map(ranked.slice(0, colouredAuthors).map(([name], k) => [name, `a${k}`]));

  // Which blocks to draw: a block per comment that starts a new row, widest first, within budget.
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = shape.parent[i]!;
    if (p < 0 || row(shape.depth[i]!) !== row(shape.depth[p]!)) candidates.push(i);
  }
  const minWidth = Math.max(1, candidates.length > maxParts ? [...candidates].map((i) => shape.size[i]!).sort((a, b) => b - a)[maxParts - 1]! : 1);
  const scale = width / n;
  const parts: string[] = [];
  for (const i of candidates) {
    const size = shape.size[i]!;
    if (size < minWidth || parts.length >= maxParts) continue;
    const c = comments[i]!;
    const x = (i * scale).toFixed(1);
    const w = Math.max(size * scale, 0.5).toFixed(1);
    const y = row(shape.depth[i]!) * rowHeight;
    const who = c.author ?? 'unknown';
    const label = `${who}, level ${shape.depth[i]! + 1}${size > 1 ? `: ${size} comments in this branch` : ''}`;
    parts.push(
      `<a href="#${escapeHtml(c.id)}" tabindex="-1"><title>${escapeHtml(label)}</title><rect x="${x}" y="${y}" width="${w}" height="${rowHeight}" class="${colour.get(who) ?? 'ax'}"/></a>`,
    );
  }

  let biggest = -1;
  for (let i = 0; i < n; i++) if (shape.parent[i] === -1 && (biggest < 0 || shape.size[i]! > shape.size[biggest]!)) biggest = i;
  const topLevel = shape.parent.reduce((k, p) => k + (p === -1 ? 1 : 0), 0);
  const others = ranked.slice(colouredAuthors).reduce((k, [, count]) => k + count, 0) + (n - [...counts.values()].reduce((a, b) => a + b, 0));
  const legend = ranked
    .slice(0, colouredAuthors)
    .map(([name, count], k) => `<li><span class="sw a${k}"></span>${escapeHtml(name)} <span class="m">${count}</span></li>`)
    .concat(others > 0 ? [`<li><span class="sw ax"></span>${counts.size ? 'others' : 'authors unknown'} <span class="m">${others}</span></li>`] : [])
    .join('');
  const big = comments[biggest]!;
  const words =
    `${n} comment${n === 1 ? '' : 's'}${counts.size ? ` from ${counts.size} commenter${counts.size === 1 ? '' : 's'}` : ', authors unknown'}, ` +
    `${topLevel} direct answer${topLevel === 1 ? '' : 's'} to the story, deepest reply at level ${levels}. ` +
    `Largest branch: <a href="#${escapeHtml(big.id)}">${shape.size[biggest]} comment${shape.size[biggest] === 1 ? '' : 's'}${big.author ? ` under ${escapeHtml(big.author)}` : ''}</a>.`;
  return (
    `<figure class="overview"><svg viewBox="0 0 ${width} ${height}" width="100%" height="${height}" preserveAspectRatio="none" aria-hidden="true" focusable="false">${parts.join('')}</svg>` +
    `<figcaption><ul class="legend">${legend}</ul><p>${words}</p></figcaption></figure>`
  );
}
