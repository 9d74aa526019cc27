import type { CheckOptions, Checker, Config, EpisodeReport, Limits, Note, Report, RuleDoc, WasmModule, checkNote } from "./chartlint.js";

/** An instance of the global class `K` (`never` where the project's lib does not declare it). */
type GlobalInstance<K extends string> = typeof globalThis extends { [P in K]: { prototype: infer T } } ? T : never;

/** What the worker can run: Checker's methods and the package's functions, by name. */
export interface WorkerMethods {
  check: Checker["check"];
  checkJson: Checker["checkJson"];
  checkEpisode: Checker["checkEpisode"];
  checkEpisodeJson: Checker["checkEpisodeJson"];
  rules(): RuleDoc[];
  version(): string;
  limits(): Limits;
  checkNote: typeof checkNote;
}
type ArgsOf<F> = F extends (...args: infer A) => unknown ? A : never;
type ResultOf<F> = F extends (...args: never[]) => infer R ? R : never;
/** Checker's methods (those added later too) and the package's functions. */
type Callable = Omit<{ [K in Extract<keyof Checker, string>]: Checker[K] }, "free"> & WorkerMethods;
export type WorkerMethod = { [K in keyof Callable]: Callable[K] extends (...args: never[]) => unknown ? K : never }[keyof Callable];

export interface CallOptions {
  /** Calls on the same lane supersede each other: while one runs only the newest waits; older waiting calls reject with an `AbortError`. */
  lane?: string;
  /** Cancels the call (it rejects with an `AbortError`; a check already running finishes in the worker). */
  signal?: GlobalInstance<"AbortSignal">;
}

export interface WorkerCheckerOptions {
  /** A worker you started yourself (its script does `import "chartlint/worker-script"`). */
  worker?: GlobalInstance<"Worker">;
  /** Where the worker gets the WebAssembly: a URL, or a `WebAssembly.Module` compiled once and shared. */
  wasm?: string | GlobalInstance<"URL"> | WasmModule;
}

/** The engine in a module worker: Checker's methods, promise-returning, off the main thread. */
export declare class WorkerChecker {
  /** Starts the worker and builds a Checker there with `config`; nothing blocks. */
  constructor(config?: Config | null, options?: WorkerCheckerOptions);
  /** Resolves with the engine's version once the worker's Checker is built; rejects if the config is invalid or the worker cannot start. */
  readonly ready: Promise<string>;
  /** `options`: the check's (`stage`, `dismissed`, as `Checker.check` takes them) and the call's (`lane`, `signal`). */
  check(note: Note, options?: (CheckOptions & CallOptions) | null): Promise<Report>;
  /** JSON text in, JSON text out; `options` as for `check`. */
  checkJson(text: string, options?: (CheckOptions & CallOptions) | null): Promise<string>;
  /** Checks the notes of one episode of care (one patient, discipline and plan of care, in any order). */
  checkEpisode(notes: Note[], options?: CallOptions): Promise<EpisodeReport>;
  /** An array of notes as JSON text in, the EpisodeReport as JSON text out. */
  checkEpisodeJson(text: string, options?: CallOptions): Promise<string>;
  rules(): Promise<RuleDoc[]>;
  version(): Promise<string>;
  limits(): Promise<Limits>;
  /** Any method of Checker or function of the package, by name (how methods added later are reached). */
  call<M extends WorkerMethod>(method: M, args: ArgsOf<Callable[M]>, options?: CallOptions): Promise<ResultOf<Callable[M]>>;
  /** Stops the worker (if this client started it); pending calls reject with an `AbortError`. */
  terminate(): void;
}
