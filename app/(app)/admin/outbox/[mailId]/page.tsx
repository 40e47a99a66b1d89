import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getOutboxMail } from "@/db/queries/outbox";
import { requireRole } from "@/lib/dal";
import { dateFormatters } from "@/lib/locale";

export const metadata: Metadata = { title: "Mail · Outbox · Admin", referrer: "no-referrer" };

export default async function OutboxMailPage({ params }: { params: Promise<{ mailId: string }> }) {
  const actor = await requireRole("admin");
  const id = Number((await params).mailId);
  const mail = Number.isInteger(id) && id > 0 ? await getOutboxMail(actor, id) : null;
  if (!mail) notFound();
  const { exactDateTime: time } = await dateFormatters();
  return (
    <>
      <PageHeader title={mail.subject} description={`To ${mail.to} · ${time.format(mail.createdAt)}`}>
        <Link href="/admin/outbox" className="text-sm text-[var(--color-accent)] hover:underline dark:text-indigo-300">
          ← Outbox
        </Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="As HTML">
          {/* sandbox="" runs no script and loads the mail in an opaque origin. */}
          <iframe
            title="The mail as HTML"
            sandbox=""
            srcDoc={mail.html}
            className="h-[32rem] w-full rounded border border-line bg-white"
          />
        </Card>
        <Card title="As plain text">
          <pre data-testid="mail-text" className="whitespace-pre-wrap break-words font-sans text-sm">
            {mail.text}
          </pre>
        </Card>
      </div>
    </>
  );
}
