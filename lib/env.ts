import { z } from "zod";

const origin = z.url().transform((value) => new URL(value).origin);
const positiveNumber = z.coerce.number().positive();

const envSchema = z.object({
  DATABASE_URL: z.url().optional(),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  /** "1" seeds and shows the demo organisation; defaults to on for the embedded database only. */
  LEVERAGE_DEMO: z.enum(["0", "1"]).optional(),
  /** Origins besides APP_URL's allowed to send state-changing requests, comma-separated. */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  /** "1" when a reverse proxy that sets X-Forwarded-For sits in front: the client address is read from it. */
  TRUST_PROXY: z.enum(["0", "1"]).optional(),
  /** smtp://user:pass@host:587 or smtps://…; without it mail goes to the outbox (Admin → Outbox). */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("Leverage Ladder <no-reply@leverage-ladder.invalid>"),
  /** The organisation's name in mails and pages. */
  ORGANIZATION_NAME: z.string().min(1).optional(),
  /**
   * The public address of the app: links in mails point to it, and state-changing requests must come
   * from its origin (or ALLOWED_ORIGINS). Without it, the address the request came to.
   */
  APP_URL: z.url().optional(),
  SESSION_IDLE_MINUTES: positiveNumber.default(60),
  SESSION_MAX_HOURS: positiveNumber.default(10),
  INVITE_VALID_DAYS: positiveNumber.default(7),
  RESET_VALID_MINUTES: positiveNumber.default(60),
  /** Days before a cycle's end when those who have not submitted get a reminder. */
  DEADLINE_REMINDER_DAYS: z.coerce.number().int().min(0).max(90).default(3),
  /** Single sign-on (OpenID Connect): all three turn it on; OIDC_NAME labels the button. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(60).optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

export function serverEnv(): ServerEnv {
  return envSchema.parse(process.env);
}

export function isDemoMode() {
  const env = serverEnv();
  if (env.LEVERAGE_DEMO) return env.LEVERAGE_DEMO === "1";
  return !env.DATABASE_URL;
}

/**
 * The origins configured to send state-changing requests, or null when none is: the request must
 * then come from the host it was sent to (the Host header, never X-Forwarded-Host).
 */
export function configuredOrigins(): string[] | null {
  const env = serverEnv();
  const origins = [...(env.APP_URL ? [new URL(env.APP_URL).origin] : []), ...env.ALLOWED_ORIGINS];
  return origins.length > 0 ? origins : null;
}

/**
 * The secrets every instance behind one load balancer must share, missing from a production server
 * on PostgreSQL: a session signed, or a server action encrypted, by one instance must be read by the next.
 */
export function missingSharedSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.NODE_ENV !== "production" || !env.DATABASE_URL) return [];
  return ["AUTH_SECRET", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"].filter((name) => !env[name]);
}

export function trustsProxyHeaders() {
  return serverEnv().TRUST_PROXY === "1";
}

export type SsoConfig = { issuer: string; clientId: string; clientSecret: string; name: string };

/** The OpenID Connect provider people sign in with, or null when single sign-on is not configured. */
export function ssoConfig(): SsoConfig | null {
  const env = serverEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    name: env.OIDC_NAME ?? "single sign-on",
  };
}

export const PRODUCT_NAME = "Leverage Ladder";

export function organizationName() {
  return serverEnv().ORGANIZATION_NAME ?? (isDemoMode() ? "Northwind" : "your organisation");
}
