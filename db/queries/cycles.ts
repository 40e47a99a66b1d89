import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { reviewCycles } from "@/db/schema";

export async function findOpenCycle() {
  const db = await getDb();
  const [cycle] = await db
    .select()
    .from(reviewCycles)
    .where(eq(reviewCycles.status, "open"))
    .orderBy(asc(reviewCycles.startsOn))
    .limit(1);
  return cycle ?? null;
}
