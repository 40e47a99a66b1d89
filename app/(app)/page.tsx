import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/authz";
import { requireActor } from "@/lib/dal";

export default async function Home() {
  const actor = await requireActor();
  redirect(homePathFor(actor.role));
}
