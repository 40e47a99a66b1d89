import "server-only";
import { and, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db";
import { containsPattern, escapeLike } from "@/db/helpers";
import { databaseFor } from "@/db/queries/database-for";
import { auditLog, people } from "@/db/schema";
import type { Actor } from "@/lib/authz";

export type AuditEntryInput = {
  actorId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
  ip?: string;
};

type Executor = Pick<Database, "insert">;

function auditRow(entry: AuditEntryInput) {
  return {
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? {},
    ip: entry.ip?.slice(0, 64) ?? null,
  };
}

/** Writes one audit entry; pass a transaction so the entry stands or falls with the change it records. */
export async function recordAudit(entry: AuditEntryInput, executor?: Executor) {
  const db = executor ?? (await getDb());
  await db.insert(auditLog).values(auditRow(entry));
}

export type AuditFilter = {
  action?: string;
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
  before?: number;
};

const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, filtered, one page at a time (keyset on id). Admins only. */
export async function listAuditEntries(actor: Actor, filter: AuditFilter) {
  const db = await databaseFor(actor, ["admin"]);
  const conditions: SQL[] = [];
  if (filter.action)
    conditions.push(or(eq(auditLog.action, filter.action), ilike(auditLog.action, `${escapeLike(filter.action)}.%`))!);
  if (filter.actor)
    conditions.push(
      or(ilike(people.email, containsPattern(filter.actor)), ilike(people.name, containsPattern(filter.actor)))!,
    );
  if (filter.target)
    conditions.push(or(eq(auditLog.targetId, filter.target), ilike(auditLog.targetType, escapeLike(filter.target)))!);
  if (filter.from) conditions.push(gte(auditLog.at, sql`${filter.from}::date`));
  if (filter.to) conditions.push(lt(auditLog.at, sql`${filter.to}::date + 1`));
  if (filter.before) conditions.push(lt(auditLog.id, filter.before));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorName: people.name,
      actorEmail: people.email,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** The distinct actions recorded so far, for the filter's choices. */
export async function listAuditActions(actor: Actor) {
  const db = await databaseFor(actor, ["admin"]);
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
