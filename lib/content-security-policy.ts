/**
 * The page's Content-Security-Policy: scripts only with this request's nonce (Next adds it to its
 * own scripts when it finds the policy on the request), nothing framed, nothing posted elsewhere.
 * Style attributes stay allowed: bars and swatches size themselves with them, and a style
 * attribute cannot run script.
 */
export function contentSecurityPolicy(nonce: string, development = false) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS only where the app is reached over https: on plain http it would lock a browser out. */
export function sendsHsts(requestUrl: URL, appUrl: string | undefined) {
  return requestUrl.protocol === "https:" || Boolean(appUrl?.startsWith("https:"));
}
