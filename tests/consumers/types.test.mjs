// The package's types under every reasonable tsconfig, with skipLibCheck false: module
// resolution bundler / node16 / nodenext, lib with and without the DOM, with and without
// esnext (Symbol.dispose), strict, with TypeScript 5.9 and 7.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mkdirSync, writeFileSync } from "node:fs";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const CONFIGS = [
  { module: "esnext", moduleResolution: "bundler", lib: ["es2022", "dom"] },
  { module: "esnext", moduleResolution: "bundler", lib: ["es2020", "dom", "dom.iterable"], target: "es2020" },
  { module: "esnext", moduleResolution: "bundler", lib: ["esnext", "dom"], using: true },
  { module: "node16", moduleResolution: "node16", lib: ["es2022"] },
  { module: "nodenext", moduleResolution: "nodenext", lib: ["es2023", "dom"] },
  { module: "nodenext", moduleResolution: "nodenext", lib: ["esnext"], using: true },
  { module: "nodenext", moduleResolution: "nodenext", lib: ["es2022"], types: ["node"] },
];

for (const [name, bin] of [["TypeScript 5.9", "typescript"], ["TypeScript 7", "typescript-7"]]) {
  for (const c of CONFIGS) {
    const label = `${name}: module ${c.module}, lib ${c.lib.join("+")}${c.types ? ` + @types/${c.types}` : ""}${c.using ? " (using)" : ""}`;
    test(label, () => {
      // A tsconfig per case (types: [] keeps installed @types packages out of the check).
      const dir = here("types/out/");
      mkdirSync(dir, { recursive: true });
      const tsconfig = `${dir}tsconfig-${bin}-${CONFIGS.indexOf(c)}.json`;
      writeFileSync(tsconfig, JSON.stringify({
        compilerOptions: {
          noEmit: true, strict: true, skipLibCheck: false, types: c.types ?? [], target: c.target ?? "es2022",
          module: c.module, moduleResolution: c.moduleResolution, lib: c.lib,
        },
        files: [here("types/check.ts"), ...(c.using ? [here("types/using.ts")] : [])],
      }));
      const args = [here(`node_modules/${bin}/bin/tsc`), "-p", tsconfig];
      const r = spawnSync(process.execPath, args, { encoding: "utf8" });
      assert.equal(r.status, 0, `${label}\n${r.stdout}${r.stderr}`);
    });
  }
}
