// Plain ESM in a browser, no bundler: the package's files served as they are.
import init, { Checker } from "/node_modules/chartlint/chartlint.js";
import { NOTE, show } from "/lib/report.js";

try {
  await init();
  show("plain ESM", new Checker().check(NOTE));
} catch (e) {
  show("plain ESM", null, e);
}
