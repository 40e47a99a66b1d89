import { parseId } from "@/lib/params";

/** The answer to an export asked for a department id that can name no department. */
export const unknownDepartment = () =>
  new Response("Unknown department: choose one from the Organization page's filter.\n", {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });

/**
 * An export's filters from its query string (?from=&to=&department=), or null when the department
 * is not an id (answer it with `unknownDepartment()`).
 */
export function exportFilters(request: Request) {
  const params = new URL(request.url).searchParams;
  const department = params.get("department");
  const departmentId = department ? parseId(department) : null;
  if (department && !departmentId) return null;
  return {
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    departmentId: departmentId ?? undefined,
  };
}

/** A streamed CSV download, named `<name>-<today>.csv`, that no cache keeps. */
export function csvDownload(stream: ReadableStream, name: string) {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
