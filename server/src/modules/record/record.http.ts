// GET /attachments/:id — the attachment download route, served by yoga.ts next to /healthz. Who may download is
// decided in record.service.ts (attachmentForDownload: staff of the record's task, never anonymous or partner
// callers); this file only turns the answer into an HTTP response.
import { resolveActor } from '../access/actor.ts';
import { attachmentForDownload } from './record.service.ts';

export const ATTACHMENT_PATH = '/attachments/';

export async function attachmentResponse(request: Request, pathname: string, fetchAPI: { Response: typeof Response }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  const actor = await resolveActor(request);
  const answer = await attachmentForDownload(actor, decodeURIComponent(pathname.slice(ATTACHMENT_PATH.length)));
  const common = { 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' };
  if (answer.status !== 200)
    return new fetchAPI.Response(JSON.stringify({ errors: [{ message: answer.message, extensions: { code: answer.code } }] }), {
      status: answer.status,
      headers: { ...common, 'content-type': 'application/json' },
    });
  const ascii = answer.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new fetchAPI.Response(request.method === 'HEAD' ? null : new Uint8Array(answer.content), {
    status: 200,
    headers: {
      ...common,
      'content-type': answer.mimeType,
      'content-length': String(answer.size),
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(answer.fileName)}`,
      etag: `"${answer.sha256}"`,
      'x-content-sha256': answer.sha256,
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}
