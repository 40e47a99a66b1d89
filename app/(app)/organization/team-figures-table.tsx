"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable, type SortableFeatures } from "@/components/data-table";
import { formatIndex, formatIndexChange, formatPercent } from "@/lib/ladder";

export type TeamFiguresRow = {
  teamId: number;
  team: string;
  department: string;
  manager: string | null;
  headCount: number;
  leverageIndex: number | null;
  indexChange: number | null;
  aiExposure: number | null;
};

const column = createColumnHelper<SortableFeatures, TeamFiguresRow>();

const columns = [
  column.accessor("team", {
    header: "Team",
    cell: (info) => (
      <>
        <Link
          href={`/organization/teams/${info.row.original.teamId}`}
          className="font-medium text-[var(--color-accent)] underline underline-offset-2 dark:text-indigo-300"
        >
          {info.getValue()}
        </Link>
        <span className="text-muted block text-xs md:hidden">{info.row.original.department}</span>
      </>
    ),
  }),
  column.accessor("department", { header: "Department", meta: { className: "hidden md:table-cell" } }),
  column.accessor("manager", {
    header: "Manager",
    meta: { className: "hidden lg:table-cell" },
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("headCount", { header: "People", meta: { numeric: true } }),
  column.accessor("leverageIndex", {
    header: "Leverage index",
    meta: { numeric: true },
    sortUndefined: "last",
    cell: (info) => {
      const value = info.getValue();
      return value === null ? "—" : formatIndex(value);
    },
  }),
  column.accessor("indexChange", {
    header: "Change",
    meta: { numeric: true },
    cell: (info) => {
      const value = info.getValue();
      if (value === null) return "—";
      const tone =
        value > 0.004 ? "text-green-700 dark:text-green-400" : value < -0.004 ? "text-red-700 dark:text-red-400" : "";
      return <span className={tone}>{formatIndexChange(value)}</span>;
    },
  }),
  column.accessor("aiExposure", {
    header: "AI exposure",
    meta: { numeric: true },
    cell: (info) => {
      const value = info.getValue();
      return value === null ? "—" : formatPercent(value);
    },
  }),
];

export function TeamFiguresTable({ rows, cycleName }: { rows: TeamFiguresRow[]; cycleName: string }) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption={`Teams by leverage index, ${cycleName}`}
      initialSort={{ id: "leverageIndex", desc: true }}
    />
  );
}
