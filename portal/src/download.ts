import { storedToken } from './api';

/**
 * Downloads a document with the session token (restricted documents need it; a plain link would be
 * refused), then hands the PDF to the browser.
 */
export async function downloadWithToken(url: string, fileName: string): Promise<void> {
  const token = storedToken();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`Dokumen tidak dapat diunduh (${res.status})`);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
