import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can, Public } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { AttachmentDto, AttachmentListDto } from './attachment.dto';
import { contentDisposition } from './attachment.filename';
import { acceptedMediaTypes } from './attachment.sniffer';
import { AttachmentsService } from './attachments.service';

@ApiTags('attachments')
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get('practices/:id/attachments')
  @Public()
  @ZodResponse({ type: AttachmentListDto })
  async list(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return { items: await this.attachments.list(parseId(id, 'practice'), caller) };
  }

  /** The type is read from the content; the file name and the part's Content-Type are not trusted. */
  @Post('practices/:id/attachments')
  @Can('update', 'Practice')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'PDF, DOCX, ODT, PNG or JPEG' } },
    },
  })
  @ZodResponse({ status: 201, type: AttachmentDto })
  upload(@Param('id') id: string, @Req() request: FastifyRequest, @CurrentCaller() caller: SignedInCaller) {
    return this.attachments.upload(parseId(id, 'practice'), request, caller);
  }

  /** Always a download, never rendered in the API's origin. */
  @Get('attachments/:id')
  @Public()
  @ApiOkResponse({
    description: 'The file, as a download (Content-Disposition: attachment), with ETag = its sha256.',
    content: Object.fromEntries(
      Object.values(acceptedMediaTypes).map((type) => [
        type,
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  })
  async download(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const attachment = await this.attachments.download(parseId(id, 'attachment'), caller);
    const etag = `"${attachment.sha256}"`;
    void reply.headers({
      etag,
      'cache-control': 'private',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
    });
    if (reply.request.headers['if-none-match'] === etag) {
      void reply.status(304);
      return undefined;
    }
    return new StreamableFile(this.attachments.openFile(attachment), {
      type: attachment.mediaType,
      disposition: contentDisposition(attachment.filename),
      length: attachment.sizeBytes,
    });
  }

  @Delete('attachments/:id')
  @Can('update', 'Practice')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; the file goes with the last attachment using it.' })
  async remove(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller): Promise<void> {
    await this.attachments.remove(parseId(id, 'attachment'), caller);
  }
}
