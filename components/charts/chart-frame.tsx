"use client";

import { createContext, useContext, useRef } from "react";
import { drawnCanvasAt } from "./canvas";

/** Device pixels per CSS pixel of a downloaded chart: crisp on a slide, whatever the screen. */
export const DOWNLOAD_SCALE = 2;

function fileName(title: string) {
  return `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}.png`;
}

/**
 * What a chart taken out of the app must say about itself, set once by the page around its charts:
 * the scope and filters ("All departments · best available"), the cycle range, the source line.
 */
export type ChartContext = { scope: string; cycles: string; source: string };

const ChartContextValue = createContext<ChartContext | null>(null);

export function ChartContextProvider({ value, children }: { value: ChartContext; children: React.ReactNode }) {
  return <ChartContextValue.Provider value={value}>{children}</ChartContextValue.Provider>;
}

/** The caption drawn above (title, scope, cycles) and below (date, source) a downloaded chart. */
function captionLines(title: string, context: ChartContext | null, date: string) {
  return {
    head: [title, ...(context ? [`${context.scope} · ${context.cycles}`] : [])],
    foot: [`Downloaded ${date}`, ...(context ? [context.source] : [])],
  };
}

export function useChartCaption(title: string) {
  const context = useContext(ChartContextValue);
  return {
    /** The lines without the date, for the page (the date is the download's, known only then). */
    attribute: JSON.stringify(captionLines(title, context, "").head.concat(context ? [context.source] : [])),
    lines: () => captionLines(title, context, new Date().toLocaleDateString()),
  };
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number) {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return [...lines, line];
}

/**
 * Draws a chart's canvas on white between its caption — title, scope and filters, cycle range
 * above; date and source below — so a PNG dropped into a deck still says what it shows, and saves it.
 * `scale` is the canvas's pixels per CSS pixel.
 */
export function downloadCanvas(
  canvas: HTMLCanvasElement,
  title: string,
  caption: { head: string[]; foot: string[] },
  scale: number,
) {
  const pad = 16 * scale;
  const width = Math.max(canvas.width + 2 * pad, 480 * scale);
  const measure = document.createElement("canvas").getContext("2d")!;
  const fonts = {
    title: `600 ${16 * scale}px system-ui, sans-serif`,
    text: `${12 * scale}px system-ui, sans-serif`,
  };
  const lineHeight = { title: 22 * scale, text: 17 * scale };
  const laid = (lines: string[], first: "title" | "text") =>
    lines.flatMap((text, i) => {
      const kind = i === 0 ? first : "text";
      measure.font = fonts[kind];
      return wrap(measure, text, width - 2 * pad).map((t) => ({ text: t, kind }));
    });
  const head = laid(caption.head, "title");
  const foot = laid(caption.foot, "text");
  const headH = head.reduce((h, l) => h + lineHeight[l.kind], 0);
  const footH = foot.reduce((h, l) => h + lineHeight[l.kind], 0);
  const out = document.createElement("canvas");
  out.width = Math.round(width);
  out.height = Math.round(pad + headH + pad / 2 + canvas.height + pad / 2 + footH + pad);
  const ctx = out.getContext("2d")!;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = "top";
  let y = pad;
  const write = (lines: typeof head, colour: (kind: "title" | "text") => string) => {
    for (const l of lines) {
      ctx.font = fonts[l.kind];
      ctx.fillStyle = colour(l.kind);
      ctx.fillText(l.text, pad, y);
      y += lineHeight[l.kind];
    }
  };
  write(head, (kind) => (kind === "title" ? "#1f2430" : "#4b5563"));
  y += pad / 2;
  ctx.drawImage(canvas, pad, y);
  y += canvas.height + pad / 2;
  write(foot, () => "#4b5563");
  const link = document.createElement("a");
  link.download = fileName(title);
  link.href = out.toDataURL("image/png");
  link.dataset.caption = JSON.stringify([...caption.head, ...caption.foot]);
  link.dataset.size = `${out.width}x${out.height}`;
  link.click();
  return link;
}

/**
 * A chart with its "Download PNG" button. `data` (labels and series) is kept on the element so the
 * chart's numbers can be checked against its table; `data-caption` holds what the PNG's caption says.
 */
export function ChartFrame({ title, data, children }: { title: string; data?: unknown; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const caption = useChartCaption(title);
  return (
    <div
      ref={ref}
      data-chart={data === undefined ? undefined : JSON.stringify(data)}
      data-chart-title={title}
      data-caption={caption.attribute}
    >
      <div className="mb-2 flex justify-end print:hidden">
        <button
          type="button"
          onClick={async (event) => {
            const button = event.currentTarget;
            if (!ref.current) return;
            const link = await drawnCanvasAt(ref.current, DOWNLOAD_SCALE, (canvas) =>
              downloadCanvas(canvas, title, caption.lines(), DOWNLOAD_SCALE),
            );
            if (!link) return;
            // What was drawn, for a reader of the page (and its tests) to check against the file.
            button.dataset.downloaded = `${link.dataset.size} ${link.dataset.caption}`;
          }}
          className="rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:border-[var(--color-accent)]"
        >
          Download PNG<span className="sr-only"> of {title}</span>
        </button>
      </div>
      {children}
    </div>
  );
}
