import { startSmtpServer } from "../tests/helpers/smtp-server";
import { E2E_SMTP_PORT, emptyMailbox, MAILBOX_DIR } from "./mailbox";

/** A real SMTP server for the whole run: the app sends to it (SMTP_URL), specs read e2e/mailbox.ts. */
export default async function globalSetup() {
  emptyMailbox();
  const smtp = await startSmtpServer({ port: E2E_SMTP_PORT, folder: MAILBOX_DIR });
  return () => smtp.close();
}
