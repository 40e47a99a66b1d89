/**
 * A second process for tests/data-dir-lock.test.ts, run with tsx:
 *   tsx tests/helpers/data-dir-child.ts open <dir>         open the PGlite folder, write a marker, close
 *   tsx tests/helpers/data-dir-child.ts lock <dir> <ms> [startAt]
 *       take only the folder lock (at epoch-ms startAt, if given) and hold it for <ms>
 * It prints one JSON line: {"ok":true,...} or {"ok":false,"name":…,"message":…}, and exits 0 or 3.
 * Imports go through relative paths so it needs no path alias.
 */
import { openPglite } from "../../db/client";
import { acquireDataDirLock } from "../../db/data-dir-lock";

const [mode, dir, holdMs, startAt] = process.argv.slice(2);

function report(result: Record<string, unknown>) {
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ...result })}\n`);
}

async function main() {
  if (!dir) throw new Error("usage: data-dir-child.ts open <dir> | lock <dir> <holdMs> [startAt]");
  if (mode === "open") {
    const handle = await openPglite(dir);
    try {
      await handle.db.execute("create table if not exists child_marker (pid integer not null)");
      await handle.db.execute(`insert into child_marker (pid) values (${process.pid})`);
    } finally {
      await handle.close();
    }
    report({ ok: true });
  } else if (mode === "lock") {
    // Spin until a shared start time, so that several children race for the lock at once.
    while (startAt && Date.now() < Number(startAt)) {}
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

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const e = error as Error;
    report({ ok: false, name: e?.name, message: e?.message ?? String(error) });
    process.exit(3);
  },
);
