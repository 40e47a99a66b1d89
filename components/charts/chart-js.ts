import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { prefersDark } from "./chart-setup";

// Loaded only by ./canvas.tsx, after the page is interactive: Chart.js is the heaviest script of
// the chart pages (about 58 KiB gzipped) and draws nothing on the server anyway.
// One registration for every chart: Chart.js keeps them globally anyway, whichever chart loads first.
ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, BarElement, Filler, Tooltip, Legend);

// Axis text in the page's muted ink for the system theme.
ChartJS.defaults.color = prefersDark ? "#a0a8b6" : "#5b6472";
ChartJS.defaults.borderColor = "rgba(128, 128, 128, 0.18)";
// No entry animation: it redraws every chart on every frame for a second, which is most of the
// pages' main-thread time on a slow device, and a figure that grows into place reads no better.
ChartJS.defaults.animation = false;

// Chart.js draws every legend point style inside a circle of the same radius, so its circle is √2
// times as wide as its square and looks a size larger than the other shapes beside it. A legend
// circle is drawn here as wide as the square instead (as the charts' own points are: radius 3
// against 4), on a small canvas at the chart's pixel ratio so it stays crisp in a 2× download.
const markers = new Map<string, HTMLCanvasElement>();
function circleMarker(size: number, ratio: number, fill: string, stroke: string, lineWidth: number) {
  const key = [size, ratio, fill, stroke, lineWidth].join(" ");
  let marker = markers.get(key);
  if (!marker) {
    const box = size + lineWidth;
    marker = document.createElement("canvas");
    marker.width = Math.ceil(box * ratio);
    marker.height = marker.width;
    const ctx = marker.getContext("2d")!;
    ctx.scale(ratio, ratio);
    ctx.beginPath();
    ctx.arc(box / 2, box / 2, size / 2, 0, 2 * Math.PI);
    ctx.fillStyle = fill;
    ctx.fill();
    if (lineWidth > 0) {
      ctx.lineWidth = lineWidth;
      ctx.strokeStyle = stroke;
      ctx.stroke();
    }
    // The legend draws an image point style at its width and height, read as CSS pixels.
    Object.defineProperties(marker, { width: { value: box }, height: { value: box } });
    markers.set(key, marker);
  }
  return marker;
}
const legendLabels = ChartJS.defaults.plugins.legend.labels;
const defaultLegendItems = legendLabels.generateLabels;
legendLabels.generateLabels = (chart) => {
  const items = defaultLegendItems(chart);
  const labels = chart.options.plugins?.legend?.labels;
  if (!labels?.usePointStyle) return items;
  const fontSize = Number((labels.font as { size?: number } | undefined)?.size) || ChartJS.defaults.font.size || 12;
  const size = Math.min(labels.boxHeight ?? fontSize, fontSize);
  const colour = (c: unknown) => (typeof c === "string" ? c : "transparent");
  return items.map((item) =>
    item.pointStyle === "circle" || item.pointStyle === undefined
      ? {
          ...item,
          pointStyle: circleMarker(
            size,
            chart.currentDevicePixelRatio,
            colour(item.fillStyle),
            colour(item.strokeStyle),
            item.lineWidth ?? 0,
          ),
        }
      : item,
  );
};

export { Bar, Line, Scatter } from "react-chartjs-2";
