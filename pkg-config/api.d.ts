
// ---- Loading ---------------------------------------------------------------------------
// These types name browser and Node classes only when the project's `lib` (or @types/node)
// declares them, so the declarations type-check under any `lib` with `skipLibCheck: false`.

/** An instance of the global class `K` (`never` where the project's lib does not declare it). */
type GlobalInstance<K extends string> = typeof globalThis extends { [P in K]: { prototype: infer T } } ? T : never;
/** `WebAssembly.Module`, where the project's lib declares it. */
export type WasmModule = typeof globalThis extends { WebAssembly: { Module: { prototype: infer M } } } ? M : never;
/** `Symbol.dispose`, where the project's lib declares it (`esnext` or `esnext.disposable`). */
type DisposeSymbol = typeof globalThis extends { Symbol: { readonly dispose: infer K extends symbol } } ? K : never;
/** `using checker = new Checker()` frees it at the end of the block where the lib knows `Symbol.dispose`. */
type MaybeDisposable = [DisposeSymbol] extends [never] ? {} : { [P in DisposeSymbol]: () => void };

/**
 * Where `init()` gets the WebAssembly: its URL (a string or `URL`), a `fetch` Response (or
 * its promise), the bytes, or a compiled `WebAssembly.Module`.
 */
export type WasmSource =
  | string
  | GlobalInstance<"URL">
  | GlobalInstance<"Response">
  | PromiseLike<GlobalInstance<"Response">>
  | ArrayBuffer
  | ArrayBufferView
  | WasmModule;

/** wasm-bindgen's object form of `init()`'s argument, accepted too. */
export interface InitOptions {
  module_or_path: WasmSource | PromiseLike<WasmSource>;
}

/**
 * Loads and instantiates the WebAssembly, once: later calls return the same promise (a failed
 * load can be retried). Browsers: await it before the synchronous API, which otherwise throws
 * `chartlint is not initialised: await init() first`. Without an argument the browser entry
 * fetches `chartlint_bg.wasm` next to the module; Node, CommonJS and `chartlint/inline` use
 * their inlined bytes (and initialise on first use, so `init()` is optional there).
 */
export declare function init(input?: WasmSource | PromiseLike<WasmSource> | InitOptions): Promise<void>;
export default init;

/** Synchronous initialisation from the bytes or a compiled module (workers, tests). */
export declare function initSync(input: ArrayBuffer | ArrayBufferView | WasmModule | { module: ArrayBuffer | ArrayBufferView | WasmModule }): void;

/** True once the WebAssembly is instantiated. */
export declare function isInitialised(): boolean;

/** Initialises if needed, then builds a `Checker`: the async way in, no `init()` to remember. */
export declare function createChecker(config?: Config | null): Promise<Checker>;

export interface Checker extends MaybeDisposable {}
