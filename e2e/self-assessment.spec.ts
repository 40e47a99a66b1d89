import type { Page } from "@playwright/test";
import { expect, expectNoSeriousViolations, signInAs, test } from "./fixtures";

// Each test works on its own seeded employee whose 2026 Q4 self-assessment is not started, so the
// tests do not depend on each other's writes or on their order.
const SUBMITTER = "jamal.carter@northwind.example";
const UNBALANCED = "ana.silva@northwind.example";
const TWO_TABS = "hana.kim@northwind.example";

const share = (page: Page, level: string) => page.getByLabel(`${level} share, percent`);
const summary = (page: Page) => page.getByTestId("error-summary");

test("an employee fills in and submits a complete self-assessment with keyboard and mouse", async ({ page }) => {
  await signInAs(page, SUBMITTER);
  await expect(page.getByTestId("assessment-status")).toHaveText("Not started");

  // Level mix: typed by keyboard, the slider nudged with arrow keys, the remainder placed by the helper.
  await share(page, "Task Execution").focus();
  await page.keyboard.type("10");
  await share(page, "AI-Assisted Execution").fill("20");
  await share(page, "Decision Ownership").fill("38");
  await page.getByLabel("Decision Ownership share, slider").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(share(page, "Decision Ownership")).toHaveValue("40");
  await share(page, "Workflow & System Design").fill("20");
  await expect(page.getByText("Total 90%")).toBeVisible();
  await expect(page.getByTestId("live-index")).toHaveText("—");
  await page.getByRole("button", { name: "Add the remaining 10% to the largest share" }).click();
  await expect(share(page, "Decision Ownership")).toHaveValue("50");
  await expect(share(page, "Strategic Influence")).toHaveValue("0");
  await expect(page.getByText("Total 100%")).toBeVisible();
  // L = (10 + 40 + 150 + 80) / 100; E = 10 + 10; ownership + system = 70 → AI-enhanced.
  await expect(page.getByTestId("live-index")).toHaveText("2.80");
  await expect(page.getByTestId("live-exposure")).toHaveText("20%");
  await expect(page.getByTestId("live-class")).toHaveText("AI-enhanced");

  // Tasks: one by mouse, one by keyboard; the suggested level follows the words until overridden.
  await page.getByRole("button", { name: "Add a task" }).click();
  await expect(page.getByLabel("Task 1", { exact: true })).toBeFocused();
  await page.keyboard.type("Recommend refund policy changes to the product team");
  await expect(page.getByLabel("Level of task 1")).toHaveValue("3");
  await expect(page.getByText("Suggested: level 3, Decision Ownership (matched “recommend”)")).toBeVisible();
  await page.getByRole("button", { name: "Add a task" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Task 2", { exact: true })).toBeFocused();
  await page.keyboard.type("Format the weekly backlog report");
  await expect(page.getByLabel("Level of task 2")).toHaveValue("1");
  await page.getByLabel("Level of task 2").selectOption("2");
  await page.getByLabel("I use AI for this task").nth(1).focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("I use AI for this task").nth(1)).toBeChecked();
  await page.getByRole("button", { name: "Move task 2 up" }).click();
  await expect(page.getByLabel("Task 1", { exact: true })).toHaveValue("Format the weekly backlog report");

  // Capabilities: clicked, and one chosen with the arrow keys inside its radio group.
  const capabilities = [
    "Contextual judgment",
    "Communication clarity",
    "Stakeholder management",
    "System-level thinking",
  ];
  for (const name of capabilities) await page.getByRole("group", { name }).getByRole("radio", { name: /^4/ }).check();
  const ownership = page.getByRole("group", { name: "Responsibility for outcomes" });
  await ownership.getByRole("radio", { name: /^2/ }).check();
  await page.keyboard.press("ArrowRight");
  await expect(ownership.getByRole("radio", { name: /^3/ })).toBeChecked();

  await page.getByRole("textbox", { name: /Notes and evidence/ }).fill("Took over the refund policy review.");
  await expect(page.getByText("35 / 4,000 characters")).toBeVisible();

  await page.getByRole("button", { name: "Submit to my manager" }).click();
  await expect(page.getByTestId("assessment-status")).toContainText("Submitted");
  await expect(page.getByRole("heading", { name: "What you submitted" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId("assessment-status")).toContainText("Submitted");
  const submitted = page.getByRole("group", { name: "Your answers" });
  await expect(submitted).toContainText("Leverage index 2.80");
  await expect(submitted).toContainText("Format the weekly backlog report");
  await expect(submitted).toContainText("Recommend refund policy changes to the product team");
  await expect(submitted).toContainText("Took over the refund policy review.");
  await expectNoSeriousViolations(page);
});

test("an invalid total is explained beside the field, keeps every value, and a draft saves as typed", async ({
  page,
}) => {
  await signInAs(page, UNBALANCED);
  const typed = {
    "Task Execution": "30",
    "AI-Assisted Execution": "30",
    "Decision Ownership": "20",
    "Workflow & System Design": "10",
    "Strategic Influence": "0",
  };
  for (const [level, value] of Object.entries(typed)) await share(page, level).fill(value);
  await page.getByRole("button", { name: "Add a task" }).click();
  await page.keyboard.type("Answer tier-1 tickets from the shared inbox");
  await page.getByRole("textbox", { name: /Notes and evidence/ }).fill("Half way through the quarter.");

  await page.getByRole("button", { name: "Submit to my manager" }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page)).toContainText("Level mix total: Your shares add up to 90%; 10% left to place.");
  await expect(summary(page)).toContainText("Task 1 level: Choose a level for this task.");
  await expect(page.locator("#self-share-total-error")).toHaveText("Your shares add up to 90%; 10% left to place.");
  for (const [level, value] of Object.entries(typed)) await expect(share(page, level)).toHaveValue(value);
  await expect(page.getByLabel("Task 1", { exact: true })).toHaveValue("Answer tier-1 tickets from the shared inbox");
  await expect(page.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue("Half way through the quarter.");
  await expect(page.getByTestId("assessment-status")).toHaveText("Not started");

  // The error summary's links lead to the field.
  await summary(page)
    .getByRole("link", { name: /Task 1 level/ })
    .click();
  await expect(page.getByLabel("Level of task 1")).toBeFocused();
  await expectNoSeriousViolations(page);

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("form-status")).toContainText("Draft saved at");
  await expect(page.getByTestId("assessment-status")).toContainText("Draft saved");

  await page.reload();
  for (const [level, value] of Object.entries(typed)) await expect(share(page, level)).toHaveValue(value);
  await expect(page.getByText("Total 90%")).toBeVisible();
  await expect(page.getByLabel("Task 1", { exact: true })).toHaveValue("Answer tier-1 tickets from the shared inbox");
  await expect(page.getByLabel("Level of task 1")).toHaveValue("");
  await expect(page.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue("Half way through the quarter.");
});

test("a second tab saving a stale draft is told it changed elsewhere", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInAs(first, TWO_TABS);
  const second = await context.newPage();
  await second.goto("/me");
  await first.getByRole("textbox", { name: /Notes and evidence/ }).fill("From the first tab");
  await first.getByRole("button", { name: "Save draft" }).click();
  await expect(first.getByTestId("form-status")).toContainText("Draft saved at");

  await second.getByRole("textbox", { name: /Notes and evidence/ }).fill("From the second tab");
  await second.getByRole("button", { name: "Save draft" }).click();
  await expect(summary(second)).toContainText("changed elsewhere");
  await expect(second.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue("From the second tab");
  await second.getByRole("button", { name: "Reload the latest version" }).click();
  await expect(second.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue("From the first tab");
  await context.close();
});

test("the demo employee's draft form has no serious accessibility violations", async ({ employeePage: page }) => {
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: "1. Level mix" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("My history charts one point per past quarter, reads the movement, and passes axe", async ({
  employeePage: page,
}) => {
  await page.goto("/me");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My history" })).toBeVisible();
  await expect(page.locator("canvas[role=img]")).toBeVisible();
  await expect(page.getByTestId("history-reading")).toHaveText(
    /^Since 2025 Q1 you moved \d+ points of your time from execution into /,
  );
  await page.getByText("Show the numbers").first().click();
  const numbers = page.getByRole("region", { name: "Your level mix and leverage index by quarter" });
  await expect(numbers.locator("tbody tr")).toHaveCount(7);
  await expect(numbers.locator("tbody tr").first().locator("th")).toHaveText("2025 Q1");
  await expect(numbers.locator("tbody tr").last().locator("th")).toHaveText("2026 Q3");
  await expect(page.getByRole("heading", { name: "Your two lowest-rated capabilities" })).toBeVisible();
  await expectNoSeriousViolations(page);
});
