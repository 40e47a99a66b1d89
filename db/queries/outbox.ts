import "server-only";
import { desc, eq, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { outboxMails } from "@/db/schema";
import { type Actor, assertRole } from "@/lib/authz";

export async function recordOutboxMail(mail: typeof outboxMails.$inferInsert) {
  const db = await getDb();
  const [row] = await db.insert(outboxMails).values(mail).returning({ id: outboxMails.id });
  return row!.id;
}

const OUTBOX_PAGE_SIZE = 50;

/** The outbox, newest first, one page at a time (keyset on id). Admins only: mails hold sign-in links. */
export async function listOutboxMails(actor: Actor, before?: number) {
  assertRole(actor, ["admin"]);
  const db = await getDb();
  const rows = await db
    .select({
      id: outboxMails.id,
      createdAt: outboxMails.createdAt,
      template: outboxMails.template,
      to: outboxMails.to,
      subject: outboxMails.subject,
    })
    .from(outboxMails)
    .where(before ? lt(outboxMails.id, before) : undefined)
    .orderBy(desc(outboxMails.id))
    .limit(OUTBOX_PAGE_SIZE + 1);
  return { rows: rows.slice(0, OUTBOX_PAGE_SIZE), hasMore: rows.length > OUTBOX_PAGE_SIZE };
}

export async function getOutboxMail(actor: Actor, id: number) {
  assertRole(actor, ["admin"]);
  const db = await getDb();
  const [row] = await db.select().from(outboxMails).where(eq(outboxMails.id, id));
  return row ?? null;
}
