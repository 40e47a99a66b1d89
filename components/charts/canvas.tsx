"use client";

import { type ComponentProps, type ComponentType, useCallback, useEffect, useRef, useState } from "react";
import type { Bar as BarChart, Line as LineChart, Scatter as ScatterChart } from "react-chartjs-2";
import { flushSync } from "react-dom";

// The chart components draw into these: Chart.js arrives in its own chunk after the page is
// interactive (it is not part of any page's first-load JavaScript); the chart's box keeps its size
// meanwhile, so nothing moves when it draws. Once loaded it is kept here, so that a chart can then
// be drawn synchronously — when the page is printed.
type ChartJsModule = Pick<typeof import("./chart-js"), ChartKind>;
type ChartKind = "Line" | "Bar" | "Scatter";
let chartJs: ChartJsModule | null = null;
let chartJsLoading: Promise<ChartJsModule> | null = null;
function loadChartJs() {
  chartJsLoading ??= import("./chart-js").then(
    ({ Line, Bar, Scatter }) => {
      chartJs = { Line, Bar, Scatter };
      return chartJs;
    },
    (error) => {
      // A chunk that failed to arrive (the network dropped) is fetched again next time.
      chartJsLoading = null;
      throw error;
    },
  );
  return chartJsLoading;
}

const DRAW_NOW = "chart:draw-now";
/** What of a drawn Chart.js chart a download needs (react-chartjs-2 hands over the chart itself). */
type DrawnChart = {
  canvas: HTMLCanvasElement;
  options: { devicePixelRatio?: number; responsive?: boolean };
  width: number;
  height: number;
  resize: (width?: number, height?: number) => void;
};
type DrawNow = CustomEvent<(chart: DrawnChart) => void>;
const charts = new WeakMap<HTMLCanvasElement, DrawnChart>();

// Charts are drawn one per task, so a page of them never blocks input for long: each waits for the
// one before it to have drawn (or for a second, should that one never draw).
const waiting: (() => void)[] = [];
let drawing = false;
let stalled: ReturnType<typeof setTimeout> | undefined;
function drawNext() {
  clearTimeout(stalled);
  const draw = waiting.shift();
  drawing = draw !== undefined;
  if (draw) {
    stalled = setTimeout(drawNext, 1000);
    draw();
  }
}
function queueDraw(draw: () => void) {
  waiting.push(draw);
  if (!drawing) drawNext();
  return () => {
    const at = waiting.indexOf(draw);
    if (at >= 0) waiting.splice(at, 1);
  };
}

/** The charts not drawn yet, each with a way to draw it now (once Chart.js is loaded): printing draws them all first. */
const drawForPrint = new Set<() => void>();

/**
 * A chart drawn only once it comes near the viewport (a page of charts costs the phone that opens
 * it only the ones in sight). Until then its box, sized by the chart component, stays empty and
 * already carries the chart's description; `drawnCanvas` draws it at once, for a download.
 */
function ChartWhenNear({ kind, props }: { kind: ChartKind; props: Record<string, unknown> }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [loaded, setLoaded] = useState(chartJs !== null);
  const onDrawn = useRef<((chart: DrawnChart) => void)[]>([]);
  useEffect(() => {
    const element = box.current;
    if (near || !element) return;
    let dequeue = () => {};
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        dequeue = queueDraw(() => setNear(true));
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(element);
    const drawNow = (event: Event) => {
      onDrawn.current.push((event as DrawNow).detail);
      setNear(true);
    };
    element.addEventListener(DRAW_NOW, drawNow);
    return () => {
      observer.disconnect();
      dequeue();
      element.removeEventListener(DRAW_NOW, drawNow);
    };
  }, [near]);
  useEffect(() => {
    if (near && loaded) return;
    const drawNow = () => {
      setNear(true);
      setLoaded(true);
    };
    drawForPrint.add(drawNow);
    return () => {
      drawForPrint.delete(drawNow);
    };
  }, [near, loaded]);
  useEffect(() => {
    if (near && !loaded) loadChartJs().then(() => setLoaded(true));
  }, [near, loaded]);
  const drawn = useCallback((chart: DrawnChart | null) => {
    if (!chart) return;
    charts.set(chart.canvas, chart);
    for (const done of onDrawn.current.splice(0)) done(chart);
    setTimeout(drawNext, 0);
  }, []);
  if (near && chartJs) {
    const Drawn = chartJs[kind] as unknown as ComponentType<Record<string, unknown>>;
    return <Drawn {...props} ref={drawn} />;
  }
  const label = props["aria-label"] as string | undefined;
  // Pending until it starts drawing (a download or a print draws a pending chart itself). On paper, a
  // chart still pending says why its box is empty: the browser's own print (Ctrl+P) came before
  // Chart.js had arrived, which only a chart near the viewport, or "Print or save as PDF", sends for.
  return (
    <div ref={box} role="img" aria-label={label} data-chart-pending={near ? undefined : ""} className="h-full w-full">
      <p className="text-muted hidden h-full items-center justify-center text-sm print:flex">
        Not drawn when printed: scroll to this chart, then print again.
      </p>
    </div>
  );
}

