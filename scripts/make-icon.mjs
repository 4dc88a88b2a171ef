// Draws the extension icon (images/icon.png, 128x128): four Windows panes on a blue tile, the
// fourth one green with a check mark (a linter for Windows containers). Plain Node (zlib), no
// image library; run it again only when the design changes, the PNG is committed.
// Usage: node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const samples = 4;

/** Distance from (x, y) to a rounded rectangle; negative inside. */
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const top = [0x1f, 0x74, 0xd8];
const bottom = [0x0b, 0x47, 0x9c];
const white = [0xff, 0xff, 0xff];
const green = [0x2e, 0xa0, 0x43];

const pane = 34;
const gap = 8;
const origin = (size - 2 * pane - gap) / 2;
const panes = [0, 1].flatMap((row) => [0, 1].map((column) => [origin + column * (pane + gap), origin + row * (pane + gap)]));

/** The colour and coverage of the sample at (x, y), painted back to front. */
function sample(x, y) {
  let color = [0, 0, 0];
  let alpha = 0;
  if (roundedRect(x, y, 0, 0, size, size, 26) <= 0) {
    color = mix(top, bottom, y / size);
    alpha = 1;
  }
  panes.forEach(([px, py], index) => {
    if (roundedRect(x, y, px, py, px + pane, py + pane, 6) <= 0) color = index === 3 ? green : white;
  });
  const [cx, cy] = panes[3];
  const check = Math.min(segment(x, y, cx + 8, cy + 18, cx + 15, cy + 25), segment(x, y, cx + 15, cy + 25, cx + 27, cy + 10));
  if (check <= 2.8) color = white;
  return { color, alpha };
}

const pixels = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  const row = y * (size * 4 + 1);
  pixels[row] = 0;
  for (let x = 0; x < size; x++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const { color, alpha } = sample(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
        r += color[0] * alpha;
        g += color[1] * alpha;
        b += color[2] * alpha;
        a += alpha;
      }
    }
    const offset = row + 1 + x * 4;
    pixels[offset] = a ? Math.round(r / a) : 0;
    pixels[offset + 1] = a ? Math.round(g / a) : 0;
    pixels[offset + 2] = a ? Math.round(b / a) : 0;
    pixels[offset + 3] = Math.round((a / (samples * samples)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(new URL('../images/', import.meta.url), { recursive: true });
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
