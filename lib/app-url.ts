import { serverEnv } from "@/lib/env";

/**
 * Where links in mails point: APP_URL, else the local server. Never the request's Host header,
 * which a stranger controls (a reset link for someone else pointing at the stranger's site).
 */
export function appBaseUrl() {
  const configured = serverEnv().APP_URL;
  if (configured) return configured.replace(/\/$/, "");
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

export function setPasswordUrl(token: string) {
  return `${appBaseUrl()}/set-password?token=${encodeURIComponent(token)}`;
}
