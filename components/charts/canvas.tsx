"use client";

import dynamic from "next/dynamic";
import { type ComponentProps, type ComponentType, useCallback, useEffect, useRef, useState } from "react";

// The chart components draw into these: Chart.js arrives in its own chunk after the page is
// interactive (it is not part of any page's first-load JavaScript); the chart's box keeps its size
// meanwhile, so nothing moves when it draws.
const LineNow = dynamic(() => import("./chart-js").then((m) => m.Line), { ssr: false });
const BarNow = dynamic(() => import("./chart-js").then((m) => m.Bar), { ssr: false });
const ScatterNow = dynamic(() => import("./chart-js").then((m) => m.Scatter), { ssr: false });

const DRAW_NOW = "chart:draw-now";
/** What of a drawn Chart.js chart a download needs (react-chartjs-2 hands over the chart itself). */
type DrawnChart = {
  canvas: HTMLCanvasElement;
  options: { devicePixelRatio?: number };
  resize: () => void;
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

/**
 * A chart drawn only once it comes near the viewport (a page of charts costs the phone that opens
 * it only the ones in sight). Until then its box, sized by the chart component, stays empty and
 * already carries the chart's description; `drawnCanvas` draws it at once, for a download.
 */
// biome-ignore lint/suspicious/noExplicitAny: any of the three react-chartjs-2 components, props passed through
function drawnWhenNear<C extends ComponentType<any>>(Chart: C) {
  const Drawn = Chart as ComponentType<Record<string, unknown>>;
  return function ChartWhenNear(props: ComponentProps<C>) {
    const box = useRef<HTMLDivElement>(null);
    const [near, setNear] = useState(false);
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
    const drawn = useCallback((chart: DrawnChart | null) => {
      if (!chart) return;
      charts.set(chart.canvas, chart);
      for (const done of onDrawn.current.splice(0)) done(chart);
      setTimeout(drawNext, 0);
    }, []);
    if (near) return <Drawn {...props} ref={drawn} />;
    const label = (props as { "aria-label"?: string })["aria-label"];
    return <div ref={box} role="img" aria-label={label} data-chart-pending="" className="h-full w-full" />;
  };
}

export const Line = drawnWhenNear(LineNow);
export const Bar = drawnWhenNear(BarNow);
export const Scatter = drawnWhenNear(ScatterNow);

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
