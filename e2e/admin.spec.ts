import { expect, expectNoSeriousViolations, test } from "./fixtures";
import { waitForMail } from "./mailbox";

// Names unique per run, so a retry or another spec never meets this one's cycle or people.
const year = 2040 + Math.floor(Math.random() * 900);
const cycleName = `${year} Q1`;
const tag = Math.random().toString(36).slice(2, 8);

test("the admin creates and opens a cycle, imports people after fixing rejected rows, then closes the cycle for good", async ({
  adminPage: page,
}) => {
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Cycles" }).click();

  // A malformed name is refused next to the field, and what was typed stays.
  await page.getByLabel("Name").fill("Q1 next year");
  await page.getByLabel("Starts on").fill(`${year}-01-01`);
  await page.getByLabel("Ends on").fill(`${year}-03-31`);
  await page.getByRole("button", { name: "Create cycle" }).click();
  await expect(page.getByText('Name it like "2027 Q1".')).toBeVisible();
  await expect(page.getByLabel("Starts on")).toHaveValue(`${year}-01-01`);
  await page.getByLabel("Name").fill(cycleName);
  await page.getByRole("button", { name: "Create cycle" }).click();
  await expect(page.getByRole("heading", { name: cycleName, level: 1 })).toBeVisible();
  await expect(page.getByText("draft", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Open ${cycleName}` }).click();
  await expect(page.getByText(`${cycleName} is open`)).toBeVisible();
  const cycleUrl = page.url();

  // Opening tells everyone: the mails arrive in the real SMTP server the run started (e2e/global-setup.ts).
  // Dates in mail subjects are written out, never the column's ISO form.
  const opened = `${cycleName} is open: describe your quarter by 31 March ${year}`;
  for (const email of [
    "maya.chen@northwind.example",
    "daniel.okafor@northwind.example",
    "sam.taylor@northwind.example",
  ]) {
    const mail = await waitForMail(email, opened);
    expect(mail.text).toContain("Start your self-assessment");
    expect(mail.text).toMatch(/mail-preferences\?p=\d+&k=cycle_opened&s=/);
  }

  // Import: the dry run rejects two rows and says why; fixed in place, the file imports.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Import" }).click();
  const bad = [
    "name,email,team,department,manager email,role",
    `Ivy Newman,ivy.${tag}@northwind.example,Pilots ${tag},Finance,sam.taylor@northwind.example,`,
    `Omar Quist,omar.${tag}@northwind,Pilots ${tag},Finance,sam.taylor@northwind.example,`,
    `Pia Rask,pia.${tag}@northwind.example,Pilots ${tag},Finance,nobody.${tag}@northwind.example,`,
  ].join("\n");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await expect(page.getByLabel(/File contents/)).toHaveValue(bad);
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByText("Rejected: 2")).toBeVisible();
  await expect(page.getByText(`Malformed email "omar.${tag}@northwind"`)).toBeVisible();
  await expect(page.getByText(`Unknown manager nobody.${tag}@northwind.example`)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();

  const fixed = bad
    .replace(`omar.${tag}@northwind,`, `omar.${tag}@northwind.example,`)
    .replace(`nobody.${tag}@northwind.example`, "sam.taylor@northwind.example");
  await page.getByLabel(/File contents/).fill(fixed);
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByText("Rejected: 0")).toBeVisible();
  await expect(page.getByText("Create: 3")).toBeVisible();
  await page.getByRole("button", { name: "Import 3 row(s)" }).click();
  await expect(page.getByTestId("import-done")).toContainText("3 created");

  await page.goto(`/admin/people?q=${tag}`);
  await expect(page.getByRole("table", { name: "People" }).getByRole("link")).toHaveCount(3);

  // Closing asks for confirmation and shows who has not finished.
  await page.goto(cycleUrl);
  await expect(page.getByText("Self-assessments not submitted")).toBeVisible();
  await page.getByRole("button", { name: `Close ${cycleName}` }).click();
  await expect(page.getByText("Tick the box to confirm.")).toBeVisible();
  await page.getByLabel(/I understand that closing/).check();
  await page.getByRole("button", { name: `Close ${cycleName}` }).click();
  await expect(page.getByText(`${cycleName} is closed: everything in it is read-only.`)).toBeVisible();

  // The closed cycle cannot be edited; re-opening needs a reason.
  await page.reload();
  await expect(page.getByTestId("closed-dates")).toContainText("cannot be changed");
  await expect(page.getByLabel("Starts on")).toHaveCount(0);
  await page.getByRole("button", { name: `Re-open ${cycleName}` }).click();
  await expect(page.getByText("Say why, in at least 10 characters.")).toBeVisible();

  await page.goto("/admin/audit?action=cycle.closed");
  await expect(
    page
      .getByRole("table", { name: /Audit entries/ })
      .getByRole("row", { name: /cycle\.closed/ })
      .first(),
  ).toBeVisible();
});

test("the admin finds, edits, moves and deactivates a person in the paged list", async ({ adminPage: page }) => {
  await page.goto("/admin/people/new");
  await page.getByLabel("Name").fill(`Tess ${tag}`);
  await page.getByLabel("Email").fill(`tess.${tag}@northwind`);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText("Enter an email address like name@company.com.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(`Tess ${tag}`);
  await page.getByLabel("Email").fill(`tess.${tag}@northwind.example`);
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Accounts Payable" });
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText(`Tess ${tag} was added.`)).toBeVisible();

  await page.getByLabel("Move to team").selectOption({ label: "Customer Success" });
  await page.getByRole("button", { name: "Move" }).click();
  await expect(page.getByText("Moved. Earlier cycles keep the team they had.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list").filter({ hasText: "Customer Success" })).toContainText("Accounts Payable");
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText(/Deactivated: they cannot sign in/)).toBeVisible();

  // Server-side paging and sorting: the URL holds the state.
  await page.goto("/admin/people");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^26–50 of/)).toBeVisible();
  await page.getByRole("table", { name: "People" }).getByRole("button", { name: /Email/ }).click();
  await expect(page).toHaveURL(/sort=email/);
  await expect(page).not.toHaveURL(/page=2/);
  await page.getByLabel("Status").selectOption("inactive");
  await page.getByLabel("Search name, email or team").fill(tag);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("table", { name: "People" }).getByRole("link", { name: `Tess ${tag}` })).toBeVisible();
});

test("the admin pages have no serious accessibility violations", async ({ adminPage: page }) => {
  // Seven pages, each analysed by axe: over 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  for (const path of [
    "/admin/cycles",
    "/admin/people",
    "/admin/teams",
    "/admin/import",
    "/admin/audit",
    "/admin/people/new",
  ]) {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  }
  await page.goto("/organization/teams/1");
  await expectNoSeriousViolations(page);
});
