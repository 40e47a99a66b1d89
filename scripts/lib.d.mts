// Types for scripts/lib.mjs, which tests import (e.g. e2e/web-concurrency.spec.ts checks the build is current).
export declare const root: string;
export declare const nextBin: string;
export declare function buildIsStale(): boolean;
export declare function ensureAuthSecret(): string;
