import { configuredOrigins } from "@/lib/env";

/**
 * Whether a state-changing request comes from the app's own pages. Browsers send Origin on every
 * POST; a missing or "null" Origin (sandboxed frames, some redirects) is refused. X-Forwarded-Host
 * is never trusted: behind a proxy that rewrites Host, set APP_URL.
 */
export function isAllowedOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const configured = configuredOrigins();
  if (configured) return configured.includes(parsed.origin);
  const host = headers.get("host");
  return host !== null && parsed.host === host.toLowerCase();
}

function mediaTypeOf(headers: Headers) {
  return (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Wraps a state-changing route handler: a cross-origin request is refused with 403 and a body of
 * another media type with 415, before the handler reads anything.
 */
export function sameOriginHandler<Args extends unknown[]>(
  contentType: string,
  handler: (request: Request, ...rest: Args) => Promise<Response>,
) {
  return async (request: Request, ...rest: Args): Promise<Response> => {
    if (!isAllowedOrigin(request.headers)) {
      return Response.json({ error: "Cross-origin requests are refused." }, { status: 403 });
    }
    if (mediaTypeOf(request.headers) !== contentType) {
      return Response.json({ error: `Send the body as ${contentType}.` }, { status: 415 });
    }
    return handler(request, ...rest);
  };
}
