// Starts a program's wasm with compressed bytes on any host: X_bg.wasm where
// the host compresses, else X_bg.wasm.gz decoded here. Judged by first bytes:
// gzip is decoded, wasm used as is, anything else means the plain file.
// ARCHITECTURE.md, "Compressed on any host"; sw.js decides the same way.

/** Whether a stylesheet of this page came compressed (Resource Timing). */
const compresses = () => performance.getEntriesByType('resource').some((e) => e.initiatorType === 'link'
  && /\.css$/.test(new URL(e.name).pathname) && e.encodedBodySize > 0 && e.encodedBodySize < e.decodedBodySize);

/** wasm-bindgen's `init` (from the `glue` module's promise) with the wasm at `url`. */
export async function startWasm(glue, url) {
  let broken = false;
  const response = compresses() || !self.DecompressionStream ? fetch(url) : gz(url, () => { broken = true; });
  response.catch(() => {});
  const { default: init } = await glue;
  try {
    return await init({ module_or_path: response });
  } catch (error) {
    // Only a .gz that failed to decode (before the program ran) is retried.
    if (!broken) throw error;
  }
  return init({ module_or_path: url });
}

async function gz(url, onBroken) {
  try {
    const response = await fetch(`${url}.gz`);
    const reader = response.ok && response.body.getReader();
    const chunks = [];
    let head = [];
    while (reader && head.length < 4) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      head = [...head, ...value.subarray(0, 4)];
    }
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    if (gzip || head.slice(0, 4).join() === '0,97,115,109') {
      let body = new ReadableStream({
        start(c) { chunks.forEach((chunk) => c.enqueue(chunk)); },
        pull: (c) => reader.read().then(({ done, value }) => (done ? c.close() : c.enqueue(value))),
        cancel: (reason) => reader.cancel(reason),
      });
      if (gzip) {
        const decoded = body.pipeThrough(new DecompressionStream('gzip')).getReader();
        body = new ReadableStream({
          pull: (c) => decoded.read().then(({ done, value }) => (done ? c.close() : c.enqueue(value)),
            (error) => { onBroken(); c.error(error); }),
          cancel: (reason) => decoded.cancel(reason),
        });
      }
      // instantiateStreaming needs this type.
      return new Response(body, { headers: { 'content-type': 'application/wasm' } });
    }
    if (reader) reader.cancel().catch(() => {});
  } catch {
    // The plain file.
  }
  return fetch(url);
}
