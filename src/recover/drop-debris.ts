import type { DumpLine } from './dump-line.ts';

/** Lines a copied page adds that are not anyone's words: `reply`, collapse toggles, "load more". */
const uiLine = /^\s*(?:reply|\[\s*[–+\-−]\s*\]|\[\s*[–+\-−]\s*\]\s*\d+ more|add comment|load more comments|more comments|continue this thread)\s*$/i;

export function isUiLine(text: string): boolean {
  return uiLine.test(text);
}

export interface DebrisResult {
  kept: DumpLine[];
  /** 1-based lines dropped as debris. */
  dropped: number[];
}

/**
 * Drops the debris of a copied page from a text dump's non-blank lines: UI lines (`reply`,
 * `[–]`/`[+]` toggles, "load more comments") anywhere, and a repeat of an earlier comment at
 * the very end (a page's footer or a reply box echoing a comment). The repeat is recognised
 * only when its lines equal an earlier run of lines exactly.
 */
export function dropDebris(lines: readonly DumpLine[]): DebrisResult {
  const kept: DumpLine[] = [];
  const dropped: number[] = [];
  for (const l of lines) {
    if (isUiLine(l.text)) dropped.push(l.line);
    else kept.push(l);
  }
  // A trailing repeat: the last kept line equals an earlier line; extend the run backwards.
  const n = kept.length;
  if (n >= 2) {
    const last = kept[n - 1]!.text.trim();
    let match = -1;
    for (let i = n - 2; i >= 0; i--) {
      if (kept[i]!.text.trim() === last) {
        match = i;
        break;
      }
    }
    if (match >= 0) {
      let run = 1;
      while (match - run >= 0 && n - 1 - run > match && kept[match - run]!.text.trim() === kept[n - 1 - run]!.text.trim()) run++;
      for (const l of kept.splice(n - run, run)) dropped.push(l.line);
    }
  }
  dropped.sort((a, b) => a - b);
  return { kept, dropped };
}
