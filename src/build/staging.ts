import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// A build writes into a staging folder beside the site (`.NAME.building-PID`) and swaps it in
// at the end, so an interrupted build leaves the last good site in place.

/** Prepared once per process and site (by startBuildEarly or buildSite, whichever runs first). */
const prepared = ((globalThis as Record<symbol, unknown>)[Symbol.for('thread-archive.staging')] ??= new Map()) as Map<string, string>;

/**
 * This process's staging folder for `siteDir`, empty: tidies up after killed builds first
 * (recoverInterruptedSwap). Prepared once: a second call returns the same folder as it is.
 */
export function prepareStaging(siteDir: string): string {
  const done = prepared.get(siteDir);
  if (done) return done;
  mkdirSync(dirname(siteDir), { recursive: true });
  recoverInterruptedSwap(siteDir);
  const staging = join(dirname(siteDir), `.${basename(siteDir)}.building-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  prepared.set(siteDir, staging);
  return staging;
}

/** Removes the staging folder (after a failed build, or once swapped in: then it is gone already). */
export function dropStaging(siteDir: string): void {
  const staging = prepared.get(siteDir);
  prepared.delete(siteDir);
  if (staging) rmSync(staging, { recursive: true, force: true });
}

/** Makes the staging folder the site; the last site is deleted in the background. */
export function swapInStaging(siteDir: string): void {
  const staging = prepared.get(siteDir);
  if (!staging) throw new Error(`no staging folder was prepared for ${siteDir}`);
  const old = join(dirname(siteDir), `.${basename(siteDir)}.old-${process.pid}`);
  if (existsSync(siteDir)) renameSync(siteDir, old);
  renameSync(staging, siteDir);
  prepared.delete(siteDir);
  if (existsSync(old)) {
    // Renamed first, so that a half-deleted site is never taken for the last good one.
    const trash = join(dirname(siteDir), `.${basename(siteDir)}.trash-${process.pid}`);
    renameSync(old, trash);
    removeInBackground(trash);
  }
}

/**
 * Deletes the last site (tens of thousands of files, mostly hard links into the new one) in a
 * detached process, so the build need not wait for it; if that process cannot start, here.
 * Whatever it leaves (e.g. the machine stops) the next build removes (recoverInterruptedSwap).
 */
function removeInBackground(path: string): void {
  try {
    const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', path], { detached: true, stdio: 'ignore' });
    child.on('error', () => rmSync(path, { recursive: true, force: true }));
    child.unref();
  } catch {
    rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Tidies up after a build that was killed: a swap cut between its two renames leaves the last
 * good site as `.NAME.old-PID`, which is put back; half-built staging folders and old sites
 * left to delete (`.NAME.trash-PID`) are removed.
 */
function recoverInterruptedSwap(siteDir: string): void {
  const parent = dirname(siteDir);
  const name = basename(siteDir);
  for (const entry of readdirSync(parent)) {
    const path = join(parent, entry);
    const pid = Number(/-(\d+)$/.exec(entry)?.[1]);
    if (pid && isRunning(pid)) continue; // another build's, still at work
    if (entry.startsWith(`.${name}.old-`)) {
      if (!existsSync(siteDir)) renameSync(path, siteDir);
      else rmSync(path, { recursive: true, force: true });
    } else if (entry.startsWith(`.${name}.building-`) || entry.startsWith(`.${name}.trash-`)) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed build whose parent died too may stay a zombie until someone reaps it: not running.
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
