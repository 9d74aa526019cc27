import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  logLevel: "warn",
  // As the npm README says: Vite's dev server must not pre-bundle chartlint (its .wasm is
  // found next to its module with new URL(..., import.meta.url)).
  optimizeDeps: { exclude: ["chartlint"] },
  worker: { format: "es" },
  server: { fs: { allow: [here("..")] } },
  build: {
    outDir: here("dist"), emptyOutDir: true, target: "es2022",
    rollupOptions: { input: { main: here("index.html"), worker: here("worker.html") } },
  },
});
