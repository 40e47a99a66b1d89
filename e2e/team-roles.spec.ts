import { expect, expectNoSeriousViolations, test } from "./fixtures";

test("the manager maps a new role: a wrong target and no tasks are refused, nothing typed is lost", async ({
  managerPage: page,
}) => {
  // Two axe passes and two saves: over 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  await page.goto("/team");
  await page.getByRole("navigation", { name: "My team" }).getByRole("link", { name: "Roles" }).click();
  await expect(page.getByRole("heading", { name: "Roles", level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "New role" }).click();

  await page.getByLabel("Title").fill("Planning Lead");
  await page.getByLabel("Description").fill("Runs the planning calendar and its decision framework.");
  await page.getByRole("textbox", { name: "1. Task Execution" }).fill("10");
  await page.getByRole("textbox", { name: "2. AI-Assisted Execution" }).fill("20");
  await page.getByRole("textbox", { name: "3. Decision Ownership" }).fill("40");
  await page.getByRole("textbox", { name: "4. Workflow & System Design" }).fill("20");
  await page.getByRole("textbox", { name: "5. Strategic Influence" }).fill("5");
  await expect(page.getByText("Total 95%")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Save role" }).click();

  await expect(page.getByText("The target level mix must add up to 100% — it adds up to 95% now.")).toBeVisible();
  await expect(page.getByText("Add at least one typical task and place it on a level.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Planning Lead");
  await expect(page.getByRole("textbox", { name: "5. Strategic Influence" })).toHaveValue("5");

  await page.getByRole("textbox", { name: "5. Strategic Influence" }).fill("10");
  await expect(page.getByText("Total 100%")).toBeVisible();
  await expect(page.getByText("leverage index 3.00")).toBeVisible();

  await page.getByRole("button", { name: "+ Add a task at level 3" }).click();
  await page.getByLabel("Task 1", { exact: true }).fill("Recommend the planning calendar's priorities");
  await page.getByRole("button", { name: "+ Add a task at level 1" }).click();
  await page.getByLabel("Task 2", { exact: true }).fill("Design the planning decision framework");
  // Placed on the wrong level first, then moved with the keyboard-friendly list.
  await page.getByLabel("Level of task 2").selectOption({ label: "4. Workflow & System Design" });
  const level4 = page.getByRole("region", { name: /4\. Workflow & System Design/ });
  await expect(level4.getByLabel("Task 2", { exact: true })).toHaveValue("Design the planning decision framework");
  // And by dragging: a third task dragged from level 1 to level 2.
  await page.getByRole("button", { name: "+ Add a task at level 1" }).click();
  await page.getByLabel("Task 3", { exact: true }).fill("Compile the planning calendar with an AI assistant");
  const level1 = page.getByRole("region", { name: /1\. Task Execution/ });
  const level2 = page.getByRole("region", { name: /2\. AI-Assisted Execution/ });
  await level1.locator("[draggable=true]").first().dragTo(level2);
  await expect(level2.getByLabel("Task 3", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page).toHaveURL(/\/team\/roles\?saved=\d+$/);
  await expect(page.getByText("Saved Planning Lead, version 1.")).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Planning Lead" }) });
  await expect(card.getByText("Target index 3.00")).toBeVisible();
  await expect(card.getByText("Design the planning decision framework · level 4")).toBeVisible();
  await expect(card.getByText("Compile the planning calendar with an AI assistant · level 2")).toBeVisible();
});

test("editing a role saves a new version and keeps the old one in its history", async ({ managerPage: page }) => {
  await page.goto("/team/roles");
  await page.getByRole("link", { name: "Edit Senior FP&A Analyst" }).click();
  await expect(page.getByRole("heading", { name: "Edit Senior FP&A Analyst" })).toBeVisible();
  await expectNoSeriousViolations(page);
  const history = page.locator("section", { has: page.getByRole("heading", { name: "Version history" }) });
  await expect(history.getByText("Version 1", { exact: true })).toBeVisible();
  await expect(history.getByText("Version 2", { exact: true })).toHaveCount(0);

  const target = {
    "1. Task Execution": "0",
    "2. AI-Assisted Execution": "20",
    "3. Decision Ownership": "45",
    "4. Workflow & System Design": "25",
    "5. Strategic Influence": "10",
  };
  for (const [label, value] of Object.entries(target)) await page.getByRole("textbox", { name: label }).fill(value);
  await expect(page.getByText("Total 100%")).toBeVisible();
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText("Saved Senior FP&A Analyst, version 2.")).toBeVisible();
  await page.getByRole("link", { name: "Edit Senior FP&A Analyst" }).click();
  await expect(history.getByText("Version 2", { exact: true })).toBeVisible();
  await expect(history.getByText("Version 1", { exact: true })).toBeVisible();
});
