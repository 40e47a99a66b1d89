import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo-accounts";
import { appFiles, urlPathOf } from "../tests/helpers/app-routes";
import { freePort, type PgCluster, startPgCluster } from "../tests/helpers/pg-cluster";
import { spawnServer, startNextServer } from "./next-server";

/**
 * A PostgreSQL outage under a running app, on a cluster this test makes itself (never the
 * machine's shared one): pages answer a calm "could not reach the database" page, actions a calm
 * message and route handlers a calm 503, and all recover by themselves when the database is back.
 */
const UNREACHABLE = "We could not reach the database — nothing was lost. Try again in a moment.";

type RouteRequest = { method: "GET" | "POST"; path: string; form?: string; csv?: string; answer: string };

/**
 * One request per route handler (every route.ts under app/, found from the code) and method, sent
 * with a signed-in session during the outage, and the answer expected: status, then the Location
 * or the body. A route without a row here fails the test.
 */
const ROUTE_REQUESTS: Record<string, RouteRequest[]> = {
  "/api/admin/import": [
    {
      method: "POST",
      path: "/api/admin/import?mode=dry-run",
      csv: "name,email\n",
      answer: `503 ${JSON.stringify({ error: UNREACHABLE })}`,
    },
  ],
  "/api/auth/[...nextauth]": [
    // The session is a signed cookie (JWT): reading it needs no database. Pages re-check the row.
    { method: "GET", path: "/api/auth/csrf", answer: "200 {" },
    // Auth.js redirects any failure inside sign-in to its error page: this one says what failed.
    {
      method: "POST",
      path: "/api/auth/callback/credentials",
      form: "email=maya.chen%40northwind.example&password=x&csrfToken=CSRF",
      answer: "303 /login/sso-refused?reason=database",
    },
  ],
  "/api/export/assessments": [{ method: "GET", path: "/api/export/assessments", answer: `503 ${UNREACHABLE}` }],
  "/api/health": [{ method: "GET", path: "/api/health", answer: `503 ${JSON.stringify({ error: UNREACHABLE })}` }],
  "/api/export/organization": [{ method: "GET", path: "/api/export/organization", answer: `503 ${UNREACHABLE}` }],
  "/notifications/[notificationId]": [{ method: "GET", path: "/notifications/1", answer: `503 ${UNREACHABLE}` }],
};

test.describe.configure({ mode: "serial", timeout: 240_000 });

let cluster: PgCluster;
let app: Awaited<ReturnType<typeof startNextServer>> | undefined;

test.beforeAll(async () => {
  cluster = await startPgCluster("outage");
  app = await startNextServer(await freePort(), { LEVERAGE_DEMO: "1", DATABASE_URL: cluster.url() });
});

test.afterAll(async () => {
  app?.stop();
  cluster.destroy();
});

test("pages and actions answer calmly while PostgreSQL is down, and recover by themselves", async ({ browser }) => {
  const base = app!.url;
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Work email").fill("maya.chen@northwind.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("button", { name: "Save draft" })).toBeVisible();
  const healthy = async () => {
    const response = await fetch(`${base}/api/health`);
    return `${response.status} ${response.headers.get("cache-control")} ${await response.text()}`;
  };
  expect(await healthy()).toBe('200 no-store {"status":"ok"}');

  cluster.stop();

  // An action on a form loaded before the outage: a calm message, and what was typed stays.
  await page.getByRole("textbox", { name: /Notes and evidence/ }).fill("Typed during the outage.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("We could not reach the database — nothing was lost")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue("Typed during the outage.");

  // Every route handler: a calm 503 with the same sentence, JSON for the API, text for downloads and links.
  expect(Object.keys(ROUTE_REQUESTS).sort()).toEqual(appFiles("route.ts").map(urlPathOf).sort());
  const csrf = ((await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  for (const [route, requests] of Object.entries(ROUTE_REQUESTS)) {
    for (const r of requests) {
      const contentType = r.form ? "application/x-www-form-urlencoded" : r.csv ? "text/csv" : null;
      const response = await context.request.fetch(r.path, {
        method: r.method,
        headers: contentType ? { "content-type": contentType, origin: base } : {},
        data: r.form?.replace("CSRF", csrf) ?? r.csv,
        maxRedirects: 0,
      });
      const location = response.headers().location?.replace(base, "");
      const answer = `${response.status()} ${location ?? (await response.text()).trim()}`;
      expect(answer, `${route}: ${r.method} ${r.path}`).toContain(r.answer);
    }
  }
  await page.goto("/login/sso-refused?reason=database");
  await expect(page.getByRole("heading", { name: "We could not reach the database" })).toBeVisible();
  await page.screenshot({ path: "screenshots/sign-in-database-down.png" });

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
  expect(await healthy()).toBe('200 no-store {"status":"ok"}');
  await page.goto("/me");
  await page.getByRole("textbox", { name: /Notes and evidence/ }).fill("Saved after the outage.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("form-status")).toContainText("Draft saved at");
  expect(app!.log()).not.toContain("Error: listen");
  await context.close();
});

test("a server started while PostgreSQL is down says so, and serves once it is up", async ({ browser }) => {
  cluster.stop();
  const late = await startNextServer(await freePort(), { LEVERAGE_DEMO: "1", DATABASE_URL: cluster.url() });
  try {
    expect(late.log()).toContain("The database cannot be reached yet");
    const health = async () => (await fetch(`${late.url}/api/health`)).status;
    expect(await health()).toBe(503);
    const context = await browser.newContext({ baseURL: late.url });
    const page = await context.newPage();
    const signIn = async () => {
      await page.goto("/login");
      await page.getByLabel("Work email").fill("maya.chen@northwind.example");
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    await signIn();
    await expect(page.getByRole("heading", { name: "We could not reach the database" })).toBeVisible();

    cluster.start();
    await expect.poll(health, { timeout: 30_000 }).toBe(200);
    await signIn();
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue("Saved after the outage.");
    await context.close();
  } finally {
    late.stop();
  }
});

test("a database that does not exist stops the server with the reason, not a server of 500s", async () => {
  const server = spawnServer(await freePort(), {
    LEVERAGE_DEMO: "1",
    DATABASE_URL: cluster.url("postgres", "no_such_db"),
  });
  expect(await server.exited).toBe(1);
  expect(server.log()).toContain(
    'Refusing to start: the database could not be opened (database "no_such_db" does not exist).',
  );
});
