"use client";

import {
  type ColumnHelper,
  columnVisibilityFeature,
  createSortedRowModel,
  rowSortingFeature,
  sortFns,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { ScrollRegion } from "@/components/ui/scroll-region";

const sortableTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns,
});

export type SortableFeatures = typeof sortableTableFeatures;

/** Per-column display hints: right-aligned numbers, and classes such as "hidden md:table-cell". */
export type DataColumnMeta = { numeric?: boolean; className?: string };

function columnMeta(meta: unknown): DataColumnMeta {
  return (meta as DataColumnMeta | undefined) ?? {};
}

/** A sortable table: click or press Enter on a column header to sort by it. */
export function DataTable<TData extends object>({
  columns,
  data,
  caption,
  initialSort,
  rowClassName,
}: {
  /** Built with `createColumnHelper`; each column keeps its own value type. */
  columns: ReturnType<ColumnHelper<SortableFeatures, TData>["columns"]>;
  data: TData[];
  caption: string;
  initialSort?: { id: string; desc: boolean };
  /** Extra classes for a row, e.g. to make rows that need attention stand out. */
  rowClassName?: (row: TData) => string;
}) {
  const table = useTable({
    features: sortableTableFeatures,
    columns,
    data,
    initialState: { sorting: initialSort ? [initialSort] : [] },
  });

  return (
    // Focusable so a keyboard can scroll the table sideways on a narrow screen.
    <ScrollRegion label={caption}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-line">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const { numeric, className = "" } = columnMeta(header.column.columnDef.meta);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                    className={`px-2 py-2 font-medium sm:px-3 ${numeric ? "text-right" : "text-left"} ${className}`}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className={`inline-flex items-center gap-1 hover:text-[var(--color-accent)] ${numeric ? "flex-row-reverse" : ""}`}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="text-muted w-3 text-xs">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={`border-b border-line last:border-0 hover:bg-black/[0.02] dark:hover:bg-white/[0.03] ${rowClassName?.(row.original) ?? ""}`}
            >
              {row.getVisibleCells().map((cell) => {
                const { numeric, className = "" } = columnMeta(cell.column.columnDef.meta);
                return (
                  <td
                    key={cell.id}
                    className={`px-2 py-2 sm:px-3 ${numeric ? "text-right tabular-nums" : ""} ${className}`}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
