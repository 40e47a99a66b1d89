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

export { Bar, Line, Scatter } from "react-chartjs-2";
