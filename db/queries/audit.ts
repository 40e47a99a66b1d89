import "server-only";
import { getDb, type Database } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditEntryInput = {
  actorId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
  ip?: string;
};

/** Pass the transaction as `db` when the entry must commit or roll back with the change it records. */
export async function recordAudit(entry: AuditEntryInput, db?: Pick<Database, "insert">) {
  await (db ?? (await getDb())).insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? {},
    ip: entry.ip?.slice(0, 64) ?? null,
  });
}
