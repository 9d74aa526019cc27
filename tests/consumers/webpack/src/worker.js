import { WorkerChecker } from "chartlint/worker";
import { NOTE, show } from "../../lib/report.js";

new WorkerChecker().check(NOTE).then((r) => show("webpack worker", r), (e) => show("webpack worker", null, e));
