// After `vite build`: writes a Brotli (.br) and a gzip (.gz) copy beside every text asset of the web
// build, so the server sends the compressed bytes without compressing on each request
// (@fastify/static `preCompressed`). The UI's 2.8 MB of JavaScript goes over the wire as about
// 0.7 MB — what makes a first visit fit in a second on an office network (docs/benchmarks.md).
//
//   node scripts/compress-web.mjs [dist/web]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'dist/web');
const TEXT = /\.(js|css|html|svg|json|webmanifest|txt)$/;
/** Smaller files gain less than the extra look-up costs. */
const MIN_BYTES = 1024;

let before = 0;
let after = 0;
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (TEXT.test(entry.name)) compress(file);
  }
}
function compress(file) {
  const data = fs.readFileSync(file);
  if (data.length < MIN_BYTES) return;
  const br = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = zlib.gzipSync(data, { level: 9 });
  // A copy that is not smaller is not written: the plain file is served instead.
  if (br.length < data.length) fs.writeFileSync(`${file}.br`, br);
  if (gz.length < data.length) fs.writeFileSync(`${file}.gz`, gz);
  before += data.length;
  after += Math.min(br.length, data.length);
}

if (!fs.existsSync(root)) throw new Error(`no web build in ${root}`);
walk(root);
process.stdout.write(
  `compressed ${root}: ${(before / 1048576).toFixed(2)} MB of text assets → ${(after / 1048576).toFixed(2)} MB with Brotli\n`,
);
