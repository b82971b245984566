/**
 * The mock serves its own media: a small SVG per asset, so stories, tests and the demo never reach an
 * outside URL. The picture is a gradient in colours taken from the key, with the asset's kind and key: a play
 * sign for `kind` 'video', a landscape for 'image' or any other kind.
 */
export function artworkSvg(key: string, kind: string, width = 640, height = 360): string {
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const hue = hash % 360;
  const hue2 = (hue + 40 + (hash >>> 9) % 120) % 360;
  const label = key.replace(/[^\w.-]/g, '').slice(0, 24);
  const glyph =
    kind === 'video'
      ? `<polygon points="${width / 2 - 28},${height / 2 - 36} ${width / 2 - 28},${height / 2 + 36} ${width / 2 + 36},${height / 2}" fill="#fff" fill-opacity="0.85"/>`
      : `<circle cx="${width * 0.7}" cy="${height * 0.35}" r="${height * 0.12}" fill="#fff" fill-opacity="0.8"/>` +
        `<polygon points="0,${height} ${width * 0.35},${height * 0.45} ${width * 0.6},${height} " fill="#000" fill-opacity="0.25"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue} 70% 55%)"/><stop offset="1" stop-color="hsl(${hue2} 65% 35%)"/>` +
    `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${glyph}` +
    `<text x="16" y="${height - 16}" font-family="sans-serif" font-size="22" fill="#fff">${label}</text></svg>`
  );
}
