/**
 * public/ answered by the server itself (docs/decisions/048; before it express.static, then decision
 * 047's map). In production the folder is read once at start: a map from URL path to bytes and
 * headers, so a request for a static file costs a map look-up and every other request passes through
 * without a `stat`. Under `remix dev` (which rewrites public/build while running) each request reads
 * the file from disk instead. Same answers as express.static gave: Content-Type with charset,
 * Cache-Control (1 year and immutable under /build, 1 hour elsewhere), a strong ETag and 304, HEAD;
 * under /build an unknown file is a 404. The judges' service worker (public/judge-sw.js, decision
 * 032) is always revalidated, so a new version reaches the tablets at their next visit, and may
 * control /judge/ (its scope may not be wider than where it is served from without this header).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

const { mime } = express.static;

/** The headers of a file that are not the same for every file. */
const SPECIAL = {
  '/judge-sw.js': { type: 'text/javascript; charset=utf-8', cacheControl: 'no-cache', extra: [['Service-Worker-Allowed', '/judge/']] },
};

function describe(root, full) {
  const body = fs.readFileSync(full);
  const urlPath = '/' + path.relative(root, full).split(path.sep).join('/');
  const type = mime.lookup(full);
  const charset = mime.charsets.lookup(type);
  return {
    body,
    type: charset ? `${type}; charset=${charset}` : type,
    etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    cacheControl: urlPath.startsWith('/build/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    lastModified: fs.statSync(full).mtime.toUTCString(),
    extra: [],
    ...SPECIAL[urlPath],
  };
}

/** Every file under root, read now. */
function readAll(root) {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set('/' + path.relative(root, full).split(path.sep).join('/'), describe(root, full));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return files;
}

/** The file at a URL path, read from disk now (development); never outside root nor a dotfile. */
function readOne(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
  const full = path.join(root, decoded);
  try {
    return fs.statSync(full).isFile() ? describe(root, full) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `serveStatic(req, res, pathname, send)`: answers and returns true when the path is a file of
 * public/ (or under /build), false otherwise. `send(req, res, write)` writes the answer (compression).
 */
export function staticFiles(root, { fromDisk }) {
  const files = fromDisk ? null : readAll(root);
  const lookup = fromDisk ? (urlPath) => readOne(root, urlPath) : (urlPath) => files.get(urlPath);
  return function serveStatic(req, res, pathname, send) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const file = lookup(pathname);
    if (!file) {
      if (!pathname.startsWith('/build/')) return false;
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Content-Length', 9);
      send(req, res, () => res.end(req.method === 'HEAD' ? undefined : 'Not Found'));
      return true;
    }
    res.setHeader('Cache-Control', file.cacheControl);
    res.setHeader('ETag', file.etag);
    res.setHeader('Last-Modified', file.lastModified);
    for (const [name, value] of file.extra) res.setHeader(name, value);
    const tags = req.headers['if-none-match'];
    if (tags && tags.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag || tag.trim() === '*')) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Length', file.body.length);
    res.statusCode = 200;
    send(req, res, () => res.end(req.method === 'HEAD' ? undefined : file.body));
    return true;
  };
}
