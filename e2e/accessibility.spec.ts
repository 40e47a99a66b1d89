import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { type DemoRole, signIn } from "./fixtures";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious).toEqual([]);
}

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousViolations(page);
});

const homes: [DemoRole, string][] = [
  ["employee", "/me"],
  ["manager", "/team"],
  ["leader", "/organization"],
  ["admin", "/admin"],
];

for (const [role, path] of homes) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await signIn(page, role);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expectNoSeriousViolations(page);
  });
}

test("the refusal page has no serious accessibility violations", async ({ page }) => {
  await signIn(page, "employee");
  await page.goto("/organization");
  await expectNoSeriousViolations(page);
});
