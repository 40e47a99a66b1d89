import { DATABASE_UNREACHABLE, isDatabaseUnreachable } from "@/db/errors";
import { applyImport, dryRunImport } from "@/db/queries/import";
import { ActionError } from "@/lib/action-state";
import { AccessDeniedError } from "@/lib/authz";
import { getCurrentActor } from "@/lib/dal";
import type { DryRunPlan } from "@/lib/import/people-csv";
import { IMPORT_MAX_BYTES } from "@/lib/limits";
import { sameOriginHandler } from "@/lib/request-origin";
import { calmWhenDatabaseDown } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

const SHOWN_ROWS = 500;

const tooLarge = () =>
  Response.json(
    { error: "The file is larger than 10 MB. Split it into smaller files; nothing was imported." },
    { status: 413 },
  );

/**
 * The body as text, counted in bytes as it arrives — a chunked body has no Content-Length to check
 * first — or null once it passes the limit: refused whole, never cut short. The rest of an
 * oversized body is read and dropped (up to a few times the limit), so the client is still
 * listening when the refusal comes.
 */
async function bodyWithin(request: Request, maxBytes: number) {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > 4 * maxBytes) {
      await reader.cancel();
      break;
    }
    if (bytes <= maxBytes) parts.push(value);
  }
  return bytes > maxBytes ? null : Buffer.concat(parts).toString("utf8");
}

/**
 * POST the CSV text. `?mode=dry-run` answers with the plan as JSON; `?mode=apply` streams progress
 * as newline-delimited JSON while the one transaction runs, then the summary or the refusal.
 */
export const POST = sameOriginHandler(
  "text/csv",
  calmWhenDatabaseDown("json", async (request: Request) => {
    const actor = await getCurrentActor();
    if (!actor) return Response.json({ error: "Sign in first." }, { status: 401 });
    if (actor.role !== "admin") return Response.json({ error: "Only admins can import people." }, { status: 403 });
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > IMPORT_MAX_BYTES) return tooLarge();
    const text = await bodyWithin(request, IMPORT_MAX_BYTES);
    if (text === null) return tooLarge();
    if (!text.trim()) return Response.json({ error: "The file is empty." }, { status: 400 });
    const mode = new URL(request.url).searchParams.get("mode");

    if (mode === "dry-run") {
      try {
        const plan = await dryRunImport(actor, text);
        // Every rejected row is shown; of the others, the first few hundred.
        const rejected = plan.rows.filter((r) => r.outcome === "reject");
        const others = plan.rows.filter((r) => r.outcome !== "reject").slice(0, SHOWN_ROWS);
        const summary: DryRunPlan = {
          missingColumns: plan.missingColumns,
          counts: plan.counts,
          total: plan.rows.length,
          newTeams: plan.newTeams,
          newDepartments: plan.newDepartments,
          rows: [...rejected, ...others].sort((a, b) => a.line - b.line),
        };
        return Response.json(summary);
      } catch (error) {
        if (error instanceof AccessDeniedError) return Response.json({ error: error.message }, { status: 403 });
        throw error;
      }
    }
    if (mode !== "apply") return Response.json({ error: "mode must be dry-run or apply" }, { status: 400 });

    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (message: Record<string, unknown>) =>
          controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
        try {
          const summary = await applyImport(actor, text, (p) => send({ type: "progress", ...p }));
          send({ type: "done", summary });
        } catch (error) {
          if (error instanceof ActionError || error instanceof AccessDeniedError)
            send({ type: "error", message: error.message });
          else if (isDatabaseUnreachable(error)) send({ type: "error", message: DATABASE_UNREACHABLE });
          else {
            console.error("Import failed", error);
            send({
              type: "error",
              message: "The import failed on our side and was rolled back: nothing was imported.",
            });
          }
        } finally {
          controller.close();
        }
      },
    });
    return new Response(stream, {
      headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
    });
  }),
);
