import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo-accounts";
import { buildIsStale } from "../scripts/lib.mjs";
import { freePort, type PgCluster, startPgCluster } from "../tests/helpers/pg-cluster";
import { spawnServer } from "./next-server";

/**
 * `WEB_CONCURRENCY=2 npm start` on PostgreSQL, as the README's "Several instances" says: two server
 * processes on one port, a dead one replaced without signing anyone out, a boot failure reported once
 * (not restarted in a loop), and SIGTERM stopping them all. On a cluster the spec starts itself.
 */
test.describe.configure({ mode: "serial", timeout: 300_000 });

let cluster: PgCluster;

/** The server's processes: the ones `pid` started (node:cluster's workers). */
function childrenOf(pid: number) {
  return fs.readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

/** `npm start`'s script on the spec's database, with `env` on top. */
function npmStart(port: number, env: Record<string, string>) {
  const server = spawnServer(
    port,
    { DATABASE_URL: cluster.url("postgres", "ladder"), LEVERAGE_DEMO: "1", ...env },
    "npm start",
  );
  return { primary: server.child, log: server.log, exited: server.exited };
}

const stopped = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

test.beforeAll(async () => {
  // `npm start` builds a stale build first; here it must serve the build the other specs use.
  expect(buildIsStale(), "the build is older than the code: run `npx next build` first").toBe(false);
  cluster = await startPgCluster("workers");
  // Empty: both processes boot on it at once, and one migrates and seeds the demo while the other waits.
  cluster.psql(["-U", "postgres", "-c", "create database ladder"]);
});

test.afterAll(() => cluster?.destroy());

test("two processes serve one port; one that dies is replaced and nobody is signed out", async ({ browser }) => {
  const port = await freePort();
  const server = npmStart(port, { WEB_CONCURRENCY: "2" });
  try {
    await expect.poll(() => childrenOf(server.primary.pid!).length, { timeout: 120_000 }).toBe(2);
    await expect
      .poll(async () => (await fetch(`http://localhost:${port}/login`).catch(() => null))?.status, {
        timeout: 120_000,
      })
      .toBe(200);
    expect(server.log()).toContain(`Starting on http://localhost:${port} with PostgreSQL (DATABASE_URL), 2 processes`);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/login`);
    await page.getByLabel("Work email").fill("maya.chen@northwind.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`http://localhost:${port}/me`);

    // Each original process is killed in turn; whichever is left, or its replacement, answers the next
    // page and saves the next draft: a crash costs the signed-in person neither the session nor a save.
    const original = childrenOf(server.primary.pid!);
    for (const [n, pid] of original.entries()) {
      process.kill(pid, "SIGKILL");
      await expect
        .poll(
          () => {
            const now = childrenOf(server.primary.pid!);
            return now.length === 2 && !now.includes(pid);
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      await page.reload();
      await expect(page.getByRole("heading", { name: "My assessment", level: 1 })).toBeVisible({ timeout: 30_000 });
      await page.getByRole("textbox", { name: /Notes and evidence/ }).fill(`Saved after process ${n + 1} stopped.`);
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByTestId("form-status")).toContainText("Draft saved at");
    }
    expect(childrenOf(server.primary.pid!).some((pid) => original.includes(pid))).toBe(false);
    await page.reload();
    await expect(page.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue(
      "Saved after process 2 stopped.",
    );
    expect(server.log().match(/A server process stopped \(SIGKILL\): starting another\./g)).toHaveLength(2);
    await context.close();

    const workers = childrenOf(server.primary.pid!);
    server.primary.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(workers.filter((pid) => fs.existsSync(`/proc/${pid}`))).toEqual([]);
  } finally {
    if (!stopped(server.primary)) server.primary.kill("SIGKILL");
  }
});

test("a process that cannot boot stops the server with its reason, once", async () => {
  const server = npmStart(await freePort(), { WEB_CONCURRENCY: "2", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "" });
  try {
    expect(await server.exited).toBe(1);
    expect(server.log()).toContain("Refusing to start: set NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
    expect(server.log()).toContain("A server process stopped while starting (exit code 1): stopping.");
    expect(server.log()).not.toContain("starting another");
  } finally {
    if (!stopped(server.primary)) server.primary.kill("SIGKILL");
  }
});

test("WEB_CONCURRENCY that is not a number of processes is refused before anything starts", async () => {
  const server = npmStart(await freePort(), { WEB_CONCURRENCY: "two" });
  expect(await server.exited).toBe(1);
  expect(server.log()).toContain('WEB_CONCURRENCY must be a whole number of processes from 1 to 64, not "two".');
});
