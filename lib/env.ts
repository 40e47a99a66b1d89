import { z } from "zod";

const origin = z.url().transform((value) => new URL(value).origin);
const positiveNumber = z.coerce.number().positive();

const envSchema = z.object({
  DATABASE_URL: z.url().optional(),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  /** "1" seeds and shows the demo organisation; defaults to on for the embedded database only. */
  LEVERAGE_DEMO: z.enum(["0", "1"]).optional(),
  /** The origin users reach the app at (https://ladder.example.com); state-changing requests must come from it. */
  APP_ORIGIN: origin.optional(),
  /** More origins allowed to send state-changing requests, comma-separated. */
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
  /** The public address of the app, for links in mails; without it, the address the request came to. */
  APP_URL: z.url().optional(),
  SESSION_IDLE_MINUTES: positiveNumber.default(60),
  SESSION_MAX_HOURS: positiveNumber.default(10),
  INVITE_VALID_DAYS: positiveNumber.default(7),
  RESET_VALID_MINUTES: positiveNumber.default(60),
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
  const origins = [env.APP_ORIGIN, env.APP_URL && new URL(env.APP_URL).origin, ...env.ALLOWED_ORIGINS].filter(
    (origin): origin is string => Boolean(origin),
  );
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

export const PRODUCT_NAME = "Leverage Ladder";

export function organizationName() {
  return serverEnv().ORGANIZATION_NAME ?? (isDemoMode() ? "Northwind" : "your organisation");
}
