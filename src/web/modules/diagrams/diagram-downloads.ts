/** Downloads of a drawn diagram: the SVG as it is, or drawn on a canvas as a PNG. */

/** A file name for downloads: the title in lower-case words joined by hyphens. */
export function fileBaseName(title: string): string {
  const base = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return base || 'diagram';
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(svg: string, title: string): void {
  download(new Blob([svg], { type: 'image/svg+xml' }), `${fileBaseName(title)}.svg`);
}

/** Draws the SVG on a canvas at twice its size (sharp on high-density screens) and downloads it as PNG. */
export async function downloadPng(svg: string, title: string): Promise<void> {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = parsed.documentElement;
  const viewBox = root.getAttribute('viewBox')?.split(/[\s,]+/).map(Number) ?? [];
  const width = Math.ceil(viewBox[2] ?? Number.parseFloat(root.getAttribute('width') ?? '800')) || 800;
  const height = Math.ceil(viewBox[3] ?? Number.parseFloat(root.getAttribute('height') ?? '600')) || 600;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  const source = new XMLSerializer().serializeToString(root);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The diagram could not be drawn as an image'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await loaded;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The image could not be encoded');
  download(blob, `${fileBaseName(title)}.png`);
}
