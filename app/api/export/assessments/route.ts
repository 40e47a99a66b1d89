import { assessmentsCsvStream } from "@/db/queries/export";
import { getCurrentActor } from "@/lib/dal";
import { csvDownload, exportFilters, unknownDepartment } from "@/lib/export-params";
import { calmWhenDatabaseDown } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** GET ?from=2026 Q1&to=2026 Q3&department=<id>: a streamed CSV of the assessments the caller may see. */
export const GET = calmWhenDatabaseDown("text", async (request: Request) => {
  const actor = await getCurrentActor();
  if (!actor) return new Response("Sign in first.\n", { status: 401 });
  const filters = exportFilters(request);
  if (!filters) return unknownDepartment();
  return csvDownload(await assessmentsCsvStream(actor, filters), "assessments");
});
