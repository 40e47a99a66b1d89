import { expect, test } from "@playwright/test";
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
