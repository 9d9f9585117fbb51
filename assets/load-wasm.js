// Starts a program's wasm with compressed bytes on the wire on any host
// (imported by the boot scripts scripts/postbuild.mjs writes).
//
// A host that compresses (docs/hosting/, README «Publisere») sends
// `X_bg.wasm` compressed, brotli where it can. One that compresses nothing
// would send it raw, about 2.5 times the bytes: there the build's
// `X_bg.wasm.gz` is fetched instead and decoded here (DecompressionStream).
// Which kind of host this is shows, without a request, in what it did with
// the stylesheet this page has already loaded (Resource Timing, same origin);
// sw.js decides the same way, so it finds the file the page fetched in the
// HTTP cache and never fetches it a second time.
//
// What arrives is judged by its first bytes, not by its name or headers:
// gzip (1f 8b) is decoded; wasm (00 61 73 6d) is used as it is (a host that
// sends the .gz with Content-Encoding: gzip, which the browser has already
// decoded, or the service worker's copy); anything else (404, a host's error
// or index page) means the plain file. Integrity: the name is the content's
// hash, as for the plain file, and gzip carries a CRC-32 and the length,
// which DecompressionStream checks: a damaged or cut .gz fails, and the plain
// file is fetched.

const GZIP = [0x1f, 0x8b];
const WASM = [0x00, 0x61, 0x73, 0x6d];
const startsWith = (bytes, magic) => magic.every((b, i) => bytes[i] === b);

/** Whether this host compresses what it sends: a stylesheet of this page
 *  came with fewer bytes than it has. */
export function hostCompresses() {
  return performance.getEntriesByType('resource').some((e) => e.initiatorType === 'link'
    && /\.css$/.test(new URL(e.name).pathname) && e.encodedBodySize > 0 && e.encodedBodySize < e.decodedBodySize);
}

/** Runs wasm-bindgen's `init` with the wasm at `url` (a URL). `glue` is the
 *  promise of the program's JS module: the wasm is fetched while it loads. */
export async function startWasm(glue, url) {
  let broken = false;
  const response = hostCompresses() || typeof DecompressionStream !== 'function'
    ? fetch(url) : compressed(url, () => { broken = true; });
  response.catch(() => {});
  const { default: init } = await glue;
  try {
    return await init({ module_or_path: response });
  } catch (error) {
    // Only a .gz that failed on the way (before the program ran) is tried
    // again, as the plain file; any other error is the program's own.
    if (!broken) throw error;
  }
  return init({ module_or_path: url });
}

/** `url`.gz as a wasm Response (streamed, so the browser compiles while it
 *  arrives), or the plain file. `onBroken` is told if decoding fails. */
async function compressed(url, onBroken) {
  try {
    const response = await fetch(`${url}.gz`);
    if (response.ok && response.body) {
      const reader = response.body.getReader();
      const chunks = [];
      let head = new Uint8Array(0);
      while (head.length < 4) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        head = new Uint8Array([...head, ...value.subarray(0, 4)]);
      }
      const gzip = startsWith(head, GZIP);
      if (gzip || startsWith(head, WASM)) {
        let body = new ReadableStream({
          start(controller) { for (const chunk of chunks) controller.enqueue(chunk); },
          async pull(controller) {
            const { done, value } = await reader.read();
            if (done) controller.close(); else controller.enqueue(value);
          },
          cancel(reason) { return reader.cancel(reason); },
        });
        if (gzip) body = watched(body.pipeThrough(new DecompressionStream('gzip')), onBroken);
        // instantiateStreaming needs this type.
        return new Response(body, { headers: { 'content-type': 'application/wasm' } });
      }
      reader.cancel().catch(() => {});
    }
  } catch {
    // The plain file, below.
  }
  return fetch(url);
}

/** `stream`, telling `onError` when reading it fails. */
function watched(stream, onError) {
  const reader = stream.getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close(); else controller.enqueue(value);
      } catch (error) {
        onError();
        controller.error(error);
      }
    },
    cancel(reason) { return reader.cancel(reason); },
  });
}
