import { WorkerChecker } from "chartlint/worker";
import { NOTE, show } from "../lib/report.js";

new WorkerChecker().check(NOTE).then((r) => show("vite worker", r), (e) => show("vite worker", null, e));
