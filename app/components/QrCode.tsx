/**
 * A QR code as one SVG path: the modules come from `uqr` (a maintained encoder; error correction
 * level M, so a code read from the back of a room survives a smudge or a glare), dark modules on
 * white with the four-module quiet zone the standard asks for, crisp edges at any size. Drawn
 * from the text on the server and in the browser alike.
 */
import { useMemo } from 'react';
import { encode } from 'uqr';

/** Quiet zone, in modules, on every side (ISO/IEC 18004 §6.3.8). */
export const QUIET_ZONE = 4;

/** One sub-path per horizontal run of dark modules (`modules[y][x]`, no quiet zone): `M x y h run v1 h -run z`. */
export function qrPath(modules: boolean[][]): string {
  let d = '';
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < row.length && row[x + run]) run++;
      d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run;
    }
  });
  return d;
}

export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const code = useMemo(() => encode(text, { ecc: 'M', border: 0 }), [text]);
  const side = code.size + QUIET_ZONE * 2;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      className={className}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={qrPath(code.data)} fill="#000000" />
    </svg>
  );
}
