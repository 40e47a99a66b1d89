import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, test as base, expect, type Page } from "@playwright/test";
import { homePathFor } from "../lib/authz";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/demo-accounts";

export { expect };

export type DemoRole = (typeof DEMO_ACCOUNTS)[number]["role"];

export function demoAccount(role: DemoRole) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}

/** The session e2e/auth.setup.ts stores for a demo role once per run (e2e/.auth is not committed). */
export function storageStateFor(role: DemoRole) {
  return path.join(import.meta.dirname, ".auth", `${role}.json`);
}

/** Signs in through the form, for tests of signing in itself and for people without a stored session. */
export async function signIn(page: Page, role: DemoRole) {
  const account = demoAccount(role);
  await signInAs(page, account.email, homePathFor(account.role));
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

/** Rates every durable capability the same, on the assessment form in view. */
export async function rateAll(page: Page, rating: number) {
  for (const name of [
    "Contextual judgment",
    "Communication clarity",
    "Stakeholder management",
    "System-level thinking",
    "Responsibility for outcomes",
  ]) {
    await page
      .getByRole("group", { name })
      .getByRole("radio", { name: new RegExp(`^${rating}`) })
      .check();
  }
}

export async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious).toEqual([]);
}

type RoleFixtures = {
  /** A page in a browser context of its own, signed in as the demo person with that role. */
  pageAs: (role: DemoRole) => Promise<Page>;
  employeePage: Page;
  managerPage: Page;
  leaderPage: Page;
  adminPage: Page;
};

async function openSignedIn(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

/** Tests take the signed-in page they need: `test("…", async ({ managerPage }) => …)`. */
export const test = base.extend<RoleFixtures>({
  pageAs: async ({ browser }, use) => {
    const pages: Page[] = [];
    await use(async (role) => {
      const page = await openSignedIn(browser, role);
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.context().close();
  },
  employeePage: async ({ pageAs }, use) => use(await pageAs("employee")),
  managerPage: async ({ pageAs }, use) => use(await pageAs("manager")),
  leaderPage: async ({ pageAs }, use) => use(await pageAs("leader")),
  adminPage: async ({ pageAs }, use) => use(await pageAs("admin")),
});
