import { organizationCsvStream } from "@/db/queries/export";
import { hasRole, ORGANIZATION_ROLES } from "@/lib/authz";
import { getCurrentActor } from "@/lib/dal";
import { csvDownload, exportFilters, unknownDepartment } from "@/lib/export-params";
import { calmWhenDatabaseDown } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** GET ?from=&to=&department=: the Organization page's aggregates as CSV, for leaders and admins. */
export const GET = calmWhenDatabaseDown("text", async (request: Request) => {
  const actor = await getCurrentActor();
  if (!actor) return new Response("Sign in first.\n", { status: 401 });
  if (!hasRole(actor, ORGANIZATION_ROLES))
    return new Response("Only leaders and admins can export the organisation's figures.\n", { status: 403 });
  const filters = exportFilters(request);
  if (!filters) return unknownDepartment();
  return csvDownload(await organizationCsvStream(actor, filters), "organization");
});
