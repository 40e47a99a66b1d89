import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listMySignIns, type SessionState } from "@/db/queries/sessions";
import { getCurrentSessionId, requireActor, sessionLimits } from "@/lib/dal";
import { dateFormatters } from "@/lib/locale";
import { signOutEverywhereAction } from "./actions";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "My account" };

const endReasons: Record<string, string> = {
  sign_out: "signed out",
  sign_out_everywhere: "signed out everywhere",
  password_changed: "ended: password changed",
  password_set: "ended: password set",
  deactivated: "ended: deactivated",
  person_updated: "ended: role or email changed",
};

const stateText: Record<Exclude<SessionState, "ended">, string> = {
  open: "open",
  idle: "ended — idle",
  expired: "expired",
};

/** "Firefox on Linux" from a user-agent string, roughly; the full string is in the title. */
function browserOf(userAgent: string | null) {
  if (!userAgent) return "Unknown browser";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const os = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return os ? `${browser} on ${os}` : browser;
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const actor = await requireActor();
  const [sessionId, { dateTime: time }, { changed }] = await Promise.all([
    getCurrentSessionId(),
    dateFormatters(),
    searchParams,
  ]);
  const signIns = await listMySignIns(actor, sessionId, sessionLimits());
  return (
    <>
      <PageHeader title="My account" description={`${actor.name} · ${actor.email}`} />
      {changed && (
        <p className="mb-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200">
          Password changed. Every other browser signed in as you has been signed out.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Change password" description="Changing it signs you out everywhere else.">
          <ChangePasswordForm email={actor.email} />
        </Card>
        <div className="space-y-6">
          <Card
            title="Sign out everywhere"
            description="Ends every session signed in as you — on this and every other device. Use it if you signed in on a computer that is not yours."
          >
            <form action={signOutEverywhereAction}>
              <button
                type="submit"
                className="rounded-md border border-line px-4 py-2 text-sm font-semibold hover:border-[var(--color-accent)]"
              >
                Sign out everywhere
              </button>
            </form>
          </Card>
          <Card title="Recent sign-ins" description="If one is not you, change your password.">
            <ul className="divide-y divide-[var(--color-line,#dde1e8)] text-sm" aria-label="Recent sign-ins">
              {signIns.map((s) => (
                <li key={s.createdAt.toISOString()} className="py-2">
                  <span className="font-medium tabular-nums">{time.format(s.createdAt)}</span>
                  <span className="text-muted"> · from {s.ip ?? "unknown address"} · </span>
                  <span title={s.userAgent ?? undefined}>{browserOf(s.userAgent)}</span>
                  <span className="text-muted block text-xs" data-state={s.current ? "current" : s.state}>
                    {s.current
                      ? "This browser"
                      : s.state === "ended"
                        ? (endReasons[s.endReason ?? ""] ?? "ended")
                        : `${stateText[s.state]} · last active ${time.format(s.lastSeenAt)}`}
                  </span>
                </li>
              ))}
              {signIns.length === 0 && <li className="text-muted py-2">No sign-ins recorded yet.</li>}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
