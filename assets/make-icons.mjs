// Draws the add-in's icon — a customer pyramid in three tiers — as PNGs of the sizes Office asks for.
// Run: node assets/make-icons.mjs (the PNGs are committed; this script documents how they were made).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
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

const tiers = [
  [0x1f, 0x4e, 0x79],
  [0x2e, 0x75, 0xb6],
  [0x9d, 0xc3, 0xe6],
];

function icon(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const margin = size * 0.08;
  const top = margin;
  const bottom = size - margin;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // Supersample 4x4 for smooth edges at 16 px.
      let cover = 0;
      let tier = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4;
          const py = y + (sy + 0.5) / 4;
          if (py < top || py > bottom) continue;
          const t = (py - top) / (bottom - top);
          const half = (t * (size - 2 * margin)) / 2;
          if (Math.abs(px - size / 2) > half) continue;
          const band = Math.min(2, Math.floor(t * 3));
          const gap = Math.abs(t * 3 - Math.round(t * 3)) < 0.04 && t > 0.05 && t < 0.95;
          if (gap) continue;
          cover++;
          tier += band;
        }
      }
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      const color = tiers[Math.round(tier / Math.max(1, cover))];
      raw[offset] = color[0];
      raw[offset + 1] = color[1];
      raw[offset + 2] = color[2];
      raw[offset + 3] = Math.round((cover / 16) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// 16, 32, 80: the ribbon's required sizes; 20, 24, 40, 48, 64: its high-DPI sizes; 32 and 64: IconUrl and
// HighResolutionIconUrl; 128 and 300: the store listing.
for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128, 300]) {
  writeFileSync(new URL(`icon-${size}.png`, import.meta.url), icon(size));
}
