export * from "./levels";
export * from "./formulas";
export * from "./format";
