import { spawn } from "node:child_process";
import { expect } from "@playwright/test";

/** The secrets every production server on PostgreSQL needs, the same for every instance a spec starts. */
const SHARED_SECRETS = {
  AUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "ZTJlLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=",
};

/**
 * A server of the current build on `port`, as `next start` or as `npm start`'s script runs it, with
 * the shared secrets and `env` on top. `log()` is what it printed so far; `exited`, its exit code.
 */
export function spawnServer(port: number, env: Record<string, string>, how: "next start" | "npm start" = "next start") {
  let log = "";
  const args =
    how === "next start" ? ["node_modules/next/dist/bin/next", "start", "-p", String(port)] : ["scripts/start.mjs"];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...SHARED_SECRETS, PORT: String(port), ...env },
    stdio: "pipe",
  });
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, log: () => log, exited };
}

/**
 * A `next start` of the current build for a spec that needs servers of its own (its own database,
 * several instances), ready once /login answers. `log()` is what it printed so far.
 */
export async function startNextServer(port: number, env: Record<string, string>) {
  const server = spawnServer(port, env);
  await expect
    .poll(async () => (await fetch(`http://localhost:${port}/login`).catch(() => null))?.status, {
      timeout: 180_000,
      message: `next start on ${port}`,
    })
    .toBe(200);
  return { url: `http://localhost:${port}`, log: server.log, stop: () => server.child.kill("SIGTERM") };
}
