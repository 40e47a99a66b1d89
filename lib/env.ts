import { z } from "zod";

const positiveNumber = z.coerce.number().positive();

const envSchema = z.object({
  DATABASE_URL: z.url().optional(),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  /** "1" seeds and shows the demo organisation; defaults to on for the embedded database only. */
  LEVERAGE_DEMO: z.enum(["0", "1"]).optional(),
  /** smtp://user:pass@host:587 or smtps://…; without it mail goes to the outbox (Admin → Outbox). */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("Leverage Ladder <no-reply@leverage-ladder.invalid>"),
  /** The organisation's name in mails and pages. */
  ORGANIZATION_NAME: z.string().min(1).optional(),
  /** The public address of the app, for links in mails; without it, the address the request came to. */
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
