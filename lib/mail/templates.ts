import { dateFormattersFor } from "@/lib/locale";
import type { MailContent } from "./layout";

// A mail has no visitor to take a locale from.
const { dateTime } = dateFormattersFor("en-GB");
const until = (date: Date) => dateTime.format(date);

export type MailBrand = { product: string; organization: string };

type NotificationMailData = {
  name: string;
  title: string;
  url: string;
  action: string;
  kindLabel: string;
  preferenceUrl: string;
};

/** The last line of every notification mail: why it came, and the one-click link to stop this kind. */
const preferenceNote = (data: NotificationMailData, brand: MailBrand) => ({
  kind: "note" as const,
  text: `You get this mail because mail for “${data.kindLabel}” is on in ${brand.product}. Turn it off with one click: ${data.preferenceUrl}`,
});

/**
 * Every mail the app sends, by name: each takes its data and the brand and returns its content.
 * Add a template here and `sendMail` accepts it, typed by its data.
 */
export const mailTemplates = {
  invitation: (
    data: { name: string; invitedBy: string; url: string; expiresAt: Date },
    brand: MailBrand,
  ): MailContent => ({
    subject: `${data.invitedBy} invited you to ${brand.product}`,
    greeting: `Hello ${data.name},`,
    blocks: [
      {
        kind: "paragraph",
        text: `${data.invitedBy} invited you to ${brand.product} at ${brand.organization}, where you rate each quarter where your work sits on the career leverage ladder and see how it moves.`,
      },
      { kind: "paragraph", text: "Choose a password to get started:" },
      { kind: "button", label: "Set your password", url: data.url },
      {
        kind: "note",
        text: `The link works once and until ${until(data.expiresAt)}. If it has expired, ask your administrator to send a new invitation.`,
      },
    ],
  }),
  passwordReset: (data: { name: string; url: string; expiresAt: Date }, brand: MailBrand): MailContent => ({
    subject: `Reset your ${brand.product} password`,
    greeting: `Hello ${data.name},`,
    blocks: [
      {
        kind: "paragraph",
        text: `Someone — hopefully you — asked to reset the password of your ${brand.product} account at ${brand.organization}.`,
      },
      { kind: "button", label: "Choose a new password", url: data.url },
      {
        kind: "note",
        text: `The link works once and until ${until(data.expiresAt)}. If you did not ask for it, ignore this mail: your password stays as it is.`,
      },
    ],
  }),
  passwordChanged: (data: { name: string; at: Date }, brand: MailBrand): MailContent => ({
    subject: `Your ${brand.product} password was changed`,
    greeting: `Hello ${data.name},`,
    blocks: [
      {
        kind: "paragraph",
        text: `The password of your ${brand.product} account at ${brand.organization} was changed on ${until(data.at)}, and every other signed-in browser was signed out.`,
      },
      {
        kind: "note",
        text: "If this was not you, use “Forgot your password?” on the sign-in page at once and tell your administrator.",
      },
    ],
  }),
  /** Any in-app notification by mail: what happened, a link to it, and a link to stop this kind. */
  notification: (data: NotificationMailData, brand: MailBrand): MailContent => ({
    subject: data.title,
    greeting: `Hello ${data.name},`,
    blocks: [
      { kind: "paragraph", text: data.title },
      { kind: "button", label: data.action, url: data.url },
      preferenceNote(data, brand),
    ],
  }),
  /**
   * A new comment on a review. The comment itself stays in the app: the conversation is between
   * the two people, and a copy in a mailbox would outlive it and escape its audit.
   */
  reviewComment: (data: NotificationMailData, brand: MailBrand): MailContent => ({
    subject: data.title,
    greeting: `Hello ${data.name},`,
    blocks: [
      { kind: "paragraph", text: `${data.title}.` },
      {
        kind: "paragraph",
        text: `The conversation on a review stays between the two of you, so the comment is not in this mail: read it and reply in ${brand.product}.`,
      },
      { kind: "button", label: data.action, url: data.url },
      preferenceNote(data, brand),
    ],
  }),
} satisfies Record<string, (data: never, brand: MailBrand) => MailContent>;

export type MailTemplateName = keyof typeof mailTemplates;
export type MailTemplateData<Name extends MailTemplateName> = Parameters<(typeof mailTemplates)[Name]>[0];
