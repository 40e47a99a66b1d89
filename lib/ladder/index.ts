export * from "./levels";
export * from "./formulas";
export * from "./format";
export * from "./research";
export * from "./review";
export * from "./level-suggester";
export * from "./task-matching";
export * from "./capability-anchors";
