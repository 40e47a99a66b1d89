import { organizationCsvStream } from "@/db/queries/export";
import { hasRole, ORGANIZATION_ROLES } from "@/lib/authz";
import { getCurrentActor } from "@/lib/dal";
import { unknownDepartment } from "@/lib/export-params";
import { parseId } from "@/lib/params";
import { calmWhenDatabaseDown } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** GET ?from=&to=&department=: the Organization page's aggregates as CSV, for leaders and admins. */
export const GET = calmWhenDatabaseDown("text", async (request: Request) => {
  const actor = await getCurrentActor();
  if (!actor) return new Response("Sign in first.\n", { status: 401 });
  if (!hasRole(actor, ORGANIZATION_ROLES))
    return new Response("Only leaders and admins can export the organisation's figures.\n", { status: 403 });
  const params = new URL(request.url).searchParams;
  const department = params.get("department");
  const departmentId = department ? parseId(department) : null;
  if (department && !departmentId) return unknownDepartment();
  const stream = await organizationCsvStream(actor, {
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    departmentId: departmentId ?? undefined,
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="organization-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
