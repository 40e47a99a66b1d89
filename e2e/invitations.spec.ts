import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { setPasswordLink, waitForMail } from "./mailbox";

test("an admin imports three people and invites them; each sets a password from the mail and signs in", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const tag = Date.now().toString(36);
  const newcomers = ["Iris", "Jonah", "Kemi"].map((first) => ({
    name: `${first} ${tag}`,
    email: `${first.toLowerCase()}.${tag}@northwind.example`,
  }));
  await signIn(page, "admin");
  await page.goto("/admin/import");
  const csv = [
    "name,email,team,department,manager email,role",
    ...newcomers.map((p) => `${p.name},${p.email},Onboarding ${tag},Finance,sam.taylor@northwind.example,`),
  ].join("\n");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByText("Create: 3")).toBeVisible();
  await page.getByRole("button", { name: "Import 3 row(s)" }).click();
  await expect(page.getByTestId("import-done")).toContainText("3 created");
  await page.getByRole("button", { name: "Invite the 3 new people" }).click();
  await expect(page.getByText("Invitation sent to 3 people.")).toBeVisible();

  await page.goto(`/admin/people?q=${tag}`);
  const table = page.getByRole("table", { name: "People" });
  await expect(table.getByText(/^Invited on /)).toHaveCount(3);

  for (const person of newcomers) {
    const mail = await waitForMail(person.email);
    expect(mail.subject).toBe("Sam Taylor invited you to Leverage Ladder");
    expect(mail.text).toContain("Northwind");
    const context = await browser.newContext();
    const invitee = await context.newPage();
    await invitee.goto(setPasswordLink(mail));
    await expect(invitee.getByRole("heading", { name: "Welcome to Leverage Ladder" })).toBeVisible();
    await setPassword(invitee, `${person.email.split(".")[0]}-orchard-violet-lantern-${tag}`);
    await expect(invitee).toHaveURL(/\/me$/);
    await expect(invitee.getByRole("banner")).toContainText(person.name);
    await context.close();
  }

  await page.reload();
  await expect(table.getByText(/^Active · last signed in/)).toHaveCount(3);
});

test("an admin resends and revokes one invitation from a person's page", async ({ page, browser }) => {
  const tag = Date.now().toString(36);
  const email = `lena.${tag}@northwind.example`;
  await signIn(page, "admin");
  await page.goto("/admin/people/new");
  await page.getByLabel("Name").fill(`Lena ${tag}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText(`Lena ${tag} was added. An invitation is on its way to them.`)).toBeVisible();
  await expect(page.getByTestId("access-state")).toHaveAttribute("data-state", "invited");
  const first = setPasswordLink(await waitForMail(email, 1));

  await page.getByRole("button", { name: "Resend invitation" }).click();
  await expect(page.getByText("Invitation sent to 1 person.")).toBeVisible();
  const second = setPasswordLink(await waitForMail(email, 2));
  expect(second).not.toBe(first);

  await page.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(page.getByText("Invitation revoked: its link no longer works.")).toBeVisible();
  const context = await browser.newContext();
  const invitee = await context.newPage();
  for (const link of [first, second]) {
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  }
  await context.close();
});

async function setPassword(page: Page, password: string) {
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Type it again").fill(password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
}
