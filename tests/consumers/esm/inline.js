// The inlined entry: no .wasm file is served or fetched.
import init, { Checker } from "/node_modules/chartlint/inline.js";
import { NOTE, show } from "/lib/report.js";

try {
  await init();
  show("inline", new Checker().check(NOTE));
} catch (e) {
  show("inline", null, e);
}
