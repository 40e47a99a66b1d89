/**
 * Characters a browser drops or treats as a slash when it reads a URL, so "/\t/evil.example" or
 * "/\\evil.example" would lead to another site: control characters and the backslash.
 */
function hasUnsafeCharacter(path: string) {
  for (const char of path) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === "\\") return true;
  }
  return false;
}

/**
 * Where to go after signing in: only a path on this site, so a crafted link cannot send someone
 * elsewhere. Anything else (another origin, a protocol-relative "//host", a backslash, a control
 * character, or one of these percent-encoded) gives the home page, "/".
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let decoded = value;
  // Decoded until stable, so "/%2F%2Fevil.example" and its double encoding are seen for what they are.
  for (let i = 0; i < 5; i++) {
    let next = decoded;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      // A lone "%" (say, in a search) decodes no further; what is there is checked below.
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (decoded.startsWith("//") || hasUnsafeCharacter(decoded)) return "/";
  const base = "http://same-site.invalid";
  return new URL(value, base).origin === base ? value : "/";
}
