import Checked from "./checked.js";

export default function Page() {
  return <Checked />;
}
