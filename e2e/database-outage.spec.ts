import { type ChildProcess, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo-accounts";
import { appFiles, urlPathOf } from "../tests/helpers/app-routes";
import { freePort, type PgCluster, startPgCluster } from "../tests/helpers/pg-cluster";

/**
 * A PostgreSQL outage under a running app, on a cluster this test makes itself (never the
 * machine's shared one): pages answer a calm "could not reach the database" page, actions a calm
 * message and route handlers a calm 503, and all recover by themselves when the database is back.
 */
/**
 * One request per route handler (every route.ts under app/, found from the code) and method, sent with
 * a signed-in session during the outage. A route without a row here fails the test.
 */
const ROUTE_REQUESTS: Record<string, { method: "GET" | "POST"; path: string; contentType?: string; body?: string }[]> =
  {
    "/api/admin/import": [
      { method: "POST", path: "/api/admin/import?mode=dry-run", contentType: "text/csv", body: "name,email\n" },
    ],
    "/api/auth/[...nextauth]": [
      { method: "GET", path: "/api/auth/session" },
      {
        method: "POST",
        path: "/api/auth/callback/credentials",
        contentType: "application/x-www-form-urlencoded",
        body: "email=maya.chen%40northwind.example&password=x",
      },
    ],
    "/api/export/assessments": [{ method: "GET", path: "/api/export/assessments" }],
    "/api/export/organization": [{ method: "GET", path: "/api/export/organization" }],
    "/notifications/[notificationId]": [{ method: "GET", path: "/notifications/1" }],
  };

test.describe.configure({ mode: "serial", timeout: 240_000 });

let cluster: PgCluster;
let appPort: number;
let app: ChildProcess | undefined;
let appLog = "";

test.beforeAll(async () => {
  cluster = await startPgCluster("outage");
  appPort = await freePort();
  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(appPort)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
      // A production server on PostgreSQL refuses to start without the secrets instances share.
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "ZTJlLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=",
      LEVERAGE_DEMO: "1",
      DATABASE_URL: cluster.url(),
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
  cluster.destroy();
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

  cluster.stop();

  // An action on a form loaded before the outage: a calm message, and what was typed stays.
  await page.getByRole("textbox", { name: /Notes and evidence/ }).fill("Typed during the outage.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("We could not reach the database — nothing was lost")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue("Typed during the outage.");

  // Every route handler: a calm 503 with the same sentence, JSON for the API, text for downloads and links.
  expect(Object.keys(ROUTE_REQUESTS).sort()).toEqual(appFiles("route.ts").map(urlPathOf).sort());
  const answers: string[] = [];
  for (const [route, requests] of Object.entries(ROUTE_REQUESTS)) {
    for (const r of requests) {
      const response = await context.request.fetch(r.path, {
        method: r.method,
        headers: r.contentType ? { "content-type": r.contentType, origin: base } : {},
        data: r.body,
        maxRedirects: 0,
      });
      const body = await response.text();
      answers.push(`${route} ${r.method} ${r.path} → ${response.status()} ${body.trim()}`);
    }
  }
  for (const answer of answers) expect(answer).toMatch(/→ 503 .*We could not reach the database — nothing was lost/);

  // A page: the calm page, not Next's raw error.
  await page.goto("/me/history");
  await expect(page.getByRole("heading", { name: "We could not reach the database" })).toBeVisible();
  await expect(page.getByText("Nothing was lost")).toBeVisible();
  await page.screenshot({ path: "screenshots/database-outage.png" });

  cluster.start();
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
