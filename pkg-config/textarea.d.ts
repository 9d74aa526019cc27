import type { Edit, Finding, Report } from "./chartlint.js";
import type { AdapterOptions } from "./editing.js";

type GlobalInstance<K extends string> = typeof globalThis extends { [P in K]: { prototype: infer T } } ? T : never;

export interface TextareaOptions extends AdapterOptions {
  /** ms of quiet before checking (default 150). */
  delay?: number;
}

export interface ChartlintTextarea {
  /** The overlay drawing the underlines (after the field, `aria-hidden`). */
  readonly overlay: GlobalInstance<"HTMLDivElement">;
  /** The popover listing the findings at the caret. */
  readonly popover: GlobalInstance<"HTMLDivElement">;
  /** The last report (`null` before the first check). */
  readonly report: Report | null;
  /** Checks now (after the structured fields or the options changed). */
  refresh(): Promise<void>;
  /** Applies an edit (text changes to the field with an input event, field changes through `onFieldEdit`), then checks; false when declined or stale. */
  applyEdit(edit: Edit, finding?: Finding): Promise<boolean>;
  /** Removes the overlay, the popover and the listeners. */
  detach(): void;
}

/** Underlines chartlint's findings over a `<textarea>` without changing it. */
export declare function attachTextarea(textarea: GlobalInstance<"HTMLTextAreaElement">, options: TextareaOptions): ChartlintTextarea;
