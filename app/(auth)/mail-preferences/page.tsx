import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { mailPreferencesOf } from "@/db/queries/notifications";
import { NOTIFICATION_KIND_TEXT } from "@/lib/notifications/kinds";
import { verifyMailPreferenceLink } from "@/lib/notifications/preference-link";
import { MailPreferenceForm } from "./mail-preference-form";

export const metadata: Metadata = { title: "Mail preferences" };

type Search = { p?: string; k?: string; s?: string };

/**
 * Where a mail's "turn it off" link lands. The change itself is a button (a POST), so a mail
 * scanner that follows links cannot change anything.
 */
export default async function MailPreferencesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const link = verifyMailPreferenceLink(params);
  if (!link) {
    return (
      <AuthCard title="This link does not work" subtitle="It may be cut short. Sign in and choose under Notifications.">
        <Link href="/login" className="font-medium text-[var(--color-accent)] underline underline-offset-2">
          Sign in
        </Link>
      </AuthCard>
    );
  }
  const preferences = await mailPreferencesOf(link.personId);
  const label = NOTIFICATION_KIND_TEXT[link.kind].label;
  return (
    <AuthCard title="Mail preferences" subtitle="One kind of mail, for the person the link was sent to.">
      <MailPreferenceForm
        link={{ p: String(link.personId), k: link.kind, s: params.s ?? "" }}
        label={label}
        mail={preferences[link.kind]}
      />
    </AuthCard>
  );
}
