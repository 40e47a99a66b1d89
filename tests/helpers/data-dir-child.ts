/**
 * A second process for tests/data-dir-lock.test.ts, run with tsx:
 *   tsx tests/helpers/data-dir-child.ts open <dir>         open the PGlite folder, write a marker, close
 *   tsx tests/helpers/data-dir-child.ts lock <dir> <ms> race
 *       print {"ready":true}, read an epoch-ms start time from stdin, spin until then, take only the
 *       folder lock and hold it for <ms>
 * It prints one JSON line: {"ok":true,...} or {"ok":false,"name":…,"message":…}, and exits 0 or 3.
 * Imports go through relative paths so it needs no path alias; they are loaded lazily, so the lock
 * mode starts without loading PGlite.
 */
const [mode, dir, holdMs, race] = process.argv.slice(2);

function report(result: Record<string, unknown>) {
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ...result })}\n`);
}

async function main() {
  if (!dir) throw new Error("usage: data-dir-child.ts open <dir> | lock <dir> <holdMs> [startAt]");
  if (mode === "open") {
    const { openPglite } = await import("../../db/client");
    const handle = await openPglite(dir);
    try {
      await handle.db.execute("create table if not exists child_marker (pid integer not null)");
      await handle.db.execute(`insert into child_marker (pid) values (${process.pid})`);
    } finally {
      await handle.close();
    }
    report({ ok: true });
  } else if (mode === "lock") {
    const { acquireDataDirLock } = await import("../../db/data-dir-lock");
    // Every child is loaded and waiting before the parent names the start time; each then spins
    // until that same instant, so they race for the lock at once.
    if (race) {
      process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
      const startAt = await firstStdinLine();
      while (Date.now() < Number(startAt)) {}
    }
    const release = acquireDataDirLock(dir);
    const acquiredAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, Number(holdMs ?? 0)));
    const releasedAt = Date.now();
    release();
    report({ ok: true, acquiredAt, releasedAt });
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

function firstStdinLine() {
  return new Promise<string>((resolve) => {
    let buffered = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => {
      buffered += chunk;
      const end = buffered.indexOf("\n");
      if (end >= 0) {
        process.stdin.pause();
        resolve(buffered.slice(0, end));
      }
    });
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const e = error as Error;
    report({ ok: false, name: e?.name, message: e?.message ?? String(error) });
    process.exit(3);
  },
);
