/**
 * The worker DuckDB-WASM runs in, started by `browser.ts` with the URL of DuckDB's own worker
 * script as its name. DuckDB's worker pipes the engine's response through a `TransformStream` to
 * report download progress, which hands `WebAssembly.instantiateStreaming` a Response built in
 * JavaScript: it compiles, but the browser never caches the compiled code, which it keys by the URL
 * of a response it fetched itself. Without `TransformStream`, DuckDB compiles straight from
 * `fetch()`: streaming compilation while the bytes arrive, and the compiled engine kept between
 * pages. Nothing else in DuckDB's worker uses `TransformStream`.
 */
const script = new URL(self.name, self.location.href);
if (script.origin !== self.location.origin) throw new Error(`engine worker: ${script.href} is not on this site`);
Reflect.deleteProperty(globalThis, 'TransformStream');
// DuckDB then says, on every start, that it has no progress handler: that is the point, not news.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => void (args[0] === 'instantiating without progress handler since transform streams are unavailable' || warn(...args));
(globalThis as unknown as { importScripts(url: string): void }).importScripts(script.href);
