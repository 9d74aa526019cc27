"use client";
// A client component with a plain import: server rendering imports chartlint too (its Node
// entry, which reads nothing at import); the browser loads the WebAssembly in init().
import { useEffect, useState } from "react";
import init, { Checker } from "chartlint";
import { NOTE, summary } from "../../lib/report.js";

export default function Checked() {
  const [state, setState] = useState({});
  useEffect(() => {
    init()
      .then(() => setState({ report: summary(new Checker().check(NOTE)) }))
      .catch((error) => setState({ error: String(error?.message ?? error) }));
  }, []);
  return <Report how="next" {...state} />;
}

export function Report({ how, report, error }) {
  if (error) return <div id="report" data-state="error">{`${how}: ${error}`}</div>;
  if (!report) return <div id="report">checking…</div>;
  return (
    <div id="report" data-state="ok" data-report={JSON.stringify(report)}>
      {`${how}: ${report.readyToSign ? "ready to sign" : "not ready to sign"} (${report.rules.join(", ")})`}
    </div>
  );
}
