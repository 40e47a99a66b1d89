import { NextResponse } from "next/server";
import { openMyNotification } from "@/db/queries/notifications";
import { getCurrentActor } from "@/lib/dal";
import { calmWhenDatabaseDown } from "@/lib/route-handler";

/** Opening a notification marks it read and goes where it points (only the actor's own). */
export const GET = calmWhenDatabaseDown(
  "text",
  async (request: Request, { params }: { params: Promise<{ notificationId: string }> }) => {
    const actor = await getCurrentActor();
    if (!actor) return NextResponse.redirect(new URL("/login", request.url));
    const id = Number((await params).notificationId);
    const href = Number.isInteger(id) && id > 0 ? await openMyNotification(actor, id) : null;
    return NextResponse.redirect(new URL(href ?? "/notifications", request.url));
  },
);
