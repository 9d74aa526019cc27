//! The TypeScript types of the Report (`pkg-config/report.d.ts`), generated from the Rust
//! types with ts-rs (a dev-dependency: nothing of it is in the `.wasm`).
