import { type DemoRole, expect, expectNoSeriousViolations, test } from "./fixtures";

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
  test(`${path} has no serious accessibility violations`, async ({ pageAs }) => {
    const page = await pageAs(role);
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expectNoSeriousViolations(page);
  });
}

test("the refusal page has no serious accessibility violations", async ({ employeePage: page }) => {
  const response = await page.goto("/organization");
  expect(response?.status()).toBe(403);
  await expectNoSeriousViolations(page);
});
