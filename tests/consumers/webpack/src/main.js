import init, { Checker } from "chartlint";
import { NOTE, show } from "../../lib/report.js";

init().then(
  () => show("webpack", new Checker().check(NOTE)),
  (e) => show("webpack", null, e),
);
