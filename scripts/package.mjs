// Turns wasm-pack's output in pkg/ into the npm package: merges pkg-config/package.json
// into the generated package.json (keeping name/version from Cargo), adds the Node entry and
// the npm README. Run after `wasm-pack build --target web --out-dir pkg --out-name chartlint`.
import { readFileSync, writeFileSync, copyFileSync, rmSync, existsSync } from "node:fs";

const pkgDir = new URL("../pkg/", import.meta.url);
const cfgDir = new URL("../pkg-config/", import.meta.url);
const generated = JSON.parse(readFileSync(new URL("package.json", pkgDir), "utf8"));
const extra = JSON.parse(readFileSync(new URL("package.json", cfgDir), "utf8"));

const merged = { ...extra, name: extra.name, version: generated.version };
writeFileSync(new URL("package.json", pkgDir), JSON.stringify(merged, null, 2) + "\n");
copyFileSync(new URL("node.mjs", cfgDir), new URL("node.mjs", pkgDir));
copyFileSync(new URL("README.md", cfgDir), new URL("README.md", pkgDir));
for (const f of [".gitignore", "LICENSE", "LICENSE-MIT", "LICENSE-APACHE"]) {
  const p = new URL(f, pkgDir);
  if (existsSync(p) && f === ".gitignore") rmSync(p);
}
for (const f of merged.files) {
  if (!existsSync(new URL(f, pkgDir))) {
    console.error(`package: missing ${f} in pkg/`);
    process.exit(1);
  }
}
console.log(`package: pkg/ is chartlint@${merged.version}`);
