import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("the leader sees the organisation's leverage index chart and the team table", async ({ page }) => {
  await signIn(page, "leader");
  const chart = page.getByRole("img", { name: /organisation's leverage index/ });
  await expect(chart).toBeVisible();
  const box = await chart.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThan(100);

  // The numbers behind the chart: one row per quarter, 2025 Q1 to 2026 Q4.
  await page.getByText("Show the numbers").first().click();
  const numbers = page.getByRole("table", { name: "Organisation leverage index by quarter" });
  await expect(numbers.getByRole("row")).toHaveCount(9);
  await expect(numbers.getByRole("rowheader").first()).toHaveText("2025 Q1");

  const teams = page.getByRole("table", { name: /Teams by leverage index/ });
  await expect(teams.getByRole("row")).toHaveCount(9);
  const indexes = await teams.locator("tbody tr td:nth-child(5)").allTextContents();
  const values = indexes.map(Number);
  expect(values.every((v) => v >= 1 && v <= 5)).toBe(true);
  expect(values).toEqual([...values].sort((a, b) => b - a));

  await teams.getByRole("button", { name: /Leverage index/ }).click();
  const ascending = (await teams.locator("tbody tr td:nth-child(5)").allTextContents()).map(Number);
  expect(ascending).toEqual([...values].sort((a, b) => a - b));
});

test("the leader can look at another cycle", async ({ page }) => {
  await signIn(page, "leader");
  await page.getByLabel("Review cycle").selectOption("2025 Q1");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/cycle=2025\+Q1/);
  await expect(page.getByRole("heading", { name: "Teams in 2025 Q1" })).toBeVisible();
});
