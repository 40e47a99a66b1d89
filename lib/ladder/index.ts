export * from "./levels";
export * from "./formulas";
export * from "./format";
export * from "./research";
export * from "./level-suggester";
export * from "./task-matching";
export * from "./capability-anchors";
export * from "./movement";
