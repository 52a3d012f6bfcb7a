/**
 * The server takes work-order photos as strings of at most 2,000 characters (URLs or attachment ids)
 * and has no upload endpoint yet, so a photo travels as a small JPEG data URL that fits: the largest
 * size and quality under the limit. Null when the file is not a readable image.
 */
export const PHOTO_MAX_CHARS = 2000;

function load(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('not an image'));
    img.src = url;
  });
}

export async function photoThumbnail(file: File, maxChars = PHOTO_MAX_CHARS): Promise<string | null> {
  if (!file.type.startsWith('image/')) return null;
  const url = URL.createObjectURL(file);
  try {
    const img = await load(url);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (!context) return null;
    for (const size of [160, 128, 96, 72, 56, 40]) {
      const scale = Math.min(1, size / Math.max(img.naturalWidth, img.naturalHeight, 1));
      canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
      canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(img, 0, 0, canvas.width, canvas.height);
      for (const quality of [0.75, 0.55, 0.4, 0.25]) {
        const data = canvas.toDataURL('image/jpeg', quality);
        if (data.length <= maxChars) return data;
      }
    }
    return null;
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
