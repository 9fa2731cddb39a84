// Generates the app and tray icons (RGBA PNG) without an image library: a rounded "V" badge.
// Run: node scripts/make-icons.mjs  (outputs are committed under resources/).
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, [r, g, b], badge) {
  const rows = [];
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const inCircle = Math.hypot(x - c, y - c) <= size / 2 - 0.5;
      // A "V": two strokes from the top corners to the bottom centre.
      const t = y / size;
      const vx1 = size * (0.25 + 0.25 * t),
        vx2 = size * (0.75 - 0.25 * t);
      const stroke = size * 0.09;
      const inV = t > 0.25 && t < 0.78 && (Math.abs(x - vx1) < stroke || Math.abs(x - vx2) < stroke);
      const inBadge = badge && Math.hypot(x - size * 0.78, y - size * 0.22) < size * 0.2;
      const px = inBadge ? [245, 158, 11, 255] : inV && inCircle ? [255, 255, 255, 255] : inCircle ? [r, g, b, 255] : [0, 0, 0, 0];
      row.set(px, 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const brand = [37, 99, 235];
writeFileSync('resources/icon.png', png(512, brand, false));
writeFileSync('resources/tray.png', png(32, brand, false));
writeFileSync('resources/tray-warning.png', png(32, brand, true));
