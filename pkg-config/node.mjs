// Node entry point: loads the same WebAssembly module synchronously from disk, so that in
// Node `import { checkNote } from "chartlint"` works without an `await init()` (which is
// still exported, and harmless, so code written for the browser runs unchanged).
import { readFileSync } from "node:fs";
import { initSync } from "./chartlint.js";

initSync({ module: readFileSync(new URL("./chartlint_bg.wasm", import.meta.url)) });

export * from "./chartlint.js";

/** Already initialised in Node; kept so browser-style code runs unchanged. */
export default async function init() {}
