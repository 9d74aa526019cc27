// Importing this module inside a module worker makes that worker answer `WorkerChecker`.
export {};
