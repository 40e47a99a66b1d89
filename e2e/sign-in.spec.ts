import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { expect, signIn, test } from "./fixtures";

const homeHeadings = { employee: "My assessment", manager: "My team", leader: "Organization", admin: "Admin" } as const;

for (const account of DEMO_ACCOUNTS) {
  test(`the demo ${account.role} signs in and lands on their home`, async ({ page }) => {
    await signIn(page, account.role);
    await expect(page.getByRole("heading", { level: 1, name: homeHeadings[account.role] })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(account.name);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: homeHeadings[account.role] })).toHaveAttribute("aria-current", "page");
  });
}

test("the navigation shows each role only its own areas", async ({ employeePage: page }) => {
  await page.goto("/me");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(["My assessment", "My history"]);
});

test("a wrong password is refused with a clear message and keeps the email", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Work email").fill("maya.chen@northwind.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-message")).toContainText("don't match an account");
  await expect(page.getByLabel("Work email")).toHaveValue("maya.chen@northwind.example");
  await expect(page).toHaveURL(/\/login/);
});

test("a malformed email is answered next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Work email").fill("maya.chen");
  await page.getByLabel("Password").fill("whatever");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter an email like name@company.com.");
  await expect(page.getByLabel("Work email")).toHaveValue("maya.chen");
});

// A sign-in of its own: signing out is the behaviour under test, from a session this test made.
test("signing out ends the session", async ({ page }) => {
  await signIn(page, "leader");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/organization");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Forganization/);
});

test("the demo logins are listed on the sign-in page in demo mode", async ({ page }) => {
  await page.goto("/login");
  const demo = page.getByRole("region", { name: "Demo organisation" });
  for (const account of DEMO_ACCOUNTS) await expect(demo).toContainText(account.email);
  await demo.getByRole("button", { name: /manager/i }).click();
  await expect(page.getByLabel("Work email")).toHaveValue("daniel.okafor@northwind.example");
});
