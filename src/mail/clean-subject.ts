/** Reply and forward markers in many languages: Re, Fw/Fwd, AW/WG (German), SV (Nordic), Antw, Rif, VS, Odp, TR. */
const marker = /^(?:re|fwd?|aw|wg|sv|antw|rif|vs|odp|tr)\s*(?:\[\d+\]|\(\d+\)|\^\d+)?\s*[:：]\s*/i;
const bracketTag = /^\[([^\]]{1,60})\]\s*/;

export interface CleanSubject {
  /** The subject without leading reply/forward markers and list tags, spaces collapsed. */
  title: string;
  /** Did it carry a reply or forward marker? */
  reply: boolean;
}

/**
 * A subject without its leading `Re:`/`Fwd:`/`AW:`… markers (repeated, in any order) and the
 * list tags in `listTags` (`[rust-dev]`; compared without case). Other bracketed words
 * (`[PATCH]`, `[ANN]`) are the author's and stay.
 */
export function cleanSubject(subject: string, listTags: ReadonlySet<string> = new Set()): CleanSubject {
  let rest = subject.replace(/\s+/g, ' ').trim();
  let reply = false;
  for (;;) {
    const m = marker.exec(rest);
    if (m) {
      reply = true;
      rest = rest.slice(m[0].length);
      continue;
    }
    const tag = bracketTag.exec(rest);
    if (tag && listTags.has(tag[1]!.trim().toLowerCase())) {
      rest = rest.slice(tag[0].length);
      continue;
    }
    break;
  }
  return { title: rest.trim(), reply };
}

/** The key threads are grouped by: the clean subject, without case and punctuation spacing. */
export function subjectKey(subject: string, listTags?: ReadonlySet<string>): string {
  return cleanSubject(subject, listTags).title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The mailing-list tags of an archive: a bracketed word that opens (after reply markers) the
 * subjects of at least two messages and of at least half of them, as list software adds to all.
 */
export function listTagsOf(subjects: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const subject of subjects) {
    let rest = subject.replace(/\s+/g, ' ').trim();
    const seen = new Set<string>();
    for (;;) {
      const m = marker.exec(rest);
      if (m) {
        rest = rest.slice(m[0].length);
        continue;
      }
      const tag = bracketTag.exec(rest);
      if (!tag) break;
      seen.add(tag[1]!.trim().toLowerCase());
      rest = rest.slice(tag[0].length);
    }
    for (const tag of seen) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const tags = new Set<string>();
  for (const [tag, n] of counts) if (n >= 2 && n * 2 >= subjects.length) tags.add(tag);
  return tags;
}
