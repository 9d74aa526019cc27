// With lib esnext: `using` frees the checker at the end of the block.
import { Checker, type Note } from "chartlint";

export function check(note: Note): boolean {
  using checker = new Checker();
  return checker.check(note).readyToSign;
}
