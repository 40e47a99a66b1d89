import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { people } from "@/db/schema";

export async function findActivePersonById(id: number) {
  const db = await getDb();
  const [person] = await db
    .select({ id: people.id, name: people.name, email: people.email, role: people.appRole })
    .from(people)
    .where(and(eq(people.id, id), eq(people.active, true)))
    .limit(1);
  return person ?? null;
}
