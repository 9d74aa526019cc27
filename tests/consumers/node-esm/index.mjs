// Node ESM: a plain import; no init() needed (the Node entry initialises on first use).
import { checkNote } from "chartlint";
import { NOTE, summary } from "../lib/report.js";

console.log(JSON.stringify(summary(checkNote(NOTE))));
