"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => {
        // The most specific item wins: "/me/history" is My history, not My assessment.
        const matches = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
        const current =
          matches(item.href) && !items.some((other) => other.href.length > item.href.length && matches(other.href));
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              // Pages are rendered per request with no loading state, so a prefetch fetches only the shared
              // layout: every page load spent a dozen requests on the header's links for nothing.
              prefetch={false}
              aria-current={current ? "page" : undefined}
              className={`block rounded-md px-3 py-1.5 text-sm font-medium ${
                current ? "bg-[var(--color-accent)] text-white" : "text-muted hover:bg-black/5 dark:hover:bg-white/10"
              }`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
