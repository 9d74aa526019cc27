// Forgetting `await init()`: the error must say so.
import { Checker } from "/node_modules/chartlint/chartlint.js";
import { NOTE, show } from "/lib/report.js";

try {
  show("no init", new Checker().check(NOTE));
} catch (e) {
  show("no init", null, e);
}
