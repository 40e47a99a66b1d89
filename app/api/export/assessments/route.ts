import { assessmentsCsvStream } from "@/db/queries/export";
import { getCurrentActor } from "@/lib/dal";
import { unknownDepartment } from "@/lib/export-params";
import { parseId } from "@/lib/params";
import { calmWhenDatabaseDown } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** GET ?from=2026 Q1&to=2026 Q3&department=<id>: a streamed CSV of the assessments the caller may see. */
export const GET = calmWhenDatabaseDown("text", async (request: Request) => {
  const actor = await getCurrentActor();
  if (!actor) return new Response("Sign in first.\n", { status: 401 });
  const params = new URL(request.url).searchParams;
  const department = params.get("department");
  const departmentId = department ? parseId(department) : null;
  if (department && !departmentId) return unknownDepartment();
  const stream = await assessmentsCsvStream(actor, {
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    departmentId: departmentId ?? undefined,
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="assessments-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
