import { expect, type Page } from "@playwright/test";
import { homePathFor } from "../lib/authz";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/demo-accounts";

export type DemoRole = (typeof DEMO_ACCOUNTS)[number]["role"];

function demoAccount(role: DemoRole) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}

export async function signIn(page: Page, role: DemoRole) {
  const account = demoAccount(role);
  await page.goto("/login");
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${homePathFor(account.role)}$`));
  return account;
}

/** Signs in as any seeded person (all demo accounts share the demo password) and waits for their home. */
export async function signInAs(page: Page, email: string, home = "/me") {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}
