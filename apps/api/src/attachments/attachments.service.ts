import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Attachment, Practice } from '@pathways/persistence';
import type { FastifyRequest } from 'fastify';
import type { Caller, SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { fieldError, notFound } from '../common/domain-error';
import { assertAttachmentsOpen, assertEditable, readablePractice } from '../practices/practice.access';
import { authorHidden } from '../practices/practice.blind';
import { practiceSubject } from '../practices/practice.subject';
import { AttachmentStore, tooLarge } from './attachment.store';
import type { AttachmentView } from './attachment.dto';
import { sanitiseFilename } from './attachment.filename';

/** As for the content: authors change attachments only while they hold the practice. */

const toView = (a: Attachment, authorHidden = false): AttachmentView => ({
  id: a.id,
  practiceId: a.practice.id,
  filename: a.filename,
  mediaType: a.mediaType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  // Under double-blind review the uploader would name an author.
  uploadedById: authorHidden ? null : (a.uploadedBy?.id ?? null),
  createdAt: a.createdAt.toISOString(),
});

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly store: AttachmentStore,
    private readonly audit: AuditService,
  ) {}

  async list(practiceId: string, caller: Caller): Promise<AttachmentView[]> {
    const practice = await this.readable(practiceId, caller);
    const rows = await this.em.find(Attachment, { practice }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const hidden = authorHidden(practice, caller);
    return rows.map((row) => toView(row, hidden));
  }

  /** Checks the practice before reading the body, so a refused upload is not written to disk. */
  async upload(practiceId: string, request: FastifyRequest, caller: SignedInCaller): Promise<AttachmentView> {
    const practice = await this.editable(await this.readable(practiceId, caller), caller);
    if (!request.isMultipart())
      throw fieldError('file', 'Send the file as multipart/form-data, field "file".');
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw fieldError('file', 'Send the file in the field "file".');
    const stored = await this.store.save(part.file).catch((error: unknown) => {
      throw (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE'
        ? tooLarge(this.store.limit)
        : error;
    });
    const attachment = this.em.create(Attachment, {
      practice,
      filename: sanitiseFilename(part.filename),
      mediaType: stored.mediaType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      uploadedBy: caller.user,
    });
    this.audit.record(
      caller,
      'attachment.uploaded',
      { type: 'Practice', id: practice.id },
      {
        attachmentId: attachment.id,
        sha256: stored.sha256,
      },
    );
    try {
      await this.em.flush();
    } catch (error) {
      await this.removeIfUnused(stored.sha256);
      throw error;
    }
    return toView(attachment);
  }

  /** The record and where its bytes are, for whoever may read the practice. */
  async download(id: string, caller: Caller): Promise<Attachment> {
    const attachment = await this.readableAttachment(id, caller);
    if (!(await this.store.exists(attachment.sha256))) {
      this.logger.error({ attachmentId: id, sha256: attachment.sha256 }, 'Attachment file missing on disk');
      throw notFound('attachment');
    }
    return attachment;
  }

  openFile(attachment: Attachment) {
    return this.store.open(attachment.sha256);
  }

  async remove(id: string, caller: SignedInCaller): Promise<void> {
    const attachment = await this.readableAttachment(id, caller);
    await this.editable(attachment.practice, caller);
    this.audit.record(
      caller,
      'attachment.deleted',
      { type: 'Practice', id: attachment.practice.id },
      {
        attachmentId: attachment.id,
        filename: attachment.filename,
      },
    );
    this.em.remove(attachment);
    await this.em.flush();
    await this.removeIfUnused(attachment.sha256);
  }

  private readable(id: string, caller: Caller): Promise<Practice> {
    return readablePractice(this.em, id, caller);
  }

  private async readableAttachment(id: string, caller: Caller): Promise<Attachment> {
    const attachment = await this.em.findOne(
      Attachment,
      { id },
      { populate: ['practice', 'practice.organisation'] },
    );
    if (!attachment || !caller.ability.can('read', practiceSubject(attachment.practice))) {
      throw notFound('attachment');
    }
    return attachment;
  }

  private async editable(practice: Practice, caller: Caller): Promise<Practice> {
    assertEditable(practice, caller, 'its attachments can change');
    // Attachments belong to the practice, not to a version: once published they are the library's.
    await practice.publishedVersion?.load();
    assertAttachmentsOpen(practice);
    return practice;
  }

  /** The same content may back several attachments; the file goes with the last of them. */
  private async removeIfUnused(sha256: string): Promise<void> {
    if ((await this.em.count(Attachment, { sha256 })) === 0) await this.store.remove(sha256);
  }
}
