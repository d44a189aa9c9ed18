import { z } from 'zod';
import { defineAction, fail } from '../auth/action';
import { storeDocument } from '../documents/documents';
import { MAX_DOCUMENT_BYTES, pdfProblem } from '../documents/pdf-check';
import { idSchema } from '../people/input';
import { councilTarget } from '../people/targets';

/**
 * A council's decision uploaded as PDF, kept for the council (its staff pick it as the evidence
 * of an answer: lib/council-staff/answer-for-council.ts). What is a PDF is decided by the bytes
 * (lib/documents/pdf-check.ts); the route (app/api/documents/route.ts) refuses a body larger than
 * the limit before reading it, and this refuses a file larger than the limit whatever the body said.
 */
export const uploadDocumentInput = z.strictObject({
  councilId: idSchema,
  file: z.instanceof(Blob, { message: 'missing' }),
});

export const uploadCouncilDocument = defineAction({
  name: 'uploadCouncilDocument',
  permission: 'document.upload',
  input: uploadDocumentInput,
  target: (ctx, input) => councilTarget(ctx.db, input.councilId),
  run: async (ctx, input) => {
    if (input.file.size === 0) fail('invalid_input', 'Choose a PDF file.', { fieldErrors: { file: ['empty'] } });
    if (input.file.size > MAX_DOCUMENT_BYTES) fail('invalid_input', 'The file is larger than 10 MB.', { fieldErrors: { file: ['too_large'] } });
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const problem = pdfProblem(bytes);
    if (problem) fail('invalid_input', `The file is not a usable PDF (${problem}).`, { fieldErrors: { file: [problem] } });
    const name = input.file instanceof File ? input.file.name : null;
    const stored = await storeDocument(ctx.db, { bytes, filename: name, councilId: input.councilId, uploadedBy: ctx.user?.id ?? null });
    return { documentId: stored.id, size: stored.size, sha256: stored.sha256 };
  },
});
