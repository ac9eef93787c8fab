import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { writeAtomic } from '../parse/write-atomic.ts';

/** What a file looked like when it was hashed: size, modification and change times, inode. */
type Identity = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

const identity = (s: Stats): Identity => [s.size, s.mtimeMs, s.ctimeMs, s.ino];
const same = (a: Identity, b: Identity) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/**
 * The SHA-256 of files' contents, remembered with each file's size, times and inode, as git's
 * index does: a file that still looks the same is not read again. Any write to a file changes
 * its times, so an edit (by hand or otherwise) is always seen. Kept in a JSON file between
 * runs; deleting it is always safe.
 */
export class FileHashCache {
  private readonly entries = new Map<string, [Identity, string, recordedAt: number]>();
  private changed = false;

  constructor(private readonly file: string) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { version: number; files: Record<string, [Identity, string, number]> };
      if (saved.version === 2) for (const [path, entry] of Object.entries(saved.files)) this.entries.set(path, entry);
    } catch {
      // none yet, or damaged: every file is read once more
    }
  }

  /**
   * The SHA-256 a file had when it last looked like `stats` (undefined if not known). A file
   * recorded soon after its last change is hashed again, since a second edit in the clock's
   * granularity could keep its size and times (git's "racy" case): within 100 ms where times
   * have sub-second precision (Linux stamps files from a clock of a few milliseconds), within
   * two seconds where they are whole seconds.
   */
  known(path: string, stats: Stats): string | undefined {
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    const mtime = entry[0][1];
    if (entry[2] - mtime < (mtime % 1000 === 0 ? 2000 : 100)) return undefined;
    return same(entry[0], identity(stats)) ? entry[1] : undefined;
  }

  /** Records the hash of a file's contents as it is now (`stats`: its stat, taken before the bytes were read). */
  remember(path: string, stats: Stats, sha256: string): void {
    this.entries.set(path, [identity(stats), sha256, Date.now()]);
    this.changed = true;
  }

  /**
   * A file's SHA-256 and, when it had to be read, its bytes; undefined when there is no such
   * file.
   */
  hash(path: string): { sha256: string; bytes?: Buffer } | undefined {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return undefined;
    const known = this.known(path, stats);
    if (known) return { sha256: known };
    const bytes = readFileSync(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.remember(path, stats, sha256);
    return { sha256, bytes };
  }

  /** Writes the records back (only the paths in `keep`, if given), if anything changed. */
  save(keep?: Iterable<string>): void {
    if (keep) {
      const wanted = new Set(keep);
      for (const path of this.entries.keys()) {
        if (!wanted.has(path)) {
          this.entries.delete(path);
          this.changed = true;
        }
      }
    }
    if (!this.changed) return;
    try {
      writeAtomic(this.file, JSON.stringify({ version: 2, files: Object.fromEntries(this.entries) }));
      this.changed = false;
    } catch {
      // a cache that cannot be written only costs time
    }
  }
}
