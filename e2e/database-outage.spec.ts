import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo-accounts";

/**
 * A PostgreSQL outage under a running app, on a cluster this test makes itself (never the
 * machine's shared one): pages answer a calm "could not reach the database" page and actions a
 * calm message, and both recover by themselves when the database is back.
 */
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

async function freePort() {
  return new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(binary: string, args: string[]) {
  execFileSync("runuser", ["-u", "postgres", "--", path.join(PG_BIN, binary), ...args], { stdio: "pipe" });
}

test.describe.configure({ mode: "serial", timeout: 240_000 });

let dir: string;
let dataDir: string;
let pgPort: number;
let appPort: number;
let app: ChildProcess | undefined;
let appLog = "";

const pgCtl = (action: "start" | "stop") =>
  asPostgres("pg_ctl", [
    "-D",
    dataDir,
    "-l",
    path.join(dir, "postgres.log"),
    "-w",
    ...(action === "start"
      ? ["-o", `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]
      : ["-m", "fast", "stop"]),
  ]);

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ll-outage-"));
  chmodSync(dir, 0o777);
  execFileSync("chown", ["postgres", dir]);
  dataDir = path.join(dir, "data");
  pgPort = await freePort();
  appPort = await freePort();
  asPostgres("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  pgCtl("start");
  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(appPort)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
      // A production server on PostgreSQL refuses to start without the secrets instances share.
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "ZTJlLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=",
      LEVERAGE_DEMO: "1",
      DATABASE_URL: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
    },
    stdio: "pipe",
  });
  app.stdout?.on("data", (d) => {
    appLog += d;
  });
  app.stderr?.on("data", (d) => {
    appLog += d;
  });
  await expect
    .poll(async () => (await fetch(`http://localhost:${appPort}/login`).catch(() => null))?.status, {
      timeout: 180_000,
    })
    .toBe(200);
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  try {
    pgCtl("stop");
  } catch {
    // Already stopped by a failed test.
  }
  rmSync(dir, { recursive: true, force: true });
});

test("pages and actions answer calmly while PostgreSQL is down, and recover by themselves", async ({ browser }) => {
  const base = `http://localhost:${appPort}`;
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Work email").fill("maya.chen@northwind.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("button", { name: "Save draft" })).toBeVisible();

  pgCtl("stop");

  // An action on a form loaded before the outage: a calm message, and what was typed stays.
  await page.getByRole("textbox", { name: /Notes and evidence/ }).fill("Typed during the outage.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("We could not reach the database — nothing was lost")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue("Typed during the outage.");

  // A page: the calm page, not Next's raw error.
  await page.goto("/me/history");
  await expect(page.getByRole("heading", { name: "We could not reach the database" })).toBeVisible();
  await expect(page.getByText("Nothing was lost")).toBeVisible();
  await page.screenshot({ path: "screenshots/database-outage.png" });

  pgCtl("start");
  // "Try again" re-renders the page once the database answers again; nothing to restart.
  await expect
    .poll(
      async () => {
        await page
          .getByRole("button", { name: "Try again" })
          .click({ timeout: 1_000 })
          .catch(() => {});
        return page.getByRole("heading", { name: "My history" }).isVisible();
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(true);
  await page.goto("/me");
  await page.getByRole("textbox", { name: /Notes and evidence/ }).fill("Saved after the outage.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("form-status")).toContainText("Draft saved at");
  expect(appLog).not.toContain("Error: listen");
  await context.close();
});
