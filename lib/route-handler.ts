import { DATABASE_UNREACHABLE, isDatabaseUnreachable } from "@/db/errors";

/**
 * Wraps a route handler so that a database outage answers a calm 503 — JSON `{ error }` for the
 * API the app's own scripts call, plain text for what a browser opens directly (downloads, links) —
 * instead of Next's raw 500. Any other error still propagates.
 */
export function calmWhenDatabaseDown<Args extends unknown[]>(
  answer: "json" | "text",
  handler: (request: Request, ...rest: Args) => Promise<Response>,
) {
  return async (request: Request, ...rest: Args): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      console.error(`${new URL(request.url).pathname}: the database is unreachable`, error);
      const headers = { "retry-after": "5", "cache-control": "no-store" };
      return answer === "json"
        ? Response.json({ error: DATABASE_UNREACHABLE }, { status: 503, headers })
        : new Response(`${DATABASE_UNREACHABLE}\n`, {
            status: 503,
            headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
          });
    }
  };
}
