import { Chart as ChartJS } from "chart.js";

// Axis text in the page's muted ink for the system theme (charts draw only in the browser).
const prefersDark = typeof window !== "undefined" && window.matchMedia("(prefers-color-scheme: dark)").matches;
ChartJS.defaults.color = prefersDark ? "#a0a8b6" : "#5b6472";
ChartJS.defaults.borderColor = "rgba(128, 128, 128, 0.18)";
