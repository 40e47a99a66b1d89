import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo-accounts";
import { mailCount, setPasswordLink, waitForMail } from "./mailbox";

// A seeded employee no other spec signs in as, so changing the password disturbs nothing else.
const email = "omar.farouk@northwind.example";

test("a forgotten password is reset by mail, once, and the person signs in with it", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText(`If ${email} belongs to an account here`)).toBeVisible();

  const mail = await waitForMail(email);
  expect(mail.subject).toBe("Reset your Leverage Ladder password");
  expect(mail.html).toContain("Choose a new password");
  const link = setPasswordLink(mail);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  // A common password is refused next to the field, and what was typed stays.
  await page.getByLabel("New password").fill("password1234");
  await expect(page.getByTestId("password-strength")).toHaveAttribute("data-score", "1");
  await page.getByLabel("Type it again").fill("password1234");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.locator("#password-error")).toContainText("too common or easy to guess");
  await expect(page.getByLabel("New password")).toHaveValue("password1234");

  const chosen = "quiet-lantern-harbour-47";
  await page.getByLabel("New password").fill(chosen);
  await expect(page.getByTestId("password-strength")).toHaveAttribute("data-score", "4");
  await page.getByLabel("Type it again").fill(chosen);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL(/\/me$/);

  // The link worked once; the old password no longer does, the new one does.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-message")).toContainText("don't match");
  await page.getByLabel("Password").fill(chosen);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/me$/);
});

test("an unknown email gets the same answer and no mail", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Work email").fill("nobody.here@northwind.example");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("If nobody.here@northwind.example belongs to an account here")).toBeVisible();
  // The known address's reset above arrived within a second or two; this one never does.
  await page.waitForTimeout(2000);
  expect(await mailCount("nobody.here@northwind.example")).toBe(0);
});
