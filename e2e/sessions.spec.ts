import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo-accounts";
import { signIn } from "./fixtures";

test("a session cookie replayed after sign-out opens nothing", async ({ browser, page }) => {
  await signIn(page, "employee");
  const captured = await page.context().storageState();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext({ storageState: captured });
  const stolen = await replay.newPage();
  await stolen.goto("/me");
  await expect(stolen).toHaveURL(/\/login/);
  await expect(stolen.getByRole("heading", { name: "Sign in to Leverage Ladder" })).toBeVisible();
  await replay.close();
});

// A seeded employee no other spec signs in as: changing the password disturbs nothing else.
const email = "sarah.goldberg@northwind.example";

async function signInWith(page: Page, password: string) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/me$/);
}

test("changing the password on My account ends the other sessions; sign out everywhere ends all", async ({
  browser,
  page,
}) => {
  test.setTimeout(60_000);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInWith(otherPage, DEMO_PASSWORD);

  await signInWith(page, DEMO_PASSWORD);
  await page.getByRole("link", { name: /My account/ }).click();
  await expect(page.getByRole("heading", { name: "My account", level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recent sign-ins" })).toContainText("This browser");

  // A wrong current password is refused next to its field; nothing typed is lost.
  const chosen = "maple-compass-thunder-81";
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill(chosen);
  await page.getByLabel("Type the new password again").fill(chosen);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#current-error")).toHaveText("This is not your current password.");
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue(chosen);

  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(
    page.getByText("Password changed. Every other browser signed in as you has been signed out."),
  ).toBeVisible();

  // The other browser's cookie, from before the change, is refused; this one carries on.
  await otherPage.goto("/me");
  await expect(otherPage).toHaveURL(/\/login/);
  await page.goto("/me");
  await expect(page).toHaveURL(/\/me$/);
  await other.close();

  // Sign out everywhere: this browser's own cookie, kept aside, opens nothing afterwards.
  const captured = await page.context().storageState();
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  const replay = await browser.newContext({ storageState: captured });
  const stolen = await replay.newPage();
  await stolen.goto("/account");
  await expect(stolen).toHaveURL(/\/login/);
  await replay.close();

  await signInWith(page, chosen);
});
