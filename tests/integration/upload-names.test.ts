/**
 * File names the multipart parser used to misread (issue 11, security 6): a `;` or `=` inside the
 * quoted file name gave a 500. Ordinary names such as "Pitch; v2.pdf" upload, with their name kept
 * exactly; a header that is really malformed is a 400, never a 500.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeMultipartHeaders, receiveUpload, UploadRefused } from '~/utils/uploads.server';
import { multipartRequest, tinyPdf } from '../fixtures/applications';
import { BASE } from '../fixtures/http';

/** The same request, its body cut into pieces of `size` bytes (a slow network). */
async function rechunked(request: Request, size: number): Promise<Request> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
  return new Request(request.url, { method: 'POST', headers: request.headers, body, duplex: 'half' } as RequestInit);
}

const NAMES = ['Pitch; v2.pdf', 'a=b.pdf', 'deck; final=yes.pdf', '100%25 sure; 50%.pdf', 'Présentation ; version=2.pdf', 'plain.pdf'];

describe('file names with ; and =', () => {
  it.each(NAMES)('%j uploads, and keeps its name', async (filename) => {
    const pdf = tinyPdf();
    for (const size of [1, 7, 65536]) {
      const { request } = multipartRequest('/apply/x/files', [
        { name: 'intent', value: 'upload' },
        { name: 'deck', filename, contentType: 'application/pdf', data: pdf },
      ]);
      const received = await receiveUpload(await rechunked(request, size));
      expect(received.fields).toEqual({ intent: 'upload' });
      expect(received.file?.originalName).toBe(filename);
      expect(received.file?.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
      await received.file?.discard();
    }
  });

  it('never touches the bytes of a file, even when they look like part headers', async () => {
    const boundary = 'b0undary';
    const inner = `\r\n--${boundary}\r\nContent-Disposition: form-data; name="x"; filename="a;b=c"\r\n\r\n`;
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="x;y.pdf"\r\n\r\n%PDF${inner.replace(`--${boundary}`, '--other')}\r\n--${boundary}--\r\n`;
    const stream = new Response(body).body!;
    const out = await new Response(escapeMultipartHeaders(stream, boundary)).text();
    expect(out).toBe(body.replace('filename="x;y.pdf"', 'filename="x%3By.pdf"'));
  });

  it('a part header that is really malformed is refused as malformed (a 400), not a crash', async () => {
    const boundary = 'zzz';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="deck"; filename="unterminated\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`;
    const request = new Request(`${BASE}/apply/x/files`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    const error = await receiveUpload(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadRefused);
    expect(error).toMatchObject({ reason: 'malformed' });
  });
});
