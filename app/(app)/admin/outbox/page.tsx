import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listOutboxMails } from "@/db/queries/outbox";
import { requireRole } from "@/lib/dal";
import { serverEnv } from "@/lib/env";
import { dateFormatters } from "@/lib/locale";

export const metadata: Metadata = { title: "Outbox · Admin" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const actor = await requireRole("admin");
  const { before } = await searchParams;
  const beforeId = Number(before) > 0 ? Number(before) : undefined;
  const [{ rows, hasMore }, { exactDateTime: time }] = await Promise.all([
    listOutboxMails(actor, beforeId),
    dateFormatters(),
  ]);
  const smtp = Boolean(serverEnv().SMTP_URL);
  return (
    <>
      <PageHeader
        title="Outbox"
        description={
          smtp
            ? "Mail now goes out through the configured SMTP server. These are the mails kept before it was set up."
            : "No mail server is configured (SMTP_URL), so mails are kept here and written to the server log instead of being sent. Set SMTP_URL and MAIL_FROM to send them."
        }
      />
      <Card>
        <section className="overflow-x-auto" aria-label="Mails">
          <table className="w-full text-sm">
            <caption className="sr-only">Mails, newest first</caption>
            <thead>
              <tr className="border-b border-line text-left">
                <th scope="col" className="px-2 py-2 font-medium">
                  When
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  To
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Subject
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-line align-top last:border-0">
                  <td className="whitespace-nowrap px-2 py-2 tabular-nums">{time.format(row.createdAt)}</td>
                  <td className="break-all px-2 py-2">{row.to}</td>
                  <td className="px-2 py-2">
                    <Link
                      href={`/admin/outbox/${row.id}`}
                      className="text-[var(--color-accent)] hover:underline dark:text-indigo-300"
                    >
                      {row.subject}
                    </Link>
                  </td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={3} className="text-muted px-3 py-6 text-center">
                    No mails yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
        {hasMore && (
          <p className="mt-4 text-sm">
            <Link
              href={`/admin/outbox?before=${rows.at(-1)?.id ?? ""}`}
              className="text-[var(--color-accent)] hover:underline dark:text-indigo-300"
            >
              Older mails →
            </Link>
          </p>
        )}
      </Card>
    </>
  );
}
