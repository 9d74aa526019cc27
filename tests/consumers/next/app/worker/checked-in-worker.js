"use client";
// chartlint/worker in a client component: the worker starts in an effect (never during
// server rendering) and is terminated when the component unmounts.
import { useEffect, useState } from "react";
import { WorkerChecker } from "chartlint/worker";
import { NOTE, summary } from "../../../lib/report.js";
import { Report } from "../checked.js";

export default function CheckedInWorker() {
  const [state, setState] = useState({});
  useEffect(() => {
    const checker = new WorkerChecker();
    checker
      .check(NOTE)
      .then((report) => setState({ report: summary(report) }))
      .catch((error) => setState({ error: String(error?.message ?? error) }));
    return () => checker.terminate();
  }, []);
  return <Report how="next worker" {...state} />;
}
