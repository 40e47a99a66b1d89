import "server-only";
import { getDb } from "@/db";
import { earliestOpenCycle } from "@/db/helpers";

/** The review cycle open now, if any. */
export async function findOpenCycle() {
  return earliestOpenCycle(await getDb());
}
