import { Readable } from 'node:stream';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LibraryExportQuery } from '@pathways/contracts';
import { Public } from '../access/permission.decorator';
import { atomFeed } from './atom-feed';
import { isNotModified, libraryValidators, notModifiedResponse } from './conditional-get';
import { csvExport, jsonExport } from './library-export.format';
import { LibraryExportQueryDto, LibraryExportRecordDto, LibraryFeedQueryDto } from './library.dto';
import { LibraryExportsService } from './library-exports.service';
import { LibraryGeneration } from './library-generation';
import { libraryQueryKey } from './library-query-key';

/**
 * Open data from the library: whole result sets for machines, and a feed of new publications.
 * Answers carry an ETag and Last-Modified from the library's generation and are 304 when the
 * caller's copy is current, before any row is read.
 */
@ApiTags('library')
@Controller('library')
export class LibraryExportsController {
  constructor(
    private readonly exports: LibraryExportsService,
    private readonly generation: LibraryGeneration,
  ) {}

  /**
   * Every practice matching the search's words and filters (not just a page), newest first, as CSV
   * with a header row. Countries are `code:role` and themes codes, each list separated by `;`.
   */
  @Get('export.csv')
  @Public()
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A download, streamed as it is read.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiResponse(notModifiedResponse)
  exportCsv(
    @Query() query: LibraryExportQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.download(request, reply, query, 'csv');
  }

  /** The same as the CSV export, as one JSON array of objects. */
  @Get('export.json')
  @Public()
  @ApiOkResponse({ type: [LibraryExportRecordDto], description: 'A download, streamed as it is read.' })
  @ApiResponse(notModifiedResponse)
  exportJson(
    @Query() query: LibraryExportQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.download(request, reply, query, 'json');
  }

  /** The 50 latest publications as Atom 1.0, overall or of one theme; retractions are marked. */
  @Get('feed.atom')
  @Public()
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ content: { 'application/atom+xml': { schema: { type: 'string' } } } })
  @ApiResponse(notModifiedResponse)
  async feed(
    @Query() query: LibraryFeedQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const self = `${request.protocol}://${request.host}${request.url}`;
    const state = await this.generation.current();
    if (isNotModified(request, reply, libraryValidators(state, `feed\n${query.theme ?? ''}\n${self}`))) {
      void reply.status(304).send();
      return;
    }
    const entries = await this.exports.feedEntries(query.theme);
    const library = new URL('/library', this.exports.webUrl);
    if (query.theme) library.searchParams.set('theme', query.theme);
    const xml = atomFeed({
      id: query.theme ? `urn:pathways:library:theme:${query.theme}` : 'urn:pathways:library',
      title: query.theme ? `Pathways practice library: ${query.theme}` : 'Pathways practice library',
      self,
      alternate: library.toString(),
      entries,
    });
    void reply.status(200).type('application/atom+xml; charset=utf-8').send(xml);
  }

  private async download(
    request: FastifyRequest,
    reply: FastifyReply,
    query: LibraryExportQuery,
    format: 'csv' | 'json',
  ): Promise<void> {
    const state = await this.generation.current();
    const representation = `export ${format}\n${libraryQueryKey(query)}`;
    if (isNotModified(request, reply, libraryValidators(state, representation))) {
      void reply.status(304).send();
      return;
    }
    const records = this.exports.records(query);
    const body = format === 'csv' ? csvExport(records) : jsonExport(records);
    void reply
      .status(200)
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="pathways-practices.${format}"`)
      .send(Readable.from(body));
  }
}
