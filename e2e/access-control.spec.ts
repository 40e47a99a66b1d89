import { expect, test } from "@playwright/test";
import { signIn, type DemoRole } from "./fixtures";

const refused: [DemoRole, string][] = [
  ["employee", "/organization"],
  ["employee", "/team"],
  ["employee", "/admin"],
  ["manager", "/organization"],
  ["manager", "/admin"],
  ["leader", "/admin"],
  ["leader", "/team"],
];

for (const [role, path] of refused) {
  test(`the ${role} who types ${path} is refused`, async ({ page }) => {
    await signIn(page, role);
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  });
}

test("a visitor who is not signed in is sent to the sign-in page", async ({ page }) => {
  await page.goto("/team");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fteam/);
  await expect(page.getByRole("heading", { name: "Sign in to Leverage Ladder" })).toBeVisible();
});

test("after signing in, the visitor returns to the page they asked for", async ({ page }) => {
  await page.goto("/organization");
  await expect(page).toHaveURL(/callbackUrl/);
  await page.getByLabel("Work email").fill("sam.taylor@northwind.example");
  await page.getByLabel("Password").fill("ladder-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/organization$/);
});
