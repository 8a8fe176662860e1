/**
 * A QR code as one SVG path (app/domain/qr.ts): dark modules on white with the four-module quiet
 * zone the standard asks for, crisp edges at any size. Drawn from the text on the server and in
 * the browser alike.
 */
import { useMemo } from 'react';
import { encodeQr, type QrCode as Code } from '~/domain/qr';

/** Quiet zone, in modules, on every side (ISO/IEC 18004 §6.3.8). */
export const QUIET_ZONE = 4;

/** One sub-path per horizontal run of dark modules: `M x y h run v1 h -run z`. */
export function qrPath(code: Code): string {
  let d = '';
  code.modules.forEach((row, y) => {
    for (let x = 0; x < code.size; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < code.size && row[x + run]) run++;
      d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run;
    }
  });
  return d;
}

export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const code = useMemo(() => encodeQr(text), [text]);
  const side = code.size + QUIET_ZONE * 2;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      className={className}
      shapeRendering="crispEdges"
      data-qr-modules={code.size}
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={qrPath(code)} fill="#000000" />
    </svg>
  );
}
