"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Tabs for the sections of one area; scrolls sideways on a narrow screen. */
export function SubNav({ items }: { items: { href: string; label: string; exact?: boolean }[] }) {
  const pathname = usePathname();
  return (
    <ul className="-mb-px flex gap-1 overflow-x-auto">
      {items.map((item) => {
        const current = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href} className="shrink-0">
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`block border-b-2 px-3 py-2 text-sm font-medium ${
                current ? "border-[var(--color-accent)] text-[var(--color-accent)]" : "text-muted border-transparent hover:text-[var(--color-accent)]"
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
