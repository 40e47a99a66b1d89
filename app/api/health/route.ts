import { pingDatabase } from "@/db";
import { calmWhenDatabaseDown } from "@/lib/route-handler";

/**
 * For a load balancer's or an orchestrator's health check: 200 once this process serves and its
 * database answers, the calm 503 (JSON, Retry-After) while it cannot reach it. Public, and it says
 * nothing else about the app or the organisation.
 */
export const GET = calmWhenDatabaseDown("json", async () => {
  await pingDatabase();
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
});
