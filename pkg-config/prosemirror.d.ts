import type { Edit, Finding, Report } from "./chartlint.js";
import type { AdapterOptions } from "./editing.js";

// chartlint/prosemirror imports nothing from ProseMirror: pass your own classes as `pm` (from
// prosemirror-state/prosemirror-view or @tiptap/pm/state and @tiptap/pm/view). The types
// below are the parts the adapter uses, so any ProseMirror version with them fits.

/** The part of a ProseMirror `Node` the adapter reads. */
export interface PMNodeLike {
  descendants(f: (node: PMNodeLike, pos: number) => boolean | void): void;
  readonly isTextblock: boolean;
  readonly isText: boolean;
  readonly isInline: boolean;
  readonly isLeaf: boolean;
  readonly nodeSize: number;
  readonly text?: string | null;
}

/** The plain text a ProseMirror document gives the checker, and the position of each offset. */
export declare function plainText(doc: PMNodeLike): { text: string; posAt(offset: number): number };

export interface ProseMirrorClasses {
  // The constructors are typed loosely on purpose: they are ProseMirror's own.
  Plugin: new (spec: never) => unknown;
  PluginKey: new (name?: string) => unknown;
  Decoration: { inline(from: number, to: number, attrs: Record<string, string>, spec?: object): unknown };
  DecorationSet: { create(doc: never, decorations: never[]): unknown; empty: unknown };
}

export interface ProseMirrorOptions extends Omit<AdapterOptions, "confirm"> {
  pm: ProseMirrorClasses;
  /** ms of quiet before checking (default 150). */
  delay?: number;
  /** Class of the decorations (default `cl-mark`; plus `cl-mark-error`, `cl-mark-warning`, `cl-mark-info`). */
  className?: string;
}

/** A state or a view of ProseMirror, as far as the helpers need it. */
type StateLike = object;
type ViewLike = { state: object; dispatch(tr: never): void };

export interface ChartlintProseMirror<P = unknown> {
  /** The plugin: add it to `EditorState.create({ plugins })` (or a TipTap extension's `addProseMirrorPlugins`). */
  plugin: P;
  key: unknown;
  /** The findings of the last report applied to this state. */
  findings(state: StateLike): Finding[];
  /** The last report applied to this state (`null` before the first check). */
  report(state: StateLike): Report | null;
  /** Checks now (after the structured fields or the options changed). */
  refresh(): Promise<void> | undefined;
  /** Applies an edit (text changes mapped to document positions, field changes through `onFieldEdit`); false when the document changed since the report. */
  applyEdit(view: ViewLike, edit: Edit, finding?: Finding): Promise<boolean>;
}

export declare function chartlintPlugin<O extends ProseMirrorOptions>(options: O): ChartlintProseMirror<InstanceType<O["pm"]["Plugin"]>>;
