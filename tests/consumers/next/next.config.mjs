import { fileURLToPath } from "node:url";

// Nothing chartlint-specific here: the package needs no Next.js configuration. (The dist
// folder is per bundler so the Turbopack and webpack builds can both be kept; the roots
// point at tests/consumers, where node_modules is.)
const consumers = fileURLToPath(new URL("..", import.meta.url));
export default {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  turbopack: { root: consumers },
  outputFileTracingRoot: consumers,
};
