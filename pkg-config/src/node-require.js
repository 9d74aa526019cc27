// Source of `node.cjs`, the package's entry for Node's own `require()` (and Jest, which runs
// the real files): bundled to CommonJS by scripts/package.mjs, so `__dirname` is the
// package's folder. It reads `chartlint_bg.wasm` beside it on first use, as `node.js` does
// for `import`, instead of parsing the 1.2 MB base64 module that `chartlint.cjs` carries
// (still the `require` entry of bundlers and of other runtimes).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { __setBytesSource } from "./chartlint.js";

__setBytesSource(() => readFileSync(join(__dirname, "chartlint_bg.wasm")));

export * from "./chartlint.js";
export { default } from "./chartlint.js";
