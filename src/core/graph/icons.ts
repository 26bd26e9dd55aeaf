// One glyph per node kind, drawn with strokes on a 16 x 16 grid. The graph draws them inline (so the CLI's SVG
// is self-contained); media/icons/<kind>.svg are the same glyphs as files (a unit test keeps them equal).
import type { NodeKind } from '../model';

export const KIND_ICONS: Record<NodeKind, string> = {
  function: 'M4 2.5h2.5l5.5 11M8.4 7.3L4 13.5',
  stream: 'M1.5 4.5q3.25-2.5 6.5 0t6.5 0M1.5 8q3.25-2.5 6.5 0t6.5 0M1.5 11.5q3.25-2.5 6.5 0t6.5 0',
  'table-stream': 'M2.5 3.5h11v9h-11zM2.5 6.5h11M5 9.5q1.5-1.5 3 0t3 0',
  queue: 'M1.5 5h3.5v6H1.5zM6.25 5h3.5v6h-3.5zM11 5h3.5v6H11z',
  topic: 'M2.5 6v4h2.5l5 3V3L5 6zM12 5.5q1.5 2.5 0 5',
  bucket: 'M2 3.5h12l-1.8 10H3.8zM2 3.5q6 2.5 12 0',
  table: 'M2 2.5h12v11H2zM2 6h12M2 9.75h12M6.5 6v7.5',
  'event-bus': 'M1 8h14M4 4.5v7M8 4.5v7M12 4.5v7',
  schedule: 'M8 2a6 6 0 1 1 0 12a6 6 0 1 1 0-12zM8 4.5V8l2.5 1.5',
  api: 'M5 4.5L1.5 8 5 11.5M11 4.5l3.5 3.5-3.5 3.5M9.25 3l-2.5 10',
  store: 'M3 4q5-2.5 10 0v8q-5 2.5-10 0zM3 4q5 2.5 10 0M3 8q5 2.5 10 0',
  external: 'M9 2.5h4.5V7M13.5 2.5L7.5 8.5M12 9.5v4H2.5V4h4',
};

/** The glyph as a standalone SVG file (media/icons/<kind>.svg), in a neutral grey that reads on light and dark. */
export function iconSvgFile(kind: NodeKind): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">' +
    `<path d="${KIND_ICONS[kind]}" fill="none" stroke="#858585" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round"/>` +
    '</svg>\n'
  );
}
