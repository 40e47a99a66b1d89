import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo-accounts";
import { freePort, type PgCluster, startPgCluster } from "../tests/helpers/pg-cluster";
import { startSmtpServer } from "../tests/helpers/smtp-server";
import { startNextServer } from "./next-server";

/**
 * Two instances of one build behind a (pretend) load balancer, on one PostgreSQL database, as the
 * deployment the README describes: migrations and seed as the owner, both servers connected as the
 * app's role that owns nothing (db/app-role.sql), sharing AUTH_SECRET and
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY. On a PostgreSQL cluster the spec starts itself, so it runs on
 * PostgreSQL in the PGlite run as well.
 */
test.describe.configure({ mode: "serial", timeout: 300_000 });

let cluster: PgCluster;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let instances: Awaited<ReturnType<typeof startNextServer>>[] = [];
/** Each delivered mail as an .eml, to look at. */
const MAIL_FOLDER = path.join("data", "e2e-two-instances-mail");
const REMINDER = /closes on \d{1,2} [A-Z][a-z]+ \d{4}: your self-assessment is not submitted yet$/;

/** One column of a query run as the owner, one value per row. */
const ownerQuery = (query: string) =>
  cluster.psql(["-U", "ladder_owner", "-d", "ladder", "-At", "-c", query]).split("\n").filter(Boolean);

test.beforeAll(async () => {
  cluster = await startPgCluster("instances");
  cluster.psql([
    "-U",
    "postgres",
    "-c",
    "create role ladder_owner login",
    "-c",
    "create database ladder owner ladder_owner",
    "-c",
    "create role ladder_app login nosuperuser nocreatedb nocreaterole noinherit",
  ]);
  // The owner migrates and seeds, exactly as the README says (npm run db:seed migrates first).
  execFileSync(path.join("node_modules", ".bin", "tsx"), ["db/seed-cli.ts"], {
    env: { ...process.env, DATABASE_URL: cluster.url("ladder_owner", "ladder") },
    stdio: "pipe",
  });
  cluster.psql(["-U", "ladder_owner", "-d", "ladder", "-v", "app_role=ladder_app", "-f", "db/app-role.sql"]);
  // The open cycle's deadline is two days away: inside the reminder window of both instances.
  ownerQuery("update review_cycles set ends_on = current_date + 2 where status = 'open'");
  rmSync(MAIL_FOLDER, { recursive: true, force: true });
  smtp = await startSmtpServer({ folder: MAIL_FOLDER });
  const env = {
    DATABASE_URL: cluster.url("ladder_app", "ladder"),
    LEVERAGE_DEMO: "1",
    SMTP_URL: smtp.url,
    MAIL_FROM: "Leverage Ladder <ladder@northwind.example>",
    DEADLINE_REMINDER_DAYS: "3",
  };
  const [portA, portB] = [await freePort(), await freePort()];
  instances = await Promise.all([startNextServer(portA, env), startNextServer(portB, env)]);
});

test.afterAll(async () => {
  for (const instance of instances) instance.stop();
  await smtp?.close();
  cluster?.destroy();
});

test("a session made on one instance works on the other, and a server action sent there saves", async ({ browser }) => {
  const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${a.url}/login`);
  await page.getByLabel("Work email").fill("maya.chen@northwind.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${a.url}/me`);

  // The cookie A set (cookies are per host, not per port) opens B's page, and B's action saves.
  await page.goto(`${b.url}/me`);
  await expect(page).toHaveURL(`${b.url}/me`);
  await page.getByRole("textbox", { name: /Notes and evidence/ }).fill("Saved through instance B.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("form-status")).toContainText("Draft saved at");

  // A form rendered by A whose action the load balancer sends to B (as to the same public origin).
  await page.goto(`${a.url}/me`);
  await expect(page.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue("Saved through instance B.");
  const answersFromB: number[] = [];
  await page.route(`${a.url}/me`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const { host: _host, ...headers } = await route.request().allHeaders();
    const response = await route.fetch({ url: `${b.url}/me`, headers: { ...headers, origin: b.url } });
    answersFromB.push(response.status());
    await route.fulfill({ response });
  });
  await page.getByRole("textbox", { name: /Notes and evidence/ }).fill("Rendered by A, saved by B.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("form-status")).toContainText("Draft saved at");
  expect(answersFromB).toEqual([200]);
  await page.unroute(`${a.url}/me`);

  // A sees the change B made.
  await page.reload();
  await expect(page.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue("Rendered by A, saved by B.");
  await page.screenshot({ path: "screenshots/two-instances.png" });
  await context.close();
});

test("with both workers running, each person who has not submitted gets one deadline reminder; submitters none", async () => {
  const notSubmitted = ownerQuery(`
    select p.email from people p where p.active and not exists (
      select 1 from assessments a join review_cycles c on c.id = a.cycle_id
      where c.status = 'open' and a.subject_id = p.id and a.kind = 'self' and a.status in ('submitted', 'finalized'))
    and not exists (
      select 1 from notification_preferences np where np.person_id = p.id and np.kind = 'deadline_near' and not np.mail)
    order by 1`);
  const submitted = ownerQuery(`
    select p.email from people p join assessments a on a.subject_id = p.id join review_cycles c on c.id = a.cycle_id
    where c.status = 'open' and a.kind = 'self' and a.status in ('submitted', 'finalized') order by 1`);
  expect(notSubmitted.length).toBeGreaterThan(0);
  expect(submitted.length).toBeGreaterThan(0);

  const reminders = () => smtp.deliveries.filter((d) => REMINDER.test(d.parsed.subject ?? ""));
  await expect
    .poll(() => reminders().length, { timeout: 120_000, message: "deadline reminders delivered" })
    .toBeGreaterThanOrEqual(notSubmitted.length);
  // Both workers have scheduled (each on its first tick) and the queue is empty: nothing more is coming.
  await expect
    .poll(() => ownerQuery("select count(*) from jobs where status in ('queued', 'running')")[0], { timeout: 60_000 })
    .toBe("0");
  for (const instance of instances) expect(instance.log()).not.toContain("Job worker failed");

  const recipients = reminders()
    .flatMap((d) => d.envelopeTo)
    .sort();
  expect(recipients).toEqual([...notSubmitted].sort());
  expect(new Set(recipients).size).toBe(recipients.length);
  const toSubmitters = smtp.deliveries.filter((d) => d.envelopeTo.some((to) => submitted.includes(to)));
  expect(toSubmitters).toEqual([]);
  expect(ownerQuery("select count(*) from notifications where kind = 'deadline_near'")[0]).toBe(
    String(notSubmitted.length),
  );
});
