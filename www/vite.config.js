import { defineConfig } from "vite";

// The Content-Security-Policy: everything from this origin, WebAssembly compiled with
// 'wasm-unsafe-eval' (never 'unsafe-eval'), no inline script, no request to anywhere else.
// CodeMirror and Chart.js set styles from script, hence style-src 'unsafe-inline'.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

// The meta tag goes into the built page only: the dev server injects its own client.
const cspMeta = {
  name: "chartlint-csp",
  apply: "build",
  transformIndexHtml: () => [
    { tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CSP }, injectTo: "head-prepend" },
  ],
};

export default defineConfig({
  plugins: [cspMeta],
  // chartlint finds its .wasm with new URL(..., import.meta.url): don't pre-bundle it.
  optimizeDeps: { exclude: ["chartlint"] },
  worker: { format: "es" },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    // Two pages: the demo, and the editor adapters (a plain textarea and ProseMirror).
    rollupOptions: { input: { main: "index.html", adapters: "adapters.html" } },
  },
  preview: {
    host: "127.0.0.1",
    headers: {
      "Content-Security-Policy": `${CSP}; frame-ancestors 'none'`,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  },
});
