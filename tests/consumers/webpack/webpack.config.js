import { fileURLToPath } from "node:url";

export default {
  mode: "production",
  context: fileURLToPath(new URL(".", import.meta.url)),
  entry: { main: "./src/main.js", worker: "./src/worker.js" },
  output: { path: fileURLToPath(new URL("dist/", import.meta.url)), clean: true },
  // As the npm README says: the .wasm is loaded on demand by init(), not part of the initial
  // bundle, so leave it out of webpack's size hints (its 244 KiB limit would warn, and fail
  // builds that treat warnings as errors).
  performance: { assetFilter: (file) => !file.endsWith(".wasm") },
};
