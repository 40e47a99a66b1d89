import type { ReactNode } from "react";

/**
 * A named region that scrolls its wide or long content. It takes keyboard focus so the content
 * can be scrolled without a mouse (axe: scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  className = "overflow-x-auto",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-label={label} className={className} tabIndex={0}>
      {children}
    </section>
  );
}
