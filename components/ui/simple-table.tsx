import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

export type SimpleColumn = {
  label: string;
  align?: "left" | "right";
  /** Extra classes, e.g. `hidden sm:table-cell` for a column that narrow screens drop. */
  className?: string;
  /** Replaces the table's cell padding for this column. */
  pad?: string;
};

const ALIGN = { left: "text-left", right: "text-right" } as const;

/**
 * A plain table of figures in a named scrolling region: a visually hidden caption, one row of column
 * headers, and the body rows the caller renders (cells use the same `pad` to line up).
 */
export function SimpleTable({
  label,
  caption,
  columns,
  children,
  footer,
  pad = "px-3 py-2",
  regionClassName,
  tableClassName = "w-full text-sm",
}: {
  label: string;
  caption?: string;
  /** A plain string is a left-aligned column with that header. */
  columns: (string | SimpleColumn)[];
  children: ReactNode;
  /** Shown under the table, inside the scrolling region. */
  footer?: ReactNode;
  pad?: string;
  regionClassName?: string;
  tableClassName?: string;
}) {
  return (
    <ScrollRegion label={label} className={regionClassName}>
      <table className={tableClassName}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr className="border-b border-line text-left">
            {columns
              .map((c) => (typeof c === "string" ? { label: c } : c))
              .map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  className={[column.pad ?? pad, column.align && ALIGN[column.align], "font-medium", column.className]
                    .filter(Boolean)
                    .join(" ")}
                >
                  {column.label}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {footer}
    </ScrollRegion>
  );
}
