import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite has no lock of its own: two processes on one data folder both "work" and one side's writes
 * are lost. So the folder is guarded by an exclusive lock file beside it naming the holder.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const who = holder.pid === process.pid && holder.host === os.hostname() ? "this process" : "another process";
    super(
      `The database folder ${dataDir} is in use by ${who} (pid ${holder.pid}, ` +
        `"${holder.command}", since ${holder.since} on ${holder.host}). ` +
        `Stop that process first, or point PGLITE_DATA_DIR at another folder.`,
    );
    this.name = "DataDirInUseError";
  }
}

export type LockHolder = { pid: number; host: string; command: string; since: string; bootId?: string };

/** Beside the folder, with symbolic links in its parent resolved, so two spellings share one lock. */
export function lockFilePath(dataDir: string) {
  const dir = path.resolve(dataDir);
  let parent = path.dirname(dir);
  try {
    parent = fs.realpathSync(parent);
  } catch {
    // The parent does not exist yet: nothing can link to it.
  }
  return path.join(parent, `${path.basename(dir)}.lock`);
}

/** Changes at every boot, so a pid recorded before a restart is never mistaken for a live one. */
function currentBootId() {
  try {
    return fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return undefined;
  }
}

// The lock files this process holds now, shared by every copy of this module in the process. A
// lock naming this pid that is not here was left by an earlier process that had the same pid
// (a restarted container's PID 1, say).
const globalForLocks = globalThis as unknown as { leverageHeldLocks?: Set<string> };
globalForLocks.leverageHeldLocks ??= new Set<string>();
const heldLocks = globalForLocks.leverageHeldLocks;

function isStale(holder: LockHolder | null, me: LockHolder, file: string) {
  if (holder === null) return true;
  if (holder.host !== me.host) return false;
  if (holder.bootId && me.bootId && holder.bootId !== me.bootId) return true;
  if (holder.pid === process.pid) return !heldLocks.has(file);
  return !isAlive(holder.pid);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock file's raw text, or null when there is none. */
function readLockText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const holder = JSON.parse(text) as LockHolder;
    return typeof holder?.pid === "number" ? holder : null;
  } catch {
    return null;
  }
}

function uniqueSibling(file: string, suffix: string) {
  return `${file}.${process.pid}.${randomBytes(6).toString("hex")}.${suffix}`;
}

/**
 * Removes a stale lock file, but only the one that was judged stale: it is first renamed aside
 * (atomic, so of two processes taking over the same stale lock only one moves it), then checked.
 * If what was moved is a fresh lock another process took in the meantime, it is put back.
 */
function removeStaleLock(file: string, staleText: string) {
  const aside = uniqueSibling(file, "stale");
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    if (readLockText(aside) !== staleText) {
      try {
        fs.linkSync(aside, file);
      } catch {
        // Yet another process took the folder meanwhile; it holds the lock now.
      }
    }
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/**
 * Takes the lock or throws DataDirInUseError; returns the function that releases it. A second open
 * of the same folder in the same process is refused too: two PGlite instances on one folder lose data.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const file = lockFilePath(dataDir);
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv
      .slice(1)
      .map((a) => path.basename(a))
      .join(" ")
      .slice(0, 120),
    since: new Date().toISOString(),
    bootId: currentBootId(),
  };
  const myText = JSON.stringify(me);

  // The record is written in full under a private name, then linked into place: link() fails when
  // the lock exists and never shows a half-written file. (Creating the lock with "wx" and then
  // writing it let a racing process read it empty, take it for stale, and take the folder too.)
  const draft = uniqueSibling(file, "tmp");
  fs.writeFileSync(draft, myText);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        fs.linkSync(draft, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const text = readLockText(file);
        if (text === null) continue; // released meanwhile: try again
        const holder = parseHolder(text);
        if (holder !== null && !isStale(holder, me, file)) throw new DataDirInUseError(path.resolve(dataDir), holder);
        // A crashed holder (or an unreadable file) leaves a stale lock: remove it and try again.
        removeStaleLock(file, text);
        continue;
      }
      heldLocks.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldLocks.delete(file);
        process.off("exit", release);
        if (readLockText(file) === myText) fs.rmSync(file, { force: true });
      };
      process.on("exit", release);
      return release;
    }
  } finally {
    fs.rmSync(draft, { force: true });
  }
  throw new Error(`Could not take the lock ${file}`);
}
