import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { mailPreferencesOf, myNotifications, NOTIFICATION_KINDS } from "@/db/queries/notifications";
import { requireActor } from "@/lib/dal";
import { dateFormatters } from "@/lib/locale";
import { NOTIFICATION_KIND_TEXT } from "@/lib/notifications/kinds";
import { MailPreferencesForm, MarkAllReadForm } from "./notification-forms";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActor();
  const [{ rows, unread }, preferences, formats] = await Promise.all([
    myNotifications(actor),
    mailPreferencesOf(actor.id),
    dateFormatters(),
  ]);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={unread === 0 ? "Nothing unread." : `${unread} unread. Open one to go where it points.`}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card title="Latest">
          {rows.length === 0 ? (
            <p className="text-muted">No notifications yet. You will see here when a cycle opens or a review moves.</p>
          ) : (
            <>
              <ul className="divide-y divide-[var(--color-line)]" aria-label="Notifications">
                {rows.map((n) => (
                  <li key={n.id} className="flex items-start gap-3 py-3">
                    <span
                      aria-hidden="true"
                      className={`mt-2 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-[var(--color-accent)]"}`}
                    />
                    <div className="min-w-0">
                      {/* A plain link: a prefetch must not mark it read, and the bell reloads with the page. */}
                      <a
                        href={`/notifications/${n.id}`}
                        className={`underline-offset-2 hover:underline ${n.readAt ? "" : "font-semibold"}`}
                      >
                        {n.title}
                        {!n.readAt && <span className="sr-only"> (unread)</span>}
                      </a>
                      <p className="text-muted text-xs">
                        {NOTIFICATION_KIND_TEXT[n.kind].label} · {formats.dateTime.format(n.createdAt)}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
              {unread > 0 && (
                <div className="mt-4">
                  <MarkAllReadForm />
                </div>
              )}
            </>
          )}
        </Card>
        <Card title="Mail">
          <MailPreferencesForm
            kinds={NOTIFICATION_KINDS.map((kind) => ({
              kind,
              label: NOTIFICATION_KIND_TEXT[kind].label.toLowerCase(),
              mail: preferences[kind],
            }))}
          />
        </Card>
      </div>
    </>
  );
}
