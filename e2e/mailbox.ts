import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { type ParsedMail, simpleParser } from "mailparser";

/** Where the SMTP server of e2e/global-setup.ts writes each delivered message, one .eml per mail. */
export const MAILBOX_DIR = path.join(process.cwd(), "data", `e2e-mail-${process.env.E2E_PORT ?? 3100}`);
export const E2E_SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 1000;

export function emptyMailbox() {
  rmSync(MAILBOX_DIR, { recursive: true, force: true });
  mkdirSync(MAILBOX_DIR, { recursive: true });
}

async function mailsTo(address: string) {
  const files = readdirSync(MAILBOX_DIR).sort();
  const mails: ParsedMail[] = [];
  for (const file of files) {
    const mail = await simpleParser(readFileSync(path.join(MAILBOX_DIR, file)));
    const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    if (to.some((t) => t.value.some((v) => v.address === address))) mails.push(mail);
  }
  return mails;
}

/** How many mails an address has received so far (with that subject, when one is given). */
export async function mailCount(address: string, subject?: string) {
  return (await mailsTo(address)).filter((mail) => subject === undefined || mail.subject === subject).length;
}

/**
 * Waits for the `count`-th mail with this subject to an address and returns it. Other mails the
 * address gets meanwhile (a cycle another spec opened notifies everyone) are not counted.
 */
export async function waitForMail(address: string, subject: string, count = 1): Promise<ParsedMail> {
  let found: ParsedMail[] = [];
  await expect
    .poll(
      async () => {
        found = (await mailsTo(address)).filter((mail) => mail.subject === subject);
        return found.length;
      },
      { timeout: 15_000, message: `mail "${subject}" to ${address}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found[count - 1]!;
}

/** The set-password link in a mail's plain-text body. */
export function setPasswordLink(mail: ParsedMail) {
  const match = mail.text?.match(/https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/);
  if (!match) throw new Error(`no set-password link in: ${mail.text}`);
  return match[0];
}
