import { spawn } from "node:child_process";
import { expect } from "@playwright/test";

/** The secrets every production server on PostgreSQL needs, the same for every instance a spec starts. */
export const SHARED_SECRETS = {
  AUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "ZTJlLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=",
};

/**
 * A `next start` of the current build for a spec that needs servers of its own (its own database,
 * several instances), ready once /login answers. `log()` is what it printed so far.
 */
export async function startNextServer(port: number, env: Record<string, string>) {
  let log = "";
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...SHARED_SECRETS, ...env },
    stdio: "pipe",
  });
  server.stdout?.on("data", (d) => {
    log += d;
  });
  server.stderr?.on("data", (d) => {
    log += d;
  });
  await expect
    .poll(async () => (await fetch(`http://localhost:${port}/login`).catch(() => null))?.status, {
      timeout: 180_000,
      message: `next start on ${port}`,
    })
    .toBe(200);
  return { url: `http://localhost:${port}`, log: () => log, stop: () => server.kill("SIGTERM") };
}
