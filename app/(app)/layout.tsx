import Link from "next/link";
import { LadderMark } from "@/components/ladder-mark";
import { NavLinks } from "@/components/nav-links";
import { NotificationBell } from "@/components/notification-bell";
import { myUnreadCount } from "@/db/queries/notifications";
import { requireActor } from "@/lib/dal";
import { navItemsFor } from "@/lib/navigation";
import { signOutAction } from "./actions";

const roleLabels = { employee: "Employee", manager: "Manager", leader: "Leader", admin: "Admin" } as const;

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const unread = await myUnreadCount(actor);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-black"
      >
        Skip to content
      </a>
      <header className="surface border-x-0 border-t-0">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <Link href="/" prefetch={false} className="flex items-center gap-2 font-semibold">
            <LadderMark className="h-7 w-7" />
            <span>Leverage Ladder</span>
          </Link>
          <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto sm:flex-1 print:hidden">
            <NavLinks items={navItemsFor(actor.role)} />
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm print:hidden">
            <NotificationBell unread={unread} />
            <Link
              href="/account"
              prefetch={false}
              className="text-right leading-tight hover:underline"
              title="My account"
            >
              <span className="block font-medium">{actor.name}</span>
              <span className="text-muted block text-xs">{roleLabels[actor.role]} · My account</span>
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md border border-line px-3 py-1.5 font-medium hover:border-[var(--color-accent)]"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
