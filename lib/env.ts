import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.url().optional(),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  /** "1" seeds and shows the demo organisation; defaults to on for the embedded database only. */
  LEVERAGE_DEMO: z.enum(["0", "1"]).optional(),
});

function serverEnv() {
  return envSchema.parse(process.env);
}

export function isDemoMode() {
  const env = serverEnv();
  if (env.LEVERAGE_DEMO) return env.LEVERAGE_DEMO === "1";
  return !env.DATABASE_URL;
}
