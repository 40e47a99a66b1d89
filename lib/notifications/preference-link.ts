import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KINDS } from "@/db/queries/notifications";
import type { NotificationKind } from "@/db/schema";
import { appBaseUrl } from "@/lib/app-url";

/**
 * The one-click link in every notification mail that turns that kind of mail off: it names the
 * person and the kind and is signed with AUTH_SECRET, so it works without signing in and cannot be
 * made for someone else. It only ever changes that one preference.
 */
function signature(personId: number, kind: NotificationKind) {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return createHmac("sha256", secret).update(`mail-preference:${personId}:${kind}`).digest("base64url");
}

export function mailPreferenceUrl(personId: number, kind: NotificationKind) {
  const params = new URLSearchParams({ p: String(personId), k: kind, s: signature(personId, kind) });
  return `${appBaseUrl()}/mail-preferences?${params}`;
}

/** The person and kind a link names, when its signature is right; null otherwise. */
export function verifyMailPreferenceLink(input: { p?: string; k?: string; s?: string }) {
  const personId = Number(input.p);
  const kind = NOTIFICATION_KINDS.find((k) => k === input.k);
  if (!Number.isInteger(personId) || personId <= 0 || !kind || !input.s) return null;
  const expected = Buffer.from(signature(personId, kind));
  const given = Buffer.from(input.s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { personId, kind };
}
