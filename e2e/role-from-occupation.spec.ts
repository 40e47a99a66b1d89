import type { Page } from "@playwright/test";
import { aiExposure, compareWithResearch, researchReading } from "../lib/ladder";
import { expect, expectNoSeriousViolations, test } from "./fixtures";

const ATTRIBUTION = "O*NET 27.2, U.S. Department of Labor; exposure labels: Eloundou et al. 2023";

function taskRow(page: Page, statement: string) {
  return page.getByTestId("occupation-task").filter({ hasText: statement });
}

test("the manager starts a role from an occupation, adjusts two levels, saves and sees the comparison", async ({
  managerPage: page,
}) => {
  await page.goto("/team/roles");
  await page.getByRole("link", { name: "Start from an occupation" }).click();

  await page.getByLabel("Occupation title or code").fill("analyst");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: /Financial and Investment Analysts/ }).click();
  await expect(page.getByRole("heading", { name: "Financial and Investment Analysts (13-2051.00)" })).toBeVisible();
  await expect(page.getByText(ATTRIBUTION)).toBeVisible();
  await expect(page.getByTestId("occupation-task")).toHaveCount(26);
  // A role holds at most 20 tasks: the first 20 start ticked, the others wait to be swapped in.
  await expect(page.getByText("Tasks (20 of 26 kept)")).toBeVisible();
  await expect(taskRow(page, "Supervise, train, or mentor junior team members").getByRole("checkbox")).toBeDisabled();

  // The annotators' label by default, GPT-4's on request; the untouched suggestion follows it.
  const collaborate = taskRow(page, "Collaborate on projects with other professionals");
  await expect(collaborate).toContainText("E0");
  await expect(collaborate.getByRole("combobox")).toHaveValue("3");
  await page.getByLabel("GPT-4's").check();
  await expect(collaborate).toContainText("E2");
  await expect(collaborate.getByRole("combobox")).toHaveValue("2");
  await page.getByLabel("Annotators' (default)").check();
  await expect(collaborate.getByRole("combobox")).toHaveValue("3");

  // Two levels changed by the manager; the proposed mix follows the tasks (each of 20 tasks is 5%).
  const before = Number(await page.getByLabel(/^L1/).inputValue());
  await taskRow(page, "Create client presentations of plan details").getByRole("combobox").selectOption("1");
  await taskRow(page, "Draw charts and graphs, using computer spreadsheets").getByRole("combobox").selectOption("1");
  await expect(page.getByLabel(/^L1/)).toHaveValue(String(before + 10));

  const title = `Investment Analyst ${Date.now() % 100_000}`;
  await page.getByLabel("Role title").fill(title);

  // A mix that does not add up is refused next to the mix, and nothing typed is lost.
  await page.getByLabel(/^L5/).fill("10");
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText("The target mix adds up to 110%; it must be exactly 100%.")).toBeVisible();
  await expect(page.getByLabel("Role title")).toHaveValue(title);
  await expect(page.getByLabel(/^L5/)).toHaveValue("10");
  await expect(taskRow(page, "Create client presentations of plan details").getByRole("combobox")).toHaveValue("1");
  await page.getByRole("button", { name: "Use the proposed mix again" }).click();
  await expect(page.getByLabel(/^L5/)).toHaveValue("0");

  const share = async (level: number) => Number(await page.getByLabel(new RegExp(`^L${level}`)).inputValue());
  const mix = { s1: await share(1), s2: await share(2), s3: await share(3), s4: await share(4), s5: await share(5) };
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page).toHaveURL(/\/team\/research\?saved=\d+/);
  await expect(page.getByRole("status")).toContainText(`Saved the role ${title}`);
  const card = page.locator("section", { has: page.getByRole("heading", { name: `${title} · FP&A` }) });
  await expect(card).toContainText("Financial and Investment Analysts (13-2051.00)");
  await expect(card).toContainText("Published exposure, occupation50%");
  await expect(card).toContainText(`AI exposure, target mix${Math.round(aiExposure(mix))}%`);
  await expect(card.getByTestId("research-reading")).toHaveText(
    researchReading(title, compareWithResearch(aiExposure(mix), 50), "target"),
  );
  await card.getByText(/Tasks from O\*NET with their labels \(20\)/).click();
  const tasks = card.getByRole("region", { name: `Tasks of ${title}` });
  await expect(tasks.getByRole("row", { name: /Create client presentations of plan details/ })).toContainText(
    "1 · Task Execution",
  );
  await expect(tasks.getByRole("row", { name: /Draw charts and graphs/ })).toContainText("1 · Task Execution");
  await expect(page.getByText(ATTRIBUTION)).toBeVisible();

  // The role's own page shows the same comparison.
  await page.goto("/team/roles");
  await page.getByRole("link", { name: `Edit ${title}` }).click();
  await expect(page.locator("#research").getByTestId("research-reading")).toBeVisible();
  await expect(page.locator("#research").getByText(ATTRIBUTION)).toBeVisible();
});

test("the occupation pages have no serious accessibility violations", async ({ managerPage: page }) => {
  await page.goto("/team/roles/new-from-occupation?q=support&code=43-4051.00");
  await expect(page.getByTestId("occupation-task").first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/team/research");
  await expect(page.getByTestId("research-reading").first()).toBeVisible();
  await expectNoSeriousViolations(page);
  // A role's own page, and the page that links it to another occupation.
  await page.goto("/team/roles");
  await page.getByRole("link", { name: "Edit Financial Analyst" }).click();
  await expect(page.locator("#research").getByTestId("research-reading")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Change occupation" }).click();
  await page.getByLabel("Occupation title or code").fill("financial");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("button", { name: "Link to Financial Managers" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("employees cannot reach the occupation pages", async ({ employeePage: page }) => {
  for (const path of ["/team/roles/new-from-occupation?q=analyst", "/team/research"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
  }
});

test("the Organization page plots each linked role against its occupation's published beta", async ({
  leaderPage: page,
}) => {
  await page.goto("/organization");
  const chart = page.getByRole("img", { name: /roles linked to an O\*NET occupation/ });
  await expect(chart).toBeVisible();
  expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThan(200);
  const section = page.locator("section", {
    has: page.getByRole("heading", { name: /against the published research/ }),
  });
  await expect(section).toContainText(
    /Furthest above: .+ \(\d+% against \d+%\)\. Furthest below: .+ \(\d+% against \d+%\)\./,
  );
  await section.getByText("Show the numbers").click();
  const numbers = section.getByRole("table", { name: /published beta/ });
  await expect(numbers.getByRole("row", { name: /^Financial Analyst FP&A/ })).toContainText(
    "Financial and Investment Analysts (13-2051.00)",
  );
  await expect(numbers.getByRole("row", { name: /^Financial Analyst FP&A/ })).toContainText("50%");
  await expect(section.getByText(ATTRIBUTION)).toBeVisible();
});
