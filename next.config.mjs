/** Hosts allowed to call server actions, from APP_URL and ALLOWED_ORIGINS (see lib/env.ts and the README). */
function serverActionHosts() {
  return [process.env.APP_URL, ...(process.env.ALLOWED_ORIGINS ?? "").split(",")]
    .map((origin) => origin?.trim())
    .filter(Boolean)
    .map((origin) => new URL(origin).host);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    authInterrupts: true,
    serverActions: { allowedOrigins: serverActionHosts() },
  },
  poweredByHeader: false,
  // The Content-Security-Policy, with its per-request nonce, is set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