export function Line(props: ComponentProps<typeof LineChart>) {
  return <ChartWhenNear kind="Line" props={props} />;
}
export function Bar(props: ComponentProps<typeof BarChart>) {
  return <ChartWhenNear kind="Bar" props={props} />;
}
export function Scatter(props: ComponentProps<typeof ScatterChart>) {
  return <ChartWhenNear kind="Scatter" props={props} />;
}

/** The widest a chart is printed, in CSS pixels: the text width of an A4 or Letter page, portrait. */
const PRINT_WIDTH = 640;
const printed = new Map<DrawnChart, number | undefined>();

// Printing (the leader's planning deck): every chart is drawn first, synchronously — the browser lays
// the printed page out right after this event — then redrawn at most a page wide, in two device
// pixels per CSS pixel so it stays crisp on paper; after printing, back to the screen's size.
if (typeof window !== "undefined") {
  window.addEventListener("beforeprint", () => {
    if (chartJs)
      flushSync(() => {
        for (const draw of drawForPrint) draw();
      });
    for (const canvas of document.querySelectorAll("canvas")) {
      const chart = charts.get(canvas);
      if (!chart) continue;
      if (!printed.has(chart)) printed.set(chart, chart.options.devicePixelRatio);
      chart.options.devicePixelRatio = 2;
      // Kept at that size while printing, whatever its box does meanwhile.
      chart.options.responsive = false;
      chart.resize(Math.min(chart.width, PRINT_WIDTH), chart.height);
    }
  });
  window.addEventListener("afterprint", () => {
    for (const [chart, screen] of printed) {
      chart.options.devicePixelRatio = screen;
      chart.options.responsive = true;
      chart.resize();
    }
    printed.clear();
  });
}

/** The chart inside `frame`, drawn first if it has not come into view yet. */
function drawnChart(frame: HTMLElement): Promise<DrawnChart | null> {
  const pending = frame.querySelector("[data-chart-pending]");
  if (!pending) {
    const canvas = frame.querySelector("canvas");
    return Promise.resolve((canvas && charts.get(canvas)) ?? null);
  }
  return new Promise((resolve) => {
    pending.dispatchEvent(new CustomEvent(DRAW_NOW, { detail: resolve }));
  });
}

/**
 * The chart inside `frame` drawn again at `ratio` device pixels per CSS pixel (2: crisp on a slide,
 * whatever the screen), handed to `use` as a canvas, then drawn back at the screen's own ratio.
 */
export async function drawnCanvasAt<T>(frame: HTMLElement, ratio: number, use: (canvas: HTMLCanvasElement) => T) {
  const chart = await drawnChart(frame);
  if (!chart) return null;
  const screen = chart.options.devicePixelRatio;
  chart.options.devicePixelRatio = ratio;
  chart.resize();
  try {
    return use(chart.canvas);
  } finally {
    chart.options.devicePixelRatio = screen;
    chart.resize();
  }
}

/**
 * Prints the page with every chart on it drawn, even when none has come near the viewport yet
 * (Chart.js is loaded first; the beforeprint handler above then draws them all).
 */
export async function printWithCharts() {
  // Without Chart.js (offline), the page still prints: the charts not drawn keep their titles and descriptions.
  await loadChartJs().catch(() => null);
  window.print();
}
