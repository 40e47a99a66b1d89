"use client";

import { printWithCharts } from "./canvas";

/** "Print or save as PDF": the page on paper with every chart drawn (canvas.tsx), for a planning deck. */
export function PrintButton({ className }: { className: string }) {
  return (
    <button type="button" onClick={() => printWithCharts()} className={className}>
      Print or save as PDF
    </button>
  );
}
