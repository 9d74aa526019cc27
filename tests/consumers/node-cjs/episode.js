// Node CommonJS: checkEpisode through require("chartlint") (the fixture is an ES module,
// loaded with import(); the package itself is required).
const chartlint = require("chartlint");

import("../lib/episode.js").then(({ exercise }) => console.log(JSON.stringify(exercise(chartlint))));
