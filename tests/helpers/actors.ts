import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { people } from "@/db/schema";
import type { Actor } from "@/lib/authz";

/** The actor the data layer sees for a seeded person, read from the test file's database. */
export async function actorByEmail(email: string): Promise<Actor> {
  const db = await getDb();
  const [person] = await db.select().from(people).where(eq(people.email, email));
  if (!person) throw new Error(`No person with the email ${email}`);
  return { id: person.id, name: person.name, email: person.email, role: person.appRole };
}

/** The demo organisation's people the tests act as, one for each role. */
export async function demoActors() {
  const [admin, leader, manager, employee] = await Promise.all(
    [
      "sam.taylor@northwind.example",
      "priya.raman@northwind.example",
      "daniel.okafor@northwind.example",
      "maya.chen@northwind.example",
    ].map(actorByEmail),
  );
  return { admin: admin!, leader: leader!, manager: manager!, employee: employee! };
}
