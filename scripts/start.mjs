// `npm start`: build when needed, then serve the app (PGlite in ./data unless DATABASE_URL is set).
import { spawn, spawnSync } from "node:child_process";
import { buildIsStale, ensureAuthSecret, nextBin, root } from "./lib.mjs";

// The embedded demo generates its secret; on PostgreSQL several instances must share one, so it is set by hand.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (!process.env.DATABASE_URL) env.AUTH_SECRET = ensureAuthSecret();
const dev = process.argv.includes("--dev");

if (!dev && buildIsStale()) {
  console.log("Building Leverage Ladder (first start, or the code changed)…");
  const build = spawnSync(nextBin, ["build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
console.log(
  `Starting on http://localhost:${port} with ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite in ./data"}…`,
);
const server = spawn(nextBin, [dev ? "dev" : "start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
