/**
 * Resolves a request path to a file of the built renderer, refusing anything
 * that would escape its folder. Used by the Electron protocol handler and the
 * web host alike.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads the file a request path names; another reader (a slot's, which verifies) may be passed to the hosts. */
export type RendererFileReader = (urlPath: string) => Promise<StaticFile | undefined>;

/** The file a request path names under root, as a forward-slash relative path, or undefined if it would escape. */
export function rendererRelativePath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  if (full === root || !full.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  return full.slice(root.length).replace(/^[\\/]+/, '').split(sep).join('/');
}

export function contentTypeOf(path: string): string {
  return MIME[extname(path)] ?? 'application/octet-stream';
}

export async function readRendererFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const relative = rendererRelativePath(root, urlPath);
  if (relative === undefined) return undefined;
  try {
    return { body: await readFile(join(root, relative)), contentType: contentTypeOf(relative) };
  } catch {
    return undefined;
  }
}
