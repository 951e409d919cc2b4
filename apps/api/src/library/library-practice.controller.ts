import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../access/permission.decorator';
import { notFound } from '../common/domain-error';
import { isNotModified, notModifiedResponse as notModified } from './conditional-get';
import {
  LibraryCitationQueryDto,
  LibraryPracticeDto,
  LibraryPracticeParamsDto,
  LibraryPracticeVersionParamsDto,
} from './library.dto';
import { type FoundPractice, LibraryPracticeService } from './library-practice.service';
import { citation } from './practice-citation';

const citationContent = {
  'text/plain': { schema: { type: 'string' } },
  'application/x-bibtex': { schema: { type: 'string' } },
  'application/vnd.citationstyles.csl+json': { schema: { type: 'array', items: { type: 'object' } } },
};

/**
 * A practice's public page: its latest published version, any published version at a permanent
 * address, and citations of either. Answers carry ETag and Last-Modified (from the read model's
 * refresh) and are 304 when the caller's copy is current.
 */
@ApiTags('library')
@Controller('library/practices/:slug')
export class LibraryPracticeController {
  constructor(private readonly practices: LibraryPracticeService) {}

  /** The latest published version, with the history of published versions and any retraction notice. */
  @Get()
  @Public()
  @ApiOkResponse({ type: LibraryPracticeDto })
  @ApiResponse(notModified)
  @ApiNotFoundResponse({ description: 'No practice of the library has this slug.' })
  async latest(
    @Param() params: LibraryPracticeParamsDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const found = await this.find(params.slug);
    this.send(request, reply, found, 'practice', 'application/json; charset=utf-8', () =>
      JSON.stringify(found.practice),
    );
  }

  /** One published version, at its permanent address. */
  @Get('versions/:number')
  @Public()
  @ApiOkResponse({ type: LibraryPracticeDto })
  @ApiResponse(notModified)
  @ApiNotFoundResponse({ description: 'The practice has no published version of this number.' })
  async version(
    @Param() params: LibraryPracticeVersionParamsDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const found = await this.find(params.slug, params.number);
    this.send(request, reply, found, `version ${params.number}`, 'application/json; charset=utf-8', () =>
      JSON.stringify(found.practice),
    );
  }

  /** How to cite the latest published version: APA text in the given locale, BibTeX, or CSL-JSON. */
  @Get('citation')
  @Public()
  @ApiProduces(...Object.keys(citationContent))
  @ApiOkResponse({ content: citationContent })
  @ApiResponse(notModified)
  @ApiNotFoundResponse({ description: 'No practice of the library has this slug.' })
  async citation(
    @Param() params: LibraryPracticeParamsDto,
    @Query() query: LibraryCitationQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.cite(request, reply, await this.find(params.slug), query);
  }

  /** How to cite one published version. */
  @Get('versions/:number/citation')
  @Public()
  @ApiProduces(...Object.keys(citationContent))
  @ApiOkResponse({ content: citationContent })
  @ApiResponse(notModified)
  @ApiNotFoundResponse({ description: 'The practice has no published version of this number.' })
  async versionCitation(
    @Param() params: LibraryPracticeVersionParamsDto,
    @Query() query: LibraryCitationQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.cite(request, reply, await this.find(params.slug, params.number), query);
  }

  private async find(slug: string, number?: number): Promise<FoundPractice> {
    const found = await this.practices.find(slug, number);
    if (!found) throw notFound(number === undefined ? 'practice' : 'published version');
    return found;
  }

  private cite(
    request: FastifyRequest,
    reply: FastifyReply,
    found: FoundPractice,
    { format, locale }: LibraryCitationQueryDto,
  ): void {
    const { practice } = found;
    const url = this.practices.versionUrl(practice.slug, practice.versionNumber);
    const made = citation({ practice, url }, format, locale);
    if (format !== 'text') {
      const name = `${practice.slug}-v${practice.versionNumber}.${made.extension}`;
      void reply.header('content-disposition', `attachment; filename="${name}"`);
    }
    const representation = `citation ${practice.versionNumber} ${format} ${format === 'text' ? locale : ''}`;
    this.send(request, reply, found, representation, made.contentType, () => made.body);
  }

  /** The body, or 304 without one when the caller's copy is current. */
  private send(
    request: FastifyRequest,
    reply: FastifyReply,
    found: FoundPractice,
    representation: string,
    contentType: string,
    body: () => string,
  ): void {
    const validators = { refreshed: found.refreshed, updatedAt: found.updatedAt, representation };
    if (isNotModified(request, reply, validators)) {
      void reply.status(304).send();
      return;
    }
    void reply.status(200).type(contentType).send(body());
  }
}
