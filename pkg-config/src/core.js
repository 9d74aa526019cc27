// The package's API around wasm-bindgen's glue (`glue.js`, generated with `--target web`).
// Every entry (browser, Node, CommonJS, inlined) re-exports this module; they differ only in
// where the WebAssembly comes from. Nothing here reads or fetches the .wasm when imported:
// that happens in `init()`, or, in entries that know their bytes (Node, CommonJS, inline), on
// the first synchronous call.
import initGlue, {
  initSync as initGlueSync,
  Checker as GlueChecker,
  checkNote as glueCheckNote,
  checkEpisode as glueCheckEpisode,
  rules as glueRules,
  version as glueVersion,
  limits as glueLimits,
} from "./glue.js";

const NOT_INITIALISED = "chartlint is not initialised: await init() first";

let ready = false;
let pending = null;
/** Set by entries that carry their bytes: returns the .wasm bytes, synchronously. */
let bytesSource = null;

/** @internal Lets an entry supply the .wasm bytes for initialisation on first use. */
export function __setBytesSource(fn) {
  bytesSource = fn;
}

function ensureReady() {
  if (ready) return;
  if (!bytesSource) throw new Error(NOT_INITIALISED);
  try {
    initGlueSync({ module: bytesSource() });
  } catch (e) {
    // Chromium refuses to compile a large module synchronously on a page's main thread.
    throw new Error(`${NOT_INITIALISED} (${e?.message ?? e})`, { cause: e });
  }
  ready = true;
}

/** wasm-bindgen's own `{ module_or_path }` form is accepted too. */
function unwrap(input) {
  return input !== null && typeof input === "object" && "module_or_path" in input ? input.module_or_path : input;
}

/**
 * Loads and instantiates the WebAssembly, once. Call it (and await it) before the synchronous
 * API in browsers; later calls return the same promise. `input` is where the .wasm comes from:
 * a URL, a `fetch` Response (or its promise), the bytes, or a compiled `WebAssembly.Module`.
 * Without it the browser entry fetches `chartlint_bg.wasm` next to the module.
 */
export default function init(input) {
  if (ready) return Promise.resolve();
  if (!pending) {
    const source = unwrap(input);
    pending = (async () => {
      const from = source === undefined && bytesSource ? bytesSource() : await source;
      await initGlue(from === undefined ? undefined : { module_or_path: from });
      ready = true;
    })();
    // A failed load (offline, wrong URL) can be retried by calling init() again.
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
}
export { init };

/** Synchronous initialisation from the bytes or a compiled module (workers, tests). */
export function initSync(input) {
  if (ready) return;
  initGlueSync({ module: unwrap(input) });
  ready = true;
}

/** True once the WebAssembly is instantiated. */
export function isInitialised() {
  return ready;
}

/** A configured checker: build it once, call `check` on every keystroke. */
export class Checker extends GlueChecker {
  constructor(config) {
    ensureReady();
    super(config);
  }
}

/** One-shot convenience: `checkNote(note, config?, options?)` (options as for `Checker.check`). */
export function checkNote(note, config, options) {
  ensureReady();
  return glueCheckNote(note, config, options);
}

/** One-shot convenience: `checkEpisode(notes, config?)`, the notes of one episode of care. */
export function checkEpisode(notes, config) {
  ensureReady();
  return glueCheckEpisode(notes, config);
}

/** The rule catalogue. */
export function rules() {
  ensureReady();
  return glueRules();
}

/** The engine's version. */
export function version() {
  ensureReady();
  return glueVersion();
}

/** The input bounds. */
export function limits() {
  ensureReady();
  return glueLimits();
}

/** Initialises if needed, then builds a `Checker`: the async way in, no `init()` to remember. */
export async function createChecker(config) {
  await init();
  return new Checker(config);
}
