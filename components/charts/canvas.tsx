"use client";

import dynamic from "next/dynamic";

// The chart components draw into these: Chart.js arrives in its own chunk after the page is
// interactive (it is not part of any page's first-load JavaScript); the chart's box keeps its size
// meanwhile, so nothing moves when it draws.
export const Line = dynamic(() => import("./chart-js").then((m) => m.Line), { ssr: false });
export const Bar = dynamic(() => import("./chart-js").then((m) => m.Bar), { ssr: false });
export const Scatter = dynamic(() => import("./chart-js").then((m) => m.Scatter), { ssr: false });
