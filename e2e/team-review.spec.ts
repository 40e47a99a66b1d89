import type { Page } from "@playwright/test";
import { expect, expectNoSeriousViolations, rateAll, signInAs, test } from "./fixtures";

const SUBMITTED = "Tomás Herrera";
const OTHER_MANAGER = "hannah.kowalski@northwind.example";

const share = (page: Page, level: string) => page.getByLabel(`${level} share, percent`);

async function fillMix(page: Page, values: [number, number, number, number, number]) {
  const levels = [
    "Task Execution",
    "AI-Assisted Execution",
    "Decision Ownership",
    "Workflow & System Design",
    "Strategic Influence",
  ];
  for (const [i, level] of levels.entries()) await share(page, level).fill(String(values[i]));
}

/** Finalize asks first, saying what it locks; nothing is sent until "Lock both assessments". */
async function confirmFinalize(page: Page) {
  const dialog = page.getByRole("dialog", { name: /^Finalize .*'s review\?$/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("both");
  await expect(dialog).toContainText("become read-only");
  await dialog.getByRole("button", { name: "Lock both assessments" }).click();
  await expect(dialog).toBeHidden();
}

/** "2026 Q4" row of the team chart's numbers: how many people count so far. */
async function openCycleCount(page: Page) {
  await page.goto("/team");
  const details = page.locator("details").filter({ hasText: "Show the numbers" }).first();
  await details.locator("summary").click();
  const text = await details.getByRole("row", { name: /2026 Q4/ }).textContent();
  return Number(/(\d+) people/.exec(text ?? "")?.[1]);
}

test("the manager reviews one report who submitted (calibrating with a reason) and one who has not, finalizes, and the team chart moves", async ({
  managerPage: page,
}) => {
  test.setTimeout(90_000);
  const countBefore = await openCycleCount(page);
  await expectNoSeriousViolations(page);

  await page.getByRole("navigation", { name: "My team" }).getByRole("link", { name: "Review" }).click();
  await expect(page.getByRole("heading", { name: "2026 Q4 review" })).toBeVisible();
  await expect(page.getByText(/\d+ of \d+ self-assessments in, \d+ reviewed/)).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByLabel("Status").selectOption({ label: "Not started" });
  const notStarted = page.getByRole("table").getByRole("link").first();
  const notStartedName = (await notStarted.textContent())!;
  await page.getByLabel("Status").selectOption({ label: "Awaiting your review" });
  await expect(page.getByRole("table").getByRole("link", { name: SUBMITTED })).toBeVisible();
  await page.getByRole("table").getByRole("link", { name: SUBMITTED }).click();

  // Side by side: their self-assessment, and the same instrument pre-filled for the manager.
  await expect(page.getByRole("heading", { name: `Review: ${SUBMITTED}` })).toBeVisible();
  await expect(page.getByRole("group", { name: "Tomás's answers" })).toBeVisible();
  await expect(page.getByText("Pre-filled from Tomás's self-assessment")).toBeVisible();
  // The mix starts from Tomás's; the capability ratings start blank, and the form says why.
  await expect(page.getByText("pre-filled ratings invite rubber-stamping")).toBeVisible();
  await expect(
    page.getByRole("group", { name: "Contextual judgment" }).getByRole("radio", { checked: true }),
  ).toHaveCount(0);
  await expect(page.getByText(/How this person's working time split/)).toBeVisible();

  // An incomplete review is not offered for locking: the problems show at once, no dialog opens.
  await page.getByRole("button", { name: "Finalize" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("Complete the review before you finish it.");
  await expect(summary).toContainText("Rate contextual judgment from 1 to 5.");
  await expect(summary).toBeFocused();
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.screenshot({ path: "screenshots/finalize-incomplete.png", fullPage: true });
  await rateAll(page, 3);
  await expectNoSeriousViolations(page);

  // A mix far from Tomás's needs its reason first, shown next to the field, still without the dialog.
  await fillMix(page, [60, 20, 10, 10, 0]);
  await page.getByRole("button", { name: "Finalize" }).click();
  await expect(summary).toContainText("Give a reason of at least 10 characters");
  await expect(page.locator("#mgr-calibration-reason-error")).toContainText("Give a reason of at least 10 characters");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(share(page, "Task Execution")).toHaveValue("60");
  await page.getByLabel(/Reason for your changes/).fill("Most of this quarter went into compiling actuals by hand.");
  // Escape backs out of the confirmation without sending anything, and focus goes back to Finalize.
  await page.getByRole("button", { name: "Finalize" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("button", { name: "Finalize" })).toBeFocused();
  await expect(page.getByTestId("error-summary")).toHaveCount(0);
  await page.getByRole("button", { name: "Finalize" }).click();
  await confirmFinalize(page);
  await expect(page.getByText(/Finalized .*: the final figures for 2026 Q4 are yours/)).toBeVisible();
  // Finalized: the way on to the next report whose review is not finalized.
  await expect(page.getByRole("link", { name: /^Next: .+ →$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Calibration record" })).toBeVisible();
  await expect(page.getByText("Most of this quarter went into compiling actuals by hand.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Your final answers" })).toContainText("60%");

  // Someone who has not written a self-assessment.
  await page.getByRole("link", { name: "← Back to the review board" }).click();
  await page.getByRole("table").getByRole("link", { name: notStartedName }).click();
  await expect(page.getByText("No self-assessment yet for 2026 Q4.")).toBeVisible();
  await fillMix(page, [5, 20, 45, 25, 5]);
  await page.getByRole("button", { name: "Add a task" }).click();
  await page.getByLabel("Task 1", { exact: true }).fill("Recommend where to reallocate the quarterly opex budget");
  await page.getByLabel("Level of task 1").selectOption("3");
  await rateAll(page, 3);
  await page.getByRole("button", { name: "Finalize" }).click();
  await confirmFinalize(page);
  await expect(page.getByText(/Finalized .*: the final figures for 2026 Q4 are yours/)).toBeVisible();
  await expectNoSeriousViolations(page);

  const countAfter = await openCycleCount(page);
  expect(countAfter).toBe(countBefore + 1);
});

test("a manager cannot open or write the review of a person in another team", async ({
  managerPage: page,
  browser,
}) => {
  // Another team's manager, in a browser of their own, shows us who is in their team.
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signInAs(otherPage, OTHER_MANAGER, "/team");
  await otherPage.goto("/team/review");
  const foreignHref = (await otherPage.getByRole("table").getByRole("link").first().getAttribute("href"))!;
  const foreignId = foreignHref.split("/").at(-1)!;
  await otherContext.close();

  const response = await page.goto(foreignHref);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expectNoSeriousViolations(page);

  // A forged server-action call: Daniel's own review form, with the other team's person id.
  await page.goto("/team/review");
  await page.getByLabel("Status").selectOption({ label: "Self draft" });
  await page.getByRole("table").getByRole("link").first().click();
  await page.route("**/team/review/**", async (route) => {
    const request = route.request();
    const body = request.postData();
    // React encodes the action's FormData as multipart fields named "_<n>_personId".
    const field = /(name="(?:_?\d+_)?personId"\r\n\r\n)\d+/;
    if (request.method() !== "POST" || !body || !field.test(body)) return route.continue();
    const forged = body.replace(field, `$1${foreignId}`);
    await route.continue({ postData: forged });
  });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("You can only review people in the teams you manage.");
});

test("returning a self-assessment for changes re-opens it for the employee, with the manager's message", async ({
  managerPage: page,
  browser,
}) => {
  await page.goto("/team/review");
  await page.getByRole("table").getByRole("link", { name: "Grace Liu" }).click();
  await page.getByText("Return to Grace for changes").click();
  await page.getByRole("button", { name: "Return for changes" }).click();
  await expect(page.getByText("Tell them what to change.")).toBeVisible();
  await page.locator("details", { hasText: "Return to Grace for changes" }).screenshot({
    path: "screenshots/return-for-changes-refused.png",
  });
  await page
    .getByLabel("What should Grace change?")
    .fill("Split the budget-cycle task in two: coordinating and deciding.");
  await page.getByRole("button", { name: "Return for changes" }).click();
  await expect(page.getByText("Returned for changes — waiting for Grace to submit again.")).toBeVisible();
  await expectNoSeriousViolations(page);

  const graceContext = await browser.newContext();
  const grace = await graceContext.newPage();
  await signInAs(grace, "grace.liu@northwind.example");
  await expect(grace.getByText("Split the budget-cycle task in two: coordinating and deciding.")).toBeVisible();
  await expect(grace.getByRole("button", { name: "Save draft" })).toBeVisible();
  await graceContext.close();
});

test("Save review and Save draft check first what the server would refuse, next to the field, keeping what was typed", async ({
  managerPage: page,
}) => {
  await page.goto("/team/review");
  await page.getByLabel("Status").selectOption({ label: "Self draft" });
  await page.getByRole("table").getByRole("link").first().click();
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await fillMix(page, [50, 20, 10, 10, 0]);
  await page.getByRole("button", { name: "Add a task" }).click();
  const long = `Reconcile ${"the intercompany accounts ".repeat(9)}`.trim();
  expect(long.length).toBeGreaterThan(200);
  await page.getByLabel("Task 1", { exact: true }).fill(long);
  await page.getByLabel("Level of task 1").selectOption("2");
  await rateAll(page, 3);

  // Save review is refused by the server for an unbalanced mix and an over-long task: said at once,
  // beside each field, and nothing is sent.
  await page.getByRole("button", { name: "Save review" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Level mix total: Your shares add up to 90%; 10% left to place.");
  await expect(page.locator("#mgr-share-total-error")).toHaveText("Your shares add up to 90%; 10% left to place.");
  await expect(page.locator("#mgr-task-0-text-error")).toHaveText(
    `Keep the task to 200 characters (now ${long.length}).`,
  );
  await expect(page.getByLabel("Task 1", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "screenshots/save-review-refused.png", fullPage: true });
  // A draft may be unbalanced, but not over the task's length.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#mgr-task-0-text-error")).toBeVisible();
  await expect(page.locator("#mgr-share-total-error")).toHaveCount(0);
  expect(posts).toEqual([]);
  // Everything typed is still there.
  await expect(share(page, "Task Execution")).toHaveValue("50");
  await expect(page.getByLabel("Task 1", { exact: true })).toHaveValue(long);
  await expect(
    page.getByRole("group", { name: "Contextual judgment" }).getByRole("radio", { checked: true }),
  ).toHaveCount(1);
});
