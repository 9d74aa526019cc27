// A small static file server for the consumer pages, on a free localhost port: serves the
// .wasm as application/wasm (compressed with brotli or gzip when the browser accepts it, as
// the npm README advises) and can send a strict Content-Security-Policy.
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".wasm": "application/wasm", ".map": "application/json",
};
const COMPRESSIBLE = new Set([".js", ".mjs", ".wasm", ".html", ".css", ".json"]);

/** Serves `root`; returns { url, requests, close }. `csp`: the Content-Security-Policy header. */
export async function serve(root, { csp } = {}) {
  const requests = [];
  const cache = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      const ext = extname(file);
      const headers = { "Content-Type": TYPES[ext] ?? "application/octet-stream", "Cache-Control": "no-store" };
      if (csp) headers["Content-Security-Policy"] = csp;
      const accept = String(req.headers["accept-encoding"] ?? "");
      let out = body;
      if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(accept)) {
        out = cache.get(`br:${file}`) ?? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
        cache.set(`br:${file}`, out);
        headers["Content-Encoding"] = "br";
      } else if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accept)) {
        out = cache.get(`gz:${file}`) ?? gzipSync(body);
        cache.set(`gz:${file}`, out);
        headers["Content-Encoding"] = "gzip";
      }
      requests.push({ path, type: headers["Content-Type"], encoding: headers["Content-Encoding"] ?? null, bytes: out.length });
      res.writeHead(200, headers).end(out);
    } catch {
      requests.push({ path, status: 404 });
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
