import type { Page } from "@playwright/test";
import { emailFor } from "../db/demo/model";
import { demoAccount, expect, expectNoSeriousViolations, rateAll, signInAs, test } from "./fixtures";
import { waitForMail } from "./mailbox";

const shots = "screenshots";

const thread = (page: Page) => page.locator("#conversation");

test("an employee and their manager talk about the review, the employee acknowledges it, and the board shows it", async ({
  managerPage: manager,
  adminPage: admin,
  browser,
}) => {
  test.setTimeout(90_000);
  const managerEmail = demoAccount("manager").email;
  // Someone awaiting review whom the other specs leave alone (they use Tomás, Grace and the last one listed).
  await manager.goto("/team/review");
  const cycle = /^(.+) review$/.exec((await manager.getByRole("heading", { level: 1 }).textContent()) ?? "")?.[1];
  expect(cycle).toBeTruthy();
  await manager.getByLabel("Status").selectOption({ label: "Awaiting your review" });
  const names = (await manager.getByRole("table").getByRole("row").getByRole("link").allTextContents()).filter(
    (n) => !["Tomás Herrera", "Grace Liu"].includes(n),
  );
  const name = names[0]!;
  const email = emailFor(name);
  await manager.getByRole("table").getByRole("link", { name }).click();
  await expect(manager).toHaveURL(/\/team\/review\/\d+$/);
  const personId = /\/team\/review\/(\d+)/.exec(manager.url())?.[1];

  // The manager writes first.
  await expect(thread(manager).getByRole("heading", { name: `Conversation on the ${cycle} review` })).toBeVisible();
  await expect(thread(manager)).toContainText("No comments yet");
  await thread(manager).getByLabel(`Write to ${name}`).fill("What was the hardest decision you made this quarter?");
  await thread(manager).getByRole("button", { name: "Send comment" }).click();
  await expect(thread(manager).getByTestId("review-comment")).toHaveCount(1);
  await expect(thread(manager).getByTestId("review-comment").first()).toContainText("You");
  await expect(thread(manager).getByLabel(`Write to ${name}`)).toHaveValue("");

  // The employee is told in the bell and by mail, which does not carry the comment itself.
  const mail = await waitForMail(email, `Daniel Okafor commented on your ${cycle} review`);
  expect(mail.text).toContain("Read and reply");
  expect(mail.text).not.toContain("hardest decision");
  const mailPage = await (await browser.newContext()).newPage();
  await mailPage.setContent(String(mail.html));
  await mailPage.screenshot({ path: `${shots}/mail-review-comment.png`, fullPage: true });
  await mailPage.context().close();

  const employee = await (await browser.newContext()).newPage();
  await signInAs(employee, email);
  await expect(employee.getByTestId("notification-bell")).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  await employee.getByTestId("notification-bell").click();
  await employee
    .getByRole("link", { name: `Daniel Okafor commented on your ${cycle} review` })
    .first()
    .click();
  await expect(employee).toHaveURL(/\/me#conversation$/);
  await expect(thread(employee)).toContainText("What was the hardest decision you made this quarter?");
  await expect(thread(employee)).toContainText("Daniel Okafor");
  // A refusal keeps what was typed.
  await thread(employee).getByLabel("Write to Daniel Okafor").fill("   ");
  await thread(employee).getByRole("button", { name: "Send comment" }).click();
  await expect(thread(employee).getByText("Write something before you send it.")).toBeVisible();
  await expect(thread(employee).getByLabel("Write to Daniel Okafor")).toHaveValue("   ");
  await thread(employee).screenshot({ path: `${shots}/conversation-comment-refused.png` });
  await thread(employee)
    .getByLabel("Write to Daniel Okafor")
    .fill("Dropping the manual reconciliation.\nIt freed two days a month.");
  await thread(employee).getByRole("button", { name: "Send comment" }).click();
  await expect(thread(employee).getByTestId("review-comment")).toHaveCount(2);
  await expectNoSeriousViolations(employee);
  await thread(employee).screenshot({ path: `${shots}/conversation-employee.png` });

  // The manager is told too, and reads the reply on the review page.
  await waitForMail(managerEmail, `${name} commented on their ${cycle} review`);
  await manager.reload();
  await expect(thread(manager).getByTestId("review-comment")).toHaveCount(2);
  await expect(thread(manager).getByTestId("review-comment").nth(1)).toContainText(
    "Dropping the manual reconciliation.",
  );
  await thread(manager).screenshot({ path: `${shots}/conversation-manager.png` });

  // Acknowledging waits for the final review.
  await employee.reload();
  await expect(employee.getByRole("button", { name: "I have read my review" })).toHaveCount(0);
  await rateAll(manager, 3);
  await manager.getByRole("button", { name: "Finalize" }).click();
  const dialog = manager.getByRole("dialog", { name: /^Finalize .*'s review\?$/ });
  await dialog.getByRole("button", { name: "Lock both assessments" }).click();
  await expect(manager.getByText(new RegExp(`Finalized .*: the final figures for ${cycle} are yours`))).toBeVisible();

  // The "finalized" notification leads to where the employee acknowledges.
  await employee.goto("/notifications");
  await employee
    .getByRole("link", { name: `Daniel Okafor finalized your ${cycle} review` })
    .first()
    .click();
  await expect(employee).toHaveURL(/\/me#conversation$/);
  await expect(employee.getByRole("heading", { name: "Daniel Okafor finalized your review" })).toBeVisible();
  await employee.getByLabel("Comment (optional)").fill("Thanks — a fair review.");
  await thread(employee).screenshot({ path: `${shots}/acknowledge-form.png` });
  await employee.getByRole("button", { name: "I have read my review" }).click();
  await expect(thread(employee).getByTestId("acknowledged-note")).toContainText("You have read the final review");
  await expect(thread(employee).getByTestId("review-comment")).toHaveCount(3);
  await expect(employee.getByRole("button", { name: "I have read my review" })).toHaveCount(0);
  await thread(employee).screenshot({ path: `${shots}/conversation-acknowledged.png` });

  // The manager is told, and the board shows who has read their review.
  await waitForMail(managerEmail, `${name} has read their ${cycle} review and left a comment`);
  await manager.goto("/team/review");
  await expect(manager.getByText(/finalized, [1-9]\d* of them read by the employee/)).toBeVisible();
  await manager.getByLabel("Status").selectOption({ label: "Finalized" });
  const row = manager.getByRole("row").filter({ has: manager.getByRole("link", { name }) });
  await expect(row.getByTestId("acknowledgement")).toContainText("✓ Read");
  await manager.screenshot({ path: `${shots}/board-acknowledged.png`, fullPage: true });

  // An admin reads the conversation only through an action that writes the audit log first.
  await admin.goto(`/admin/people/${personId}`);
  await expect(admin.getByText("Dropping the manual reconciliation.")).toHaveCount(0);
  await admin.getByRole("button", { name: `Read the ${cycle} conversation` }).click();
  await expect(admin.getByText("Your reading is recorded in the audit log.")).toBeVisible();
  await expect(admin.getByText("Dropping the manual reconciliation.")).toBeVisible();
  await admin.screenshot({ path: `${shots}/admin-conversation.png`, fullPage: true });
  await admin.goto("/admin/audit");
  await expect(admin.getByRole("cell", { name: "review.conversation_read" }).first()).toBeVisible();
  await employee.context().close();
});
