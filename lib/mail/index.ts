import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { recordOutboxMail } from "@/db/queries/outbox";
import { organizationName, PRODUCT_NAME, serverEnv } from "@/lib/env";
import { type MailContent, type RenderedMail, renderLayout } from "./layout";
import { type MailBrand, type MailTemplateData, type MailTemplateName, mailTemplates } from "./templates";

export type { MailTemplateData, MailTemplateName } from "./templates";

export type MailRecipient = { email: string; name?: string };
export type MailDelivery = { via: "smtp"; messageId: string } | { via: "outbox"; outboxId: number };

/** The subject, plain text and HTML of a template, with the product's and organisation's names: exactly what is sent. */
export function renderMail<Name extends MailTemplateName>(template: Name, data: MailTemplateData<Name>): RenderedMail {
  const brand = { product: PRODUCT_NAME, organization: organizationName() };
  const build = mailTemplates[template] as (data: MailTemplateData<Name>, brand: MailBrand) => MailContent;
  return renderLayout(build(data, brand), brand);
}

const globalForMail = globalThis as unknown as { leverageSmtp?: { url: string; transport: Transporter } };

function smtpTransport(url: string) {
  if (globalForMail.leverageSmtp?.url !== url) {
    globalForMail.leverageSmtp = { url, transport: nodemailer.createTransport(url) };
  }
  return globalForMail.leverageSmtp.transport;
}

/**
 * Sends one templated mail: through SMTP when SMTP_URL is set, otherwise into the outbox table
 * (Admin → Outbox) and the server log. Throws when the SMTP server refuses; callers decide whether
 * that fails their action or is retried.
 */
export async function sendMail<Name extends MailTemplateName>(
  to: MailRecipient,
  template: Name,
  data: MailTemplateData<Name>,
): Promise<MailDelivery> {
  const env = serverEnv();
  const mail = renderMail(template, data);
  if (env.SMTP_URL) {
    const info = await smtpTransport(env.SMTP_URL).sendMail({
      from: env.MAIL_FROM,
      to: to.name ? { name: to.name, address: to.email } : to.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    return { via: "smtp", messageId: info.messageId };
  }
  const outboxId = await recordOutboxMail({ template, to: to.email, ...mail });
  console.log(`[mail → outbox #${outboxId}] to ${to.email}: ${mail.subject}\n${mail.text}`);
  return { via: "outbox", outboxId };
}
