// Small helpers shared by the tests.
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Comment, Thread } from '../src/thread/types.ts';
import { filesUnder as listFiles } from '../src/util/files-under.ts';

/** A fresh temporary folder. */
export function tempDir(prefix = 'thread-archive-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (path → content) under a folder, creating sub-folders. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
}

/** A small valid thread in the project's own format. */
export function makeThread(id: string, comments: Partial<Comment>[] = [], extra: Partial<Thread> = {}): Thread {
  return {
    version: 1,
    id,
    title: `Thread ${id}`,
    source: { format: 'thread-json', file: `${id}.json` },
    comments: comments.map((c, i) => ({ id: `c${i + 1}`, parent: null, text: `comment ${i + 1}`, ...c })),
    ...extra,
  };
}

/** Collects what a CLI run writes. */
export function captureIo(cwd: string, env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), env, cwd },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** Every file under a folder, sorted: path relative to it → bytes. */
export function filesUnder(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((path) => [path.slice(dir.length + 1), readFileSync(path)]));
}
