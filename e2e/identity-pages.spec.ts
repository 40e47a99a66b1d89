import { type Browser, expect, type Page, test } from "@playwright/test";
import { storageStateFor } from "./fixtures";

// lib/locale.ts's dateFormatters in German: "3. Nov. 2026", "3. Nov. 2026, 09:05 UTC", with seconds where exact.
const shortDate = String.raw`\d{1,2}\. \p{L}+\.? \d{4}`;
const dateTime = new RegExp(String.raw`^${shortDate}, \d{2}:\d{2} UTC$`, "u");
const exactDateTime = new RegExp(String.raw`^${shortDate}, \d{2}:\d{2}:\d{2} UTC$`, "u");

async function adminInGerman(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStateFor("admin"), locale: "de-DE" });
  return context.newPage();
}

async function texts(page: Page, selector: string) {
  const all = await page.locator(selector).allTextContents();
  expect(all.length, selector).toBeGreaterThan(0);
  return all.map((t) => t.trim());
}

test("identity pages write every date with the one formatter, in the visitor's locale", async ({ browser }) => {
  const page = await adminInGerman(browser);

  await page.goto("/account");
  for (const t of await texts(page, '[aria-label="Recent sign-ins"] li > span.font-medium'))
    expect(t).toMatch(dateTime);
  await page.screenshot({ path: "screenshots/account-sessions.png", fullPage: true });

  await page.goto("/admin/people?status=all");
  const labels = await texts(page, "tbody td:last-child");
  const dated = labels.filter((l) => /\d/.test(l));
  expect(dated.length).toBeGreaterThan(0);
  for (const l of dated) expect(l).toMatch(new RegExp(`^(Active · last signed in|Invited on) ${shortDate}$`, "u"));

  await page.goto("/admin/people?q=maya.chen%40northwind.example");
  await page.getByRole("link", { name: "Maya Chen" }).click();
  await expect(page.getByTestId("access-state")).toHaveText(new RegExp(`^Active · last signed in ${shortDate}$`, "u"));

  await page.goto("/admin/audit");
  for (const t of (await texts(page, "tbody tr td:first-child")).slice(0, 5)) expect(t).toMatch(exactDateTime);
  await page.goto("/admin");
  await expect(page.getByText(dateTime).first()).toBeVisible();
  await page.context().close();
});

// The ranks of the access labels, in the order the column sorts them (db/queries/admin-people.ts).
const accessRank = (label: string) =>
  ["Not invited yet", "Invited on", "Invitation expired", "Never signed in", "Active", "Deactivated"].findIndex((p) =>
    label.startsWith(p),
  );

test("the people table sorts by access, on the server, both ways", async ({ browser }) => {
  const page = await adminInGerman(browser);
  await page.goto("/admin/people?status=all");
  const header = page.getByRole("columnheader", { name: "Access" });
  await header.getByRole("button").click();
  await expect(page).toHaveURL(/sort=access/);
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  const ascending = (await texts(page, "tbody td:last-child")).map(accessRank);
  expect(ascending).not.toContain(-1);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await page.screenshot({ path: "screenshots/admin-people-by-access.png", fullPage: true });

  await header.getByRole("button").click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const descending = (await texts(page, "tbody td:last-child")).map(accessRank);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  expect(descending[0]).toBeGreaterThan(ascending[0]!);
  await page.context().close();
});
