// chartlint/worker: the engine in a module worker, behind a client with Checker's methods,
// promise-returning. Building the checker (hundreds of milliseconds: the rules' patterns are
// compiled once) and every check run off the main thread, so an editor never freezes.
//
//   const checker = new WorkerChecker(config);         // starts the worker; nothing blocks
//   const report = await checker.check(note, { lane: "editor" });
//
// Calls on the same `lane` supersede each other: while one runs, only the newest waits, and
// an older waiting call rejects with an AbortError. Calls without a lane all run, in order.
// Requests and replies are plain objects (structured clone); nothing is transferred.

const SCRIPT = "./worker-script.js";

function abortError(message) {
  const e = new Error(message);
  e.name = "AbortError";
  return e;
}

function toError(error) {
  const e = new Error(error?.message ?? "chartlint worker: unknown error");
  if (error?.name && error.name !== "Error") e.name = error.name;
  return e;
}

/** A URL object cannot be cloned into a worker: send its text. */
function cloneableWasm(wasm) {
  if (wasm === undefined || wasm === null) return undefined;
  if (typeof wasm === "string") return wasm;
  if (typeof URL !== "undefined" && wasm instanceof URL) return wasm.href;
  return wasm; // a WebAssembly.Module or bytes: structured-cloneable
}

/**
 * `lane` and `signal` steer the call in this client; every other key is the check's own option
 * (`stage`, `dismissed`, …), sent to the worker, where the engine validates it (an unknown key
 * is an error naming it there, as with `Checker.check`).
 */
function splitOptions(options) {
  if (options === undefined || options === null) return [undefined, undefined];
  if (typeof options !== "object") return [options, undefined]; // the engine reports the type error
  const { lane, signal, ...rest } = options;
  return [Object.keys(rest).length ? rest : undefined, { lane, signal }];
}

export class WorkerChecker {
  #worker;
  #ownsWorker;
  #nextId = 1;
  #pending = new Map(); // id -> { resolve, reject, lane }
  #lanes = new Map(); // lane -> { busy: boolean, waiting: request | null }
  #failure = null;

  /**
   * @param config the Checker's config (validated in the worker; `ready` rejects if invalid)
   * @param options `worker`: a Worker you started (its script imports "chartlint/worker-script");
   *   `wasm`: where the worker gets the WebAssembly (a URL or a compiled WebAssembly.Module).
   */
  constructor(config, options) {
    options ??= {};
    if (options.worker) {
      this.#worker = options.worker;
      this.#ownsWorker = false;
    } else {
      if (typeof Worker === "undefined") {
        throw new Error("chartlint/worker needs Web Workers (a browser); in Node or server rendering use `chartlint` directly");
      }
      this.#worker = new Worker(new URL("./worker-script.js", import.meta.url), { type: "module", name: "chartlint" });
      this.#ownsWorker = true;
    }
    this.#worker.addEventListener("message", (e) => this.#onMessage(e.data));
    this.#worker.addEventListener("error", (e) => {
      e.preventDefault?.();
      this.#fail(new Error(`chartlint worker failed${e.message ? `: ${e.message}` : ` to start (${SCRIPT})`}`));
    });
    this.#worker.addEventListener("messageerror", () => this.#fail(new Error("chartlint worker: a message could not be read")));
    /** Resolves with the engine's version once the worker has built its Checker. */
    this.ready = this.#post("init", { config: config ?? undefined, wasm: cloneableWasm(options.wasm) });
    this.ready.catch(() => {}); // observed through the calls too
  }

  /**
   * Checks a note: the Report, as `Checker.check` returns it. `options` holds both the check's
   * options (`stage`, `dismissed`: sent to the worker) and the call's (`lane`, `signal`).
   */
  check(note, options) {
    const [checkOptions, callOptions] = splitOptions(options);
    return this.call("check", checkOptions === undefined ? [note] : [note, checkOptions], callOptions);
  }

  /** JSON text in, JSON text out, as `Checker.checkJson`; `options` as for `check`. */
  checkJson(text, options) {
    const [checkOptions, callOptions] = splitOptions(options);
    return this.call("checkJson", checkOptions === undefined ? [text] : [text, checkOptions], callOptions);
  }

  /** Checks the notes of one episode of care: the EpisodeReport, as `Checker.checkEpisode` returns it. */
  checkEpisode(notes, options) {
    return this.call("checkEpisode", [notes], options);
  }

  /** An array of notes as JSON text in, the EpisodeReport as JSON text out, as `Checker.checkEpisodeJson`. */
  checkEpisodeJson(text, options) {
    return this.call("checkEpisodeJson", [text], options);
  }

  /** The rule catalogue. */
  rules() {
    return this.call("rules", []);
  }

  version() {
    return this.call("version", []);
  }

  limits() {
    return this.call("limits", []);
  }

  /**
   * Any method of Checker or function of the package, by name, with its arguments: how new
   * methods are reached before this client names them.
   * `options.lane`: calls on the same lane supersede each other; `options.signal` cancels.
   */
  call(method, args = [], options = {}) {
    const { lane, signal } = options ?? {};
    if (this.#failure) return Promise.reject(this.#failure);
    if (signal?.aborted) return Promise.reject(abortError("chartlint: the check was cancelled"));
    if (lane === undefined || lane === null) return this.#withSignal(this.#post("call", { method, args }), signal);
    return new Promise((resolve, reject) => {
      const request = { method, args, resolve, reject, signal };
      let state = this.#lanes.get(lane);
      if (!state) this.#lanes.set(lane, (state = { busy: false, waiting: null }));
      if (!state.busy) {
        this.#runInLane(lane, state, request);
      } else {
        state.waiting?.reject(abortError("chartlint: superseded by a newer check"));
        state.waiting = request;
        signal?.addEventListener("abort", () => {
          if (state.waiting === request) {
            state.waiting = null;
            reject(abortError("chartlint: the check was cancelled"));
          }
        }, { once: true });
      }
    });
  }

  /** Stops the worker (if this client started it); pending calls reject with an AbortError. */
  terminate() {
    this.#fail(abortError("chartlint: the worker was terminated"));
    if (this.#ownsWorker) this.#worker.terminate();
  }

  #runInLane(lane, state, request) {
    state.busy = true;
    const answered = this.#post("call", { method: request.method, args: request.args });
    this.#withSignal(answered, request.signal).then(request.resolve, request.reject);
    // The lane frees when the worker answers (not when a signal stops waiting for it).
    const done = () => {
      state.busy = false;
      const next = state.waiting;
      state.waiting = null;
      if (next && !this.#failure) this.#runInLane(lane, state, next);
    };
    answered.then(done, done);
  }

  #withSignal(promise, signal) {
    if (!signal) return promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abortError("chartlint: the check was cancelled"));
      signal.addEventListener("abort", onAbort, { once: true });
      promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
  }

  #post(op, body) {
    const id = this.#nextId++;
    const promise = new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
    });
    try {
      this.#worker.postMessage({ id, op, ...body });
    } catch (e) {
      this.#pending.delete(id);
      return Promise.reject(e);
    }
    return promise;
  }

  #onMessage(msg) {
    if (!msg || typeof msg !== "object") return;
    const entry = this.#pending.get(msg.id);
    if (!entry) return;
    this.#pending.delete(msg.id);
    if (msg.ok) entry.resolve(msg.value);
    else entry.reject(toError(msg.error));
  }

  #fail(error) {
    this.#failure ??= error;
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
    for (const state of this.#lanes.values()) {
      state.waiting?.reject(error);
      state.waiting = null;
    }
  }
}
