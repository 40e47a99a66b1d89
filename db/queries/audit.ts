import "server-only";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditEntryInput = {
  actorId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
  ip?: string;
};

export async function recordAudit(entry: AuditEntryInput) {
  const db = await getDb();
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: entry.details ?? {},
    ip: entry.ip?.slice(0, 64) ?? null,
  });
}
