import type { Locator, Page } from "@playwright/test";
import { expect, rateAll, test } from "./fixtures";
import { mailCount, waitForMail } from "./mailbox";

const shots = "screenshots";

/** The people a nudge dialog lists, as [name, email]. */
async function listed(list: Locator) {
  const items = await list.getByRole("listitem").all();
  return Promise.all(
    items.map(async (item) => [
      (await item.evaluate((li) => li.firstChild?.textContent ?? "")).trim(),
      (await item.getAttribute("data-email")) ?? "",
    ]),
  );
}

async function openNudge(page: Page) {
  const button = page.getByRole("button", { name: /^Remind the \d+ who have not submitted$/ });
  const count = Number(/\d+/.exec((await button.textContent()) ?? "")?.[0]);
  await button.click();
  const dialog = page.getByRole("dialog", { name: /^Remind \d+ (people|person) to submit their .* self-assessment$/ });
  await expect(dialog).toBeVisible();
  return { dialog, count };
}

// One after the other: the admin's nudge skips the people the manager reminded.
test.describe.configure({ mode: "serial" });

let managerNudged: string[][] = [];

test("a manager nudges their reports from the board: exactly they get the mail, and a second nudge sends nothing", async ({
  managerPage: page,
  pageAs,
  browser,
}) => {
  await page.goto("/team/review");
  // A second tab with the same preview, sent after the first: it must send nothing.
  const stale = await pageAs("manager");
  await stale.goto("/team/review");

  await expect(page.getByRole("heading", { name: "Remind who has not submitted" })).toBeVisible();
  await page.screenshot({ path: `${shots}/nudge-board.png`, fullPage: true });
  const { dialog, count } = await openNudge(page);
  const recipients = await listed(dialog.getByRole("list", { name: "Who gets the reminder" }));
  expect(recipients.length).toBe(count);
  expect(count).toBeGreaterThan(0);
  // Only Daniel's reports: every name on the list is on his board, none has submitted.
  const board = page.getByRole("table", { name: /review board/ });
  for (const [name] of recipients) {
    const row = board.getByRole("row").filter({ has: page.getByRole("link", { name: name!, exact: true }) });
    await expect(row).toContainText(/Not started|Self draft|Returned for changes/);
  }
  const subject = (await dialog.getByTestId("nudge-subject").textContent()) ?? "";
  expect(subject).toMatch(
    /^Reminder from Daniel Okafor: please submit your \d{4} Q\d self-assessment by \d+ \w+ \d{4}$/,
  );
  const previewText = (await dialog.getByTestId("nudge-mail-text").textContent()) ?? "";
  expect(previewText).toMatch(new RegExp(`^Hello ${recipients[0]![0]},`));
  await dialog.screenshot({ path: `${shots}/nudge-preview.png` });

  const before = await Promise.all(recipients.map(([, email]) => mailCount(email!, subject)));
  await dialog.getByRole("button", { name: /^Send (the reminder|\d+ reminders)$/ }).click();
  await expect(page.getByTestId("nudge-status")).toHaveText(
    new RegExp(`^Reminded ${count === 1 ? "1 person" : `${count} people`}`),
  );
  await expect(dialog).toBeHidden();
  const mails = await Promise.all(recipients.map(([, email], i) => waitForMail(email!, subject, before[i]! + 1)));
  // The mail sent is the one previewed, word for word.
  expect(mails[0]!.text?.trim()).toBe(previewText.trim());
  expect(mails[0]!.text).toMatch(/mail-preferences\?p=\d+&k=nudge&s=/);
  const mailContext = await browser.newContext();
  const mailPage = await mailContext.newPage();
  await mailPage.setContent(String(mails[0]!.html));
  await mailPage.screenshot({ path: `${shots}/nudge-mail.png`, fullPage: true });
  await mailContext.close();

  // Everyone is reminded for today: the board says so instead of offering the button.
  await expect(page.getByText(/was reminded today\. Reminders go out at most once a day\./)).toBeVisible();

  // The stale tab's nudge is refused, and nobody gets a second mail.
  const second = await openNudge(stale);
  await second.dialog.getByRole("button", { name: /^Send/ }).click();
  await expect(stale.getByTestId("nudge-status")).toContainText("already reminded today");
  await stale.waitForTimeout(1500);
  for (const [i, [, email]] of recipients.entries()) expect(await mailCount(email!, subject)).toBe(before[i]! + 1);
  managerNudged = recipients as string[][];
});

test("an admin nudges everyone in the cycle who has not submitted, skipping those reminded today", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/cycles");
  await page.getByRole("link", { name: "2026 Q4", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Remind who has not submitted" })).toBeVisible();
  const { dialog, count } = await openNudge(page);
  const recipients = await listed(dialog.getByRole("list", { name: "Who gets the reminder" }));
  expect(recipients.length).toBe(count);
  const skipped = await listed(dialog.getByRole("list", { name: "Already reminded today" }));
  expect(skipped.map(([, email]) => email).sort()).toEqual(expect.arrayContaining(managerNudged.map(([, e]) => e)));
  expect(recipients.map(([, email]) => email)).not.toContain("sam.taylor@northwind.example");
  const subject = (await dialog.getByTestId("nudge-subject").textContent()) ?? "";
  expect(subject).toMatch(/^Reminder from Sam Taylor: please submit your 2026 Q4 self-assessment by /);
  await dialog.screenshot({ path: `${shots}/nudge-preview-admin.png` });
  await dialog.getByRole("button", { name: /^Send/ }).click();
  await expect(page.getByTestId("nudge-status")).toHaveText(
    `Reminded ${count} people; ${skipped.length} already reminded today were skipped.`,
  );
  // The first and the last on the list get it; none of the manager's reports gets a second reminder.
  await waitForMail(recipients[0]![1]!, subject);
  await waitForMail(recipients.at(-1)![1]!, subject);
  for (const [, email] of managerNudged) expect(await mailCount(email!, subject)).toBe(0);
  await page.goto("/admin/audit?action=cycle.nudged");
  const audit = page.getByRole("table", { name: /Audit entries/ }).getByRole("row", { name: /cycle\.nudged/ });
  await expect(audit.filter({ hasText: "Sam Taylor" }).first()).toBeVisible();
  await expect(audit.filter({ hasText: "Daniel Okafor" }).first()).toBeVisible();
});

test("the finalize confirmation on the review page", async ({ managerPage: page }) => {
  await page.goto("/team/review");
  await page.getByLabel("Status").selectOption({ label: "Awaiting your review" });
  await page.getByRole("table").getByRole("link").first().click();
  // The ratings start blank: Finalize says so at once and asks nothing until the review is complete.
  await page.getByRole("button", { name: "Finalize" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Complete the review before you finish it.");
  const dialog = page.getByRole("dialog", { name: /^Finalize .*'s review\?$/ });
  await expect(dialog).toBeHidden();
  await rateAll(page, 3);
  await page.getByRole("button", { name: "Finalize" }).click();
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: `${shots}/finalize-confirm.png` });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});
