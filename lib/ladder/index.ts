export * from "./levels";
export * from "./formulas";
export * from "./format";
export * from "./research";
export * from "./review";
