// `npm start`: build when needed, then serve the app (PGlite in ./data unless DATABASE_URL is set).
// On PostgreSQL, WEB_CONCURRENCY=N serves with N processes sharing the port (see the README, "Several instances").
import { spawn, spawnSync } from "node:child_process";
import cluster from "node:cluster";
import path from "node:path";
import { buildIsStale, ensureAuthSecret, nextBin, root } from "./lib.mjs";

// The embedded demo generates its secret; on PostgreSQL several instances must share one, so it is set by hand.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (!process.env.DATABASE_URL) env.AUTH_SECRET = ensureAuthSecret();
const dev = process.argv.includes("--dev");
/** What instrumentation.ts sends its cluster primary once the process has booted. */
const WORKER_READY = "leverage-ladder:ready";
const port = process.env.PORT ?? "3000";
const workers = workerCount();

if (!dev && buildIsStale()) {
  console.log("Building Leverage Ladder (first start, or the code changed)…");
  const build = spawnSync(nextBin, ["build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(
  `Starting on http://localhost:${port} with ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite in ./data"}${workers > 1 ? `, ${workers} processes` : ""}…`,
);
if (workers > 1) serveWithWorkers(workers);
else {
  const server = spawn(nextBin, [dev ? "dev" : "start", "-p", port], { cwd: root, env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

/** WEB_CONCURRENCY, on PostgreSQL in production; PGlite is one process by design, and `next dev` is one. */
function workerCount() {
  const raw = process.env.WEB_CONCURRENCY?.trim();
  if (!raw) return 1;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number of processes from 1 to 64, not "${raw}".`);
    process.exit(1);
  }
  if (count > 1 && (dev || !process.env.DATABASE_URL)) {
    console.warn(
      `WEB_CONCURRENCY=${count} is ignored: ${dev ? "the development server" : "the embedded database (PGlite)"} runs in one process.`,
    );
    return 1;
  }
  return count;
}

/**
 * N `next start` processes on one port (node:cluster hands each new connection to the next process).
 * Each is a full instance: its own pool, its own job worker (they share the queue through the database).
 * A worker that dies once serving is replaced; one that dies while booting stops the whole server
 * with its exit code, since its siblings would fail the same way.
 */
function serveWithWorkers(count) {
  const nextScript = path.join(root, "node_modules", "next", "dist", "bin", "next");
  cluster.setupPrimary({ exec: nextScript, args: ["start", "-p", port], cwd: root });
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork(env);

  const stop = (signal, code = 0) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));

  // A worker is serving once instrumentation.ts has booted it and says so (its database open, or not
  // reachable yet: db/boot.ts); one that exits before that failed to boot (a missing secret, a database
  // it reaches but cannot open).
  const serving = new Set();
  cluster.on("message", (worker, message) => {
    if (message === WORKER_READY) serving.add(worker.id);
  });
  cluster.on("exit", (worker, code, signal) => {
    const how = signal ?? `exit code ${code}`;
    if (!stopping && serving.has(worker.id)) {
      console.error(`A server process stopped (${how}): starting another.`);
      cluster.fork(env);
    } else if (!stopping) {
      console.error(`A server process stopped while starting (${how}): stopping.`);
      stop("SIGTERM", code || 1);
    }
    serving.delete(worker.id);
    if (stopping && Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  });
}
