// A worker of the application's own that serves WorkerChecker: importing the script is enough.
import "/node_modules/chartlint/worker-script.js";
