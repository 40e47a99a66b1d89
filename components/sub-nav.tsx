"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Tabs within an area: the first item matches its path exactly, the others their path and below. */
export function SubNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-line">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {items.map((item, i) => {
          const current =
            i === 0 ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                prefetch={false}
                aria-current={current ? "page" : undefined}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                  current
                    ? "border-[var(--color-accent)] text-[var(--color-accent)]"
                    : "text-muted border-transparent hover:text-[var(--ink)]"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
