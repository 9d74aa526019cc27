import init, { Checker } from "chartlint";
import { NOTE, show } from "../lib/report.js";

try {
  await init();
  show("vite", new Checker().check(NOTE));
} catch (e) {
  show("vite", null, e);
}
