import type { Page } from "@playwright/test";
import { emailFor } from "../db/demo/model";
import { expect, expectNoSeriousViolations, signInAs, test } from "./fixtures";
import { waitForMail } from "./mailbox";

const share = (page: Page, level: string) => page.getByLabel(`${level} share, percent`);
const shots = "screenshots";

test("a leader has My assessment and self-assesses, with nobody above to review it", async ({ leaderPage: page }) => {
  await page.goto("/organization");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My assessment" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByTestId("assessment-status")).toHaveText("Not started");
  await expect(page.getByTestId("no-manager-note")).toContainText("Nobody reviews you");
  for (const [level, value] of [
    ["Task Execution", "5"],
    ["AI-Assisted Execution", "10"],
    ["Decision Ownership", "25"],
    ["Workflow & System Design", "30"],
    ["Strategic Influence", "30"],
  ] as const) {
    await share(page, level).fill(value);
  }
  await page.getByRole("button", { name: "Add a task" }).click();
  await page.keyboard.type("Decide which teams get next year's AI budget");
  await page.getByLabel("Level of task 1").selectOption("5");
  for (const name of [
    "Contextual judgment",
    "Communication clarity",
    "Stakeholder management",
    "System-level thinking",
    "Responsibility for outcomes",
  ]) {
    await page.getByRole("group", { name }).getByRole("radio", { name: /^4/ }).check();
  }
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("assessment-status")).toContainText("Submitted");
  await expect(page.getByRole("heading", { name: "What you submitted" })).toBeVisible();
});

test("a return for changes reaches the employee in the bell and by mail, whose link turns that mail off", async ({
  managerPage: page,
  browser,
}) => {
  // Someone awaiting review whom the other specs leave alone (they use Tomás and Grace).
  await page.goto("/team/review");
  await page.getByLabel("Status").selectOption({ label: "Awaiting your review" });
  const names = (await page.getByRole("table").getByRole("row").getByRole("link").allTextContents()).filter(
    (n) => !["Tomás Herrera", "Grace Liu"].includes(n),
  );
  const name = names.at(-1)!;
  const first = name.split(" ")[0]!;
  const email = emailFor(name);
  await page.getByRole("table").getByRole("link", { name }).click();
  await page.getByText(`Return to ${first} for changes`).click();
  await page.getByLabel(`What should ${first} change?`).fill("Say which decisions were yours.");
  await page.getByRole("button", { name: "Return for changes" }).click();
  await expect(page.getByText(`Returned for changes — waiting for ${first} to submit again.`)).toBeVisible();

  const mail = await waitForMail(email, "Daniel Okafor returned your 2026 Q4 self-assessment for changes");
  expect(mail.subject).toBe("Daniel Okafor returned your 2026 Q4 self-assessment for changes");
  expect(mail.text).toContain("See what to change");
  const preferenceUrl = /(http\S+mail-preferences\?\S+)/.exec(mail.text ?? "")?.[1] ?? "";
  expect(preferenceUrl).not.toBe("");

  const mailContext = await browser.newContext();
  const mailPage = await mailContext.newPage();
  await mailPage.setContent(String(mail.html));
  await mailPage.screenshot({ path: `${shots}/mail-returned.png`, fullPage: true });

  // The employee's bell counts it; opening it goes to their assessment and marks it read.
  const tomasContext = await browser.newContext();
  const tomas = await tomasContext.newPage();
  await signInAs(tomas, email);
  const bell = tomas.getByTestId("notification-bell");
  // A cycle another spec opened may have notified them too: the bell counts every unread item.
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  const unread = Number(/(\d+) unread/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1]);
  expect(unread).toBeGreaterThanOrEqual(1);
  await tomas.screenshot({ path: `${shots}/bell.png` });
  await bell.click();
  await expect(tomas.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await expectNoSeriousViolations(tomas);
  await tomas.screenshot({ path: `${shots}/notifications.png`, fullPage: true });
  await tomas.getByRole("link", { name: /returned your 2026 Q4 self-assessment/ }).click();
  await expect(tomas).toHaveURL(/\/me$/);
  await expect(tomas.getByTestId("assessment-status")).toHaveText("Returned by your manager for changes");
  await expect(bell).toHaveAccessibleName(
    unread === 1 ? "Notifications, none unread" : `Notifications, ${unread - 1} unread`,
  );

  // The mail's link works signed out, and changes only that kind.
  await mailPage.goto(preferenceUrl);
  await expect(mailPage.getByTestId("mail-preference-state")).toContainText("is on");
  await mailPage.getByRole("button", { name: "Stop these mails" }).click();
  await expect(mailPage.getByTestId("mail-preference-state")).toContainText("is off");
  await tomas.goto("/notifications");
  await expect(tomas.getByLabel("your self-assessment was returned for changes")).not.toBeChecked();
  await expect(tomas.getByLabel("a review cycle opened")).toBeChecked();
  // A tampered link is refused.
  await mailPage.goto(preferenceUrl.replace(/s=[^&]+/, "s=forged"));
  await expect(mailPage.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await Promise.all([mailContext.close(), tomasContext.close()]);
});
