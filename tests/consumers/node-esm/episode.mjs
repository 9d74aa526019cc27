// Node ESM: checkEpisode from a plain import (no init()).
import * as chartlint from "chartlint";
import { exercise } from "../lib/episode.js";

console.log(JSON.stringify(exercise(chartlint)));
