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

export interface ChartlintContentEditable {
  /** The popover listing the findings at the caret. */
  readonly popover: GlobalInstance<"HTMLDivElement">;
  /** The last report (`null` before the first check). */
  readonly report: Report | null;
  /** Checks now (after the structured fields or the options changed). */
  refresh(): Promise<void>;
  /** Applies an edit (text changes with the browser's editing commands, so undo sees them; field changes through `onFieldEdit`), then checks; false when declined or stale. */
  applyEdit(edit: Edit, finding?: Finding): Promise<boolean>;
  /** Removes the highlights, the popover and the listeners. */
  detach(): void;
}

/**
 * Underlines chartlint's findings in a `contenteditable` element with CSS Custom Highlights
 * (`::highlight(chartlint-error)`, `-warning`, `-info`): its DOM is never changed.
 */
export declare function attachContentEditable(element: GlobalInstance<"HTMLElement">, options: TextareaOptions): ChartlintContentEditable;

/** The plain text of a contenteditable element (blocks start a line, `<br>` breaks one) and the DOM point of each UTF-16 offset. */
export declare function editableText(root: GlobalInstance<"Node">): {
  text: string;
  pointAt(offset: number): { node: GlobalInstance<"Node">; offset: number };
  offsetOf(node: GlobalInstance<"Node">, offset: number): number | null;
};
