/**
 * What an uploaded file is, from its first bytes (magic numbers) — never from its name or the
 * type the browser declared — and what each kind of application file may be.
 * Pure: the upload handler (app/utils/uploads.server.ts) feeds it the first bytes it receives.
 */
import type { FILE_KINDS } from './statuses';

/** What an uploaded file is for (the `files.kind` column). */
export type FileKind = (typeof FILE_KINDS)[number];

export const DETECTED_TYPES = ['pdf', 'png', 'jpeg', 'webp'] as const;
export type DetectedType = (typeof DETECTED_TYPES)[number];

export const FILE_TYPE_INFO: Record<DetectedType, { mimeType: string; extension: string }> = {
  pdf: { mimeType: 'application/pdf', extension: 'pdf' },
  png: { mimeType: 'image/png', extension: 'png' },
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg' },
  webp: { mimeType: 'image/webp', extension: 'webp' },
};

const MB = 1024 * 1024;

/**
 * The rules of each kind. `accept` is only a hint for the browser's file picker; the server
 * decides from the bytes. SVG is absent on purpose: it is a document that can carry scripts.
 */
export const FILE_RULES: Record<FileKind, { types: readonly DetectedType[]; maxBytes: number; maxMegabytes: number; accept: string }> = {
  deck: { types: ['pdf'], maxBytes: 20 * MB, maxMegabytes: 20, accept: 'application/pdf,.pdf' },
  logo: {
    types: ['png', 'jpeg', 'webp'],
    maxBytes: 2 * MB,
    maxMegabytes: 2,
    accept: 'image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp',
  },
};

/** How many leading bytes `detectFileType` needs to decide (WebP: "RIFF" + size + "WEBP"). */
export const SNIFF_BYTES = 12;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/** The type announced by the file's first bytes, or null for anything else (SVG, HTML, ZIP, …). */
export function detectFileType(head: Uint8Array): DetectedType | null {
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return 'webp';
  return null;
}

export type UploadProblem = 'empty' | 'wrongType' | 'tooLarge';

/** Why a file of this kind is refused (from its first bytes and its size so far), or null. */
export function uploadProblem(kind: FileKind, head: Uint8Array, size: number): UploadProblem | null {
  if (size === 0) return 'empty';
  if (size > FILE_RULES[kind].maxBytes) return 'tooLarge';
  const type = detectFileType(head);
  return type && FILE_RULES[kind].types.includes(type) ? null : 'wrongType';
}

/** The name shown to people: no path, no control characters, at most 200 characters. */
export function cleanOriginalName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.slice(0, 200) || 'file';
}

/** An ASCII-only file name with the extension of the detected type, for `filename=`. */
export function asciiFileName(name: string, type: DetectedType): string {
  const extension = FILE_TYPE_INFO[type].extension;
  const stem = cleanOriginalName(name)
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '_')
    .replace(/[\s_]*_[\s_]*/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[._ -]+|[._ -]+$/g, '')
    .slice(0, 120);
  return `${stem || 'file'}.${extension}`;
}

/** RFC 5987 value for `filename*=`: UTF-8, percent-encoded, with the characters RFC 5987 reserves. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition` with a safe ASCII `filename` for old clients and the real name in
 * `filename*` (RFC 6266); the extension always follows the detected type.
 */
export function contentDisposition(disposition: 'attachment' | 'inline', originalName: string, type: DetectedType): string {
  const ascii = asciiFileName(originalName, type);
  const cleaned = cleanOriginalName(originalName);
  const full = cleaned.toLowerCase().endsWith(`.${FILE_TYPE_INFO[type].extension}`) ||
    (type === 'jpeg' && /\.jpe?g$/i.test(cleaned))
    ? cleaned
    : `${cleaned}.${FILE_TYPE_INFO[type].extension}`;
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${rfc5987(full)}`;
}

/** The detected type of a stored MIME type (files.mime_type is always one of ours). */
export function typeOfMime(mimeType: string): DetectedType | null {
  const found = DETECTED_TYPES.find((type) => FILE_TYPE_INFO[type].mimeType === mimeType);
  return found ?? null;
}
