import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPglite } from "@/db/client";
import { acquireDataDirLock, DataDirInUseError, type LockHolder, lockFilePath } from "@/db/data-dir-lock";

/**
 * PGlite has no lock of its own, so db/data-dir-lock.ts guards a data folder with a lock file beside
 * it. These tests run real second processes (tsx tests/helpers/data-dir-child.ts) against it.
 */

const repoRoot = path.resolve(import.meta.dirname, "..");
const tsxBin = path.join(repoRoot, "node_modules", ".bin", "tsx");
const childScript = path.join(repoRoot, "tests", "helpers", "data-dir-child.ts");

type ChildResult = {
  exitCode: number | null;
  stderr: string;
  report: { pid: number; ok: boolean; name?: string; message?: string; acquiredAt?: number; releasedAt?: number };
};

/** Runs the helper in a second process and parses the one JSON line it prints. */
function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(tsxBin, [childScript, ...args], { cwd: repoRoot, timeout: 90_000 }, (error, stdout, stderr) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      try {
        const exitCode = error ? ((error as { code?: number }).code ?? null) : 0;
        resolve({ exitCode: typeof exitCode === "number" ? exitCode : null, stderr, report: JSON.parse(line) });
      } catch {
        reject(new Error(`child printed no report (${error?.message ?? "no error"}):\n${stdout}\n${stderr}`));
      }
    });
  });
}

/**
 * Several children started together, which all load, say they are ready, and then spin until one
 * start time the parent names once every one of them is waiting: a race for the lock at the same
 * instant, however slowly each process started.
 */
function raceChildren(count: number, dir: string, holdMs: number): Promise<ChildResult[]> {
  const children = Array.from({ length: count }, () => {
    const child = spawn(tsxBin, [childScript, "lock", dir, String(holdMs), "race"], { cwd: repoRoot });
    let stdout = "";
    let stderr = "";
    const ready = new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk;
        if (stdout.includes('"ready":true')) resolve();
      });
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    const exited = new Promise<ChildResult>((resolve, reject) => {
      child.on("close", (exitCode) => {
        const line = stdout.trim().split("\n").pop() ?? "";
        try {
          resolve({ exitCode, stderr, report: JSON.parse(line) });
        } catch {
          reject(new Error(`child printed no report:\n${stdout}\n${stderr}`));
        }
      });
    });
    return { child, ready, exited };
  });
  return Promise.all(children.map((c) => c.ready)).then(() => {
    const startAt = Date.now() + 200;
    for (const { child } of children) child.stdin.end(`${startAt}\n`);
    return Promise.all(children.map((c) => c.exited));
  });
}

const tempRoots: string[] = [];
/** A fresh data folder path inside a new temp dir, so its sibling lock file is cleaned up too. */
function freshDataDir() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ll-lock-test-"));
  tempRoots.push(root);
  return path.join(root, "pglite");
}

// Creating a PGlite cluster on disk takes seconds; opening an existing one does not. The tests
// that need a working folder get a copy of one cluster made once (the lock is beside the folder
// and knows nothing of its contents).
let templateDir: string;
beforeAll(async () => {
  templateDir = freshDataDir();
  const template = await openPglite(templateDir);
  await template.close();
});

/** Like freshDataDir, with an empty PGlite cluster already in the folder. */
function initialisedDataDir() {
  const dir = freshDataDir();
  fs.cpSync(templateDir, dir, { recursive: true });
  return dir;
}

const openHandles: DatabaseHandle[] = [];
async function open(dir: string) {
  const handle = await openPglite(dir);
  openHandles.push(handle);
  return handle;
}
async function close(handle: DatabaseHandle) {
  openHandles.splice(openHandles.indexOf(handle), 1);
  await handle.close();
}

const sleepers: ChildProcess[] = [];

afterEach(async () => {
  for (const handle of openHandles.splice(0)) await handle.close().catch(() => {});
  for (const sleeper of sleepers.splice(0)) sleeper.kill();
});

afterAll(() => {
  for (const root of tempRoots) fs.rmSync(root, { recursive: true, force: true });
});

/** PGlite's drizzle driver answers execute() with { rows }. */
async function query<T>(handle: DatabaseHandle, text: string): Promise<T[]> {
  const result = (await handle.db.execute(text)) as unknown as { rows: T[] };
  return result.rows;
}

