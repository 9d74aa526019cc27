// The entry with the WebAssembly inlined (base64 in `wasm-inline.js`): no .wasm file to serve,
// find or configure. It is the package's Node entry (ESM; `chartlint.cjs` is the same for
// CommonJS) and `chartlint/inline` for stacks that cannot serve an extra file. Importing it
// reads nothing: the bytes are decoded on `init()` or on the first synchronous call.
import WASM_BASE64 from "./wasm-inline.js";
import { __setBytesSource } from "./chartlint.js";

function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  if (typeof Buffer === "function") return Buffer.from(text, "base64");
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

__setBytesSource(() => decodeBase64(WASM_BASE64));

export * from "./chartlint.js";
export { default } from "./chartlint.js";
