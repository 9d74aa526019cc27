// The expected summary, computed with the installed package in Node (not hard-coded).
import { checkNote } from "chartlint";
import { NOTE, summary } from "./report.js";

export const EXPECTED = summary(checkNote(NOTE));
