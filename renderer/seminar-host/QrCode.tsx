// A QR code drawn as SVG rectangles by React (renderer/seminar-host/qr.ts), dark on white whatever
// the theme: phones read dark modules on a light ground.
import { useMemo } from 'react';
import { qrDrawing } from './qr';

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, runs } = useMemo(() => qrDrawing(text), [text]);
  return (
    <svg className="aa-seminar-qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      {runs.map((r) => (
        <rect key={`${r.x},${r.y}`} x={r.x} y={r.y} width={r.width} height={1} fill="#000" />
      ))}
    </svg>
  );
}
