import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DomainError } from '../common/domain-error';
import { type AcceptedMediaType, acceptedMediaTypes, sniffBytes, sniffMediaType } from './attachment.sniffer';

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  mediaType: AcceptedMediaType;
}

const mebibytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const tooLarge = (limit: number) =>
  new DomainError(413, 'PAYLOAD_TOO_LARGE', `Attachments may be at most ${mebibytes(limit)}.`);

export const unsupportedType = () =>
  new DomainError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `Attach a PDF, DOCX, ODT, PNG or JPEG file (${Object.values(acceptedMediaTypes).join(', ')}).`,
  );

/**
 * Files on disk named by their sha256 under `<dir>/<first two hex digits>/`, so the same content is
 * kept once. Uploads go to a temporary file first and are renamed into place only once complete.
 */
@Injectable()
export class AttachmentStore {
  private readonly dir: string;
  readonly limit: number;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.dir = config.ATTACHMENTS_DIR;
    this.limit = config.ATTACHMENT_MAX_BYTES;
  }

  pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Streams `source` to disk while hashing and counting; refuses too large or unaccepted content. */
  async save(source: Readable): Promise<StoredFile> {
    const temp = join(this.dir, 'tmp', `${randomUUID()}.part`);
    await mkdir(join(this.dir, 'tmp'), { recursive: true });
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headBytes = 0;
    let sizeBytes = 0;
    const limit = this.limit;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sizeBytes += chunk.length;
        if (sizeBytes > limit) return done(tooLarge(limit));
        if (headBytes < sniffBytes) {
          head.push(chunk.subarray(0, sniffBytes - headBytes));
          headBytes += Math.min(chunk.length, sniffBytes - headBytes);
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(temp, { flags: 'wx' }));
      // A part cut off by the multipart size limit ends without an error; it is too large all the same.
      if ((source as { truncated?: boolean }).truncated) throw tooLarge(limit);
      const mediaType = sniffMediaType(Buffer.concat(head));
      if (!mediaType) throw unsupportedType();
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
      await rename(temp, target);
      return { sha256, sizeBytes, mediaType };
    } finally {
      await rm(temp, { force: true });
    }
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}
