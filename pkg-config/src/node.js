// The package's Node entry (ESM, run by Node itself): the WebAssembly is read from
// `chartlint_bg.wasm` next to this module, instead of being parsed out of a 1.2 MB base64
// string as in `inline.js` (which stays the entry of bundlers that build for Node, and
// `chartlint/inline`). Importing it reads nothing: the file is read on `init()` or on the
// first synchronous call, whichever comes first.
import { readFileSync } from "node:fs";
import { __setBytesSource } from "./chartlint.js";

__setBytesSource(() => readFileSync(new URL("./chartlint_bg.wasm", import.meta.url)));

export * from "./chartlint.js";
export { default } from "./chartlint.js";
