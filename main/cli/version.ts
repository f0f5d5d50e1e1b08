// The helper's version as package.json states it: the build writes it in (scripts/build.mjs), and so
// does the test set-up (vitest.config.ts). Nothing else keeps a copy.
declare const __HELPER_VERSION__: string;

export const HELPER_VERSION: string = __HELPER_VERSION__;
