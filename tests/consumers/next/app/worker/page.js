import CheckedInWorker from "./checked-in-worker.js";

export default function Page() {
  return <CheckedInWorker />;
}
