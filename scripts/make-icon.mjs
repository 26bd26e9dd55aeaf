#!/usr/bin/env node
// Draws media/icon.png (128x128): three pipeline stages joined by arrows on a rounded tile, a lens ring on the
// middle stage. Plain Node (zlib) so the icon can be regenerated anywhere: `node scripts/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const tile = { color: [24, 39, 64], radius: 24 };
const stroke = [120, 200, 255];
const stages = [
  { x: 26, y: 64, r: 13, color: [255, 178, 64] },
  { x: 64, y: 64, r: 15, color: [120, 200, 255] },
  { x: 102, y: 64, r: 13, color: [110, 220, 150] },
];

function insideRoundedTile(x, y) {
  const r = tile.radius;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Colour of one sample point, or null when outside the tile. Later layers paint over earlier ones. */
function sample(x, y) {
  if (!insideRoundedTile(x, y)) return null;
  let color = tile.color;
  for (let i = 0; i + 1 < stages.length; i++) {
    const a = stages[i];
    const b = stages[i + 1];
    if (distanceToSegment(x, y, a.x + a.r, a.y, b.x - b.r - 2, b.y) <= 2.5) color = stroke;
    const tipX = b.x - b.r - 1; // arrow head: a small triangle pointing at the next stage
    if (x <= tipX && x >= tipX - 9 && Math.abs(y - b.y) <= (6 * (tipX - x)) / 9) color = stroke;
  }
  for (const stage of stages) {
    const d = Math.hypot(x - stage.x, y - stage.y);
    if (d <= stage.r) color = stage.color;
  }
  const lens = stages[1];
  const d = Math.hypot(x - lens.x, y - lens.y);
  if (d >= lens.r + 4 && d <= lens.r + 7) color = [235, 240, 248];
  if (distanceToSegment(x, y, lens.x + 16, lens.y + 16, lens.x + 28, lens.y + 28) <= 3.5) color = [235, 240, 248];
  return color;
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 (none), then RGBA
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const color = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!color) continue;
        r += color[0]; g += color[1]; b += color[2]; a += 1;
      }
    }
    const offset = 1 + px * 4;
    if (a > 0) row.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / SAMPLES ** 2)], offset);
  }
  rows.push(row);
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
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../media/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
