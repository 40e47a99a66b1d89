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
  // A role holds at most 20 tasks: the 20 that keep the occupation's exposure mix start ticked, and it says so.
  await expect(page.getByText("Tasks (20 of 26 kept)")).toBeVisible();
  await expect(page.getByText(/the 20 ticked are those chosen so their exposure mix matches/)).toBeVisible();
  await expect(taskRow(page, "Supervise, train, or mentor junior team members").getByRole("checkbox")).toBeDisabled();
  await expect(taskRow(page, "Develop and maintain client relationships").getByRole("checkbox")).toBeChecked();
  // The rule is shown in words, and each task's GPT-4 automation level with its meaning.
  await expect(page.getByTestId("level-rule")).toContainText("What the work is decides the level");
  await expect(taskRow(page, "Advise clients on aspects of capitalization")).toContainText(
    "GPT-4 T2: a person and AI work on it together",
  );
  // Advice is Decision Ownership whatever its exposure label.
  await expect(taskRow(page, "Advise clients on aspects of capitalization").getByRole("combobox")).toHaveValue("3");

  // The annotators' label by default, GPT-4's on request; the untouched suggestion follows it.
  const collaborate = taskRow(page, "Collaborate on projects with other professionals");
  await expect(collaborate).toContainText("E0");
  await expect(collaborate.getByRole("combobox")).toHaveValue("1");
  await page.getByLabel("GPT-4's").check();
  await expect(collaborate).toContainText("E2");
  await expect(collaborate.getByRole("combobox")).toHaveValue("2");
  await page.getByLabel("Annotators' (default)").check();
  await expect(collaborate.getByRole("combobox")).toHaveValue("1");

  // Two levels changed by the manager; the proposed mix follows the tasks (each of 20 tasks is 5%).
  const before = Number(await page.getByLabel(/^L1/).inputValue());
  await taskRow(page, "Collaborate with investment bankers").getByRole("combobox").selectOption("1");
  await taskRow(page, "Monitor fundamental economic, industrial").getByRole("combobox").selectOption("1");
  await expect(page.getByLabel(/^L1/)).toHaveValue(String(before + 10));

  const title = `Investment Analyst ${Date.now() % 100_000}`;
  await page.getByLabel("Role title").fill(title);

  // A mix that does not add up is refused next to the mix, and nothing typed is lost.
  await page.getByLabel(/^L5/).fill("10");
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText("The target mix adds up to 110%; it must be exactly 100%.")).toBeVisible();
  await expect(page.getByLabel("Role title")).toHaveValue(title);
  await expect(page.getByLabel(/^L5/)).toHaveValue("10");
  await expect(taskRow(page, "Collaborate with investment bankers").getByRole("combobox")).toHaveValue("1");
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
  await expect(tasks.getByRole("row", { name: /Collaborate with investment bankers/ })).toContainText(
    "1 · Task Execution",
  );
  await expect(tasks.getByRole("row", { name: /Monitor fundamental economic/ })).toContainText("1 · Task Execution");
  // The second source beside the first, with a sentence comparing them.
  await expect(card).toContainText("AI applicability, occupation28%");
  await expect(card.getByTestId("sources-reading")).toContainText("Financial and Investment Analysts");
  await expect(page.getByText(/Tomlinson et al\. 2025, Working with AI/)).toBeVisible();
  await expect(page.getByText(ATTRIBUTION)).toBeVisible();

  // The role's own page shows the same comparison.
  await page.goto("/team/roles");
  await page.getByRole("link", { name: `Edit ${title}` }).click();
  await expect(page.locator("#research").getByTestId("research-reading")).toBeVisible();
  await expect(page.locator("#research").getByText(ATTRIBUTION)).toBeVisible();
});

test("the occupation pages have no serious accessibility violations", async ({ managerPage: page }) => {
  test.setTimeout(90_000);
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

test("the Organization page plots each linked role against its occupation's research figure", async ({
  leaderPage: page,
}) => {
  await page.goto("/organization");
  const chart = page.getByRole("img", { name: /^Of \d+ linked roles/ });
  await expect(chart).toBeVisible();
  expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThan(200);
  const section = page.locator("section", {
    has: page.getByRole("heading", { name: /against the published research/ }),
  });
  const table = section.getByRole("region", { name: "Roles against the chosen research source" });
  const analyst = table.getByRole("row", { name: /^Financial Analyst · FP&A/ });
  await expect(analyst).toContainText("Financial and Investment Analysts");
  await expect(analyst).toContainText("50%");
  await expect(section.getByText(ATTRIBUTION)).toBeVisible();
});