function readLock(dir: string): LockHolder {
  return JSON.parse(fs.readFileSync(lockFilePath(dir), "utf8")) as LockHolder;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a process that has already exited. */
function deadPid() {
  const pid = spawnSync(process.execPath, ["-e", ""]).pid;
  expect(isAlive(pid)).toBe(false);
  return pid;
}

function writeLock(dir: string, holder: Partial<LockHolder> & { pid: number }) {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.writeFileSync(
    lockFilePath(dir),
    JSON.stringify({ host: os.hostname(), command: "ghost", since: "2026-01-01T00:00:00.000Z", ...holder }),
  );
}

describe("PGlite data-folder lock", { timeout: 120_000 }, () => {
  it("refuses a second process while this one holds the folder, and the second writes nothing", async () => {
    const dir = initialisedDataDir();
    const handle = await open(dir);
    await query(handle, "create table parent_rows (note text not null)");
    await query(handle, "insert into parent_rows (note) values ('written by the holder')");
    expect(readLock(dir).pid).toBe(process.pid);

    const child = await runChild(["open", dir]);

    expect(child.exitCode).toBe(3);
    expect(child.report.ok).toBe(false);
    expect(child.report.name).toBe("DataDirInUseError");
    expect(child.report.message).toContain(`pid ${process.pid}`);
    expect(child.report.message).toMatch(/is in use by another process/);
    expect(child.report.message).toContain(path.resolve(dir));

    // The holder's data is intact and the child's marker table was never created.
    const rows = await query<{ note: string }>(handle, "select note from parent_rows");
    expect(rows.map((r) => r.note)).toEqual(["written by the holder"]);
    const marker = await query<{ t: string | null }>(handle, "select to_regclass('child_marker')::text as t");
    expect(marker[0]?.t).toBeNull();
    // The refused child left the holder's lock in place.
    expect(readLock(dir).pid).toBe(process.pid);
  });

  it("releases the lock on close, so another process can open the folder and see the data", async () => {
    const dir = initialisedDataDir();
    const first = await open(dir);
    await query(first, "create table parent_rows (note text not null)");
    await query(first, "insert into parent_rows (note) values ('before close')");
    await close(first);
    expect(fs.existsSync(lockFilePath(dir))).toBe(false);

    const child = await runChild(["open", dir]);
    expect(child.report).toMatchObject({ ok: true });
    expect(child.exitCode).toBe(0);
    expect(fs.existsSync(lockFilePath(dir))).toBe(false);

    const again = await open(dir);
    const parentRows = await query<{ note: string }>(again, "select note from parent_rows");
    expect(parentRows.map((r) => r.note)).toEqual(["before close"]);
    const childRows = await query<{ pid: number }>(again, "select pid from child_marker");
    expect(childRows.map((r) => r.pid)).toEqual([child.report.pid]);
  });

  it("takes over a stale lock left by a process that has exited", async () => {
    const dir = initialisedDataDir();
    const ghost = deadPid();
    writeLock(dir, { pid: ghost });

    const handle = await open(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    await query(handle, "select 1");
    await close(handle);
    expect(fs.existsSync(lockFilePath(dir))).toBe(false);
  });

  it("takes over an unreadable (empty or corrupt) lock file", async () => {
    for (const junk of ["", "{not json"]) {
      const dir = initialisedDataDir();
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      fs.writeFileSync(lockFilePath(dir), junk);
      const handle = await open(dir);
      expect(readLock(dir).pid).toBe(process.pid);
      await close(handle);
    }
  });

  it("refuses a lock held by another live process on this host, and leaves it alone", async () => {
    const dir = freshDataDir();
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 120000)"], { stdio: "ignore" });
    sleepers.push(sleeper);
    expect(sleeper.pid).toBeTypeOf("number");
    writeLock(dir, { pid: sleeper.pid!, command: "next start" });
    const before = fs.readFileSync(lockFilePath(dir), "utf8");

    const attempt = openPglite(dir);
    await expect(attempt).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(attempt).rejects.toThrow(`pid ${sleeper.pid}, "next start"`);
    expect(fs.readFileSync(lockFilePath(dir), "utf8")).toBe(before);
    expect(fs.existsSync(dir)).toBe(false); // PGlite never started on the folder
  });

  it("does not take over a lock from another host, whose pid cannot be checked", async () => {
    const dir = freshDataDir();
    writeLock(dir, { pid: deadPid(), host: `not-${os.hostname()}` });
    await expect(openPglite(dir)).rejects.toThrow(/is in use by another process/);
  });

  it("refuses a second open of the same folder in the same process", async () => {
    const dir = initialisedDataDir();
    const first = await open(dir);
    await query(first, "create table t (n integer)");
    await query(first, "insert into t values (1)");

    const second = openPglite(dir);
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toThrow(`pid ${process.pid}`);
    await expect(second).rejects.toThrow(/in use by this process/);

    // The refused attempt did not release or replace the first holder's lock, which still works.
    expect(readLock(dir).pid).toBe(process.pid);
    const rows = await query<{ n: number }>(first, "select n from t");
    expect(rows.map((r) => r.n)).toEqual([1]);

    await close(first);
    expect(fs.existsSync(lockFilePath(dir))).toBe(false);
    const reopened = await open(dir);
    expect((await query<{ n: number }>(reopened, "select n from t")).map((r) => r.n)).toEqual([1]);
  });

  it("gives the folder to one process at a time when several start at once", async () => {
    // Several children take the lock at the same instant and hold it for a while. Whoever else
    // runs in that window must be refused: no two holding intervals may overlap.
    for (const setup of ["fresh folder", "stale lock"] as const) {
      const dir = freshDataDir();
      if (setup === "stale lock") writeLock(dir, { pid: deadPid() });
      const results = await raceChildren(3, dir, 1500);
      const holders = results.filter((r) => r.report.ok).map((r) => r.report);
      const refused = results.filter((r) => !r.report.ok).map((r) => r.report);
      expect(holders.length, setup).toBeGreaterThanOrEqual(1);
      for (const r of refused) expect(r.name, `${setup}: ${r.message}`).toBe("DataDirInUseError");
      const intervals = holders
        .map((h) => ({ from: h.acquiredAt!, to: h.releasedAt! }))
        .sort((a, b) => a.from - b.from);
      for (let i = 1; i < intervals.length; i++) {
        expect(intervals[i]!.from, `${setup}: two processes held the lock at once`).toBeGreaterThanOrEqual(
          intervals[i - 1]!.to,
        );
      }
      expect(fs.existsSync(lockFilePath(dir)), setup).toBe(false);
      // No private temp or aside files are left beside the lock.
      expect(fs.readdirSync(path.dirname(dir)), setup).toEqual([]);
    }
  });
});

describe("locks left by an earlier incarnation", () => {
  it("takes over a lock naming this pid that this process does not hold (a restarted container)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ll-lock-same-pid-"));
    const dataDir = path.join(dir, "pglite");
    fs.writeFileSync(
      lockFilePath(dataDir),
      JSON.stringify({ pid: process.pid, host: os.hostname(), command: "old server", since: "2020-01-01T00:00:00Z" }),
    );
    const release = acquireDataDirLock(dataDir);
    expect(readLockFile(dataDir).command).not.toBe("old server");
    release();
    expect(fs.existsSync(lockFilePath(dataDir))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes over a lock recorded before the machine restarted, even if its pid is alive now", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ll-lock-boot-"));
    const dataDir = path.join(dir, "pglite");
    // pid 1 is always alive, but this record says it was written during another boot.
    fs.writeFileSync(
      lockFilePath(dataDir),
      JSON.stringify({
        pid: 1,
        host: os.hostname(),
        command: "before reboot",
        since: "2020-01-01T00:00:00Z",
        bootId: "another-boot",
      }),
    );
    const release = acquireDataDirLock(dataDir);
    expect(readLockFile(dataDir).pid).toBe(process.pid);
    release();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("shares one lock between two spellings of the same folder through a symbolic link", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ll-lock-link-"));
    fs.mkdirSync(path.join(dir, "real"));
    fs.symlinkSync(path.join(dir, "real"), path.join(dir, "link"));
    const release = acquireDataDirLock(path.join(dir, "real", "pglite"));
    expect(() => acquireDataDirLock(path.join(dir, "link", "pglite"))).toThrow(DataDirInUseError);
    release();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

function readLockFile(dataDir: string) {
  return JSON.parse(fs.readFileSync(lockFilePath(dataDir), "utf8")) as LockHolder;
}
