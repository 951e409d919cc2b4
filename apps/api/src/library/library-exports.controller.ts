import { Readable } from 'node:stream';
import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../access/permission.decorator';
import { atomFeed } from './atom-feed';
import { csvExport, jsonExport } from './library-export.format';
import { LibraryExportQueryDto, LibraryExportRecordDto, LibraryFeedQueryDto } from './library.dto';
import { LibraryExportsService } from './library-exports.service';

const cacheControl = 'public, max-age=60';

/** Open data from the library: whole result sets for machines, and a feed of new publications. */
@ApiTags('library')
@Controller('library')
export class LibraryExportsController {
  constructor(private readonly exports: LibraryExportsService) {}

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
  exportCsv(@Query() query: LibraryExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.download(reply, csvExport(this.exports.records(query)), 'csv', 'text/csv; charset=utf-8');
  }

  /** The same as the CSV export, as one JSON array of objects. */
  @Get('export.json')
  @Public()
  @ApiOkResponse({ type: [LibraryExportRecordDto], description: 'A download, streamed as it is read.' })
  exportJson(@Query() query: LibraryExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.download(
      reply,
      jsonExport(this.exports.records(query)),
      'json',
      'application/json; charset=utf-8',
    );
  }

  /** The 50 latest publications as Atom 1.0, overall or of one theme; retractions are marked. */
  @Get('feed.atom')
  @Public()
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ content: { 'application/atom+xml': { schema: { type: 'string' } } } })
  async feed(
    @Query() query: LibraryFeedQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    // Set here, not with @Header: an error reply must stay JSON.
    void reply.type('application/atom+xml; charset=utf-8').header('cache-control', cacheControl);
    const entries = await this.exports.feedEntries(query.theme);
    const library = new URL('/library', this.exports.webUrl);
    if (query.theme) library.searchParams.set('theme', query.theme);
    return atomFeed({
      id: query.theme ? `urn:pathways:library:theme:${query.theme}` : 'urn:pathways:library',
      title: query.theme ? `Pathways practice library: ${query.theme}` : 'Pathways practice library',
      self: `${request.protocol}://${request.host}${request.url}`,
      alternate: library.toString(),
      entries,
    });
  }

  private download(reply: FastifyReply, body: AsyncIterable<string>, extension: string, type: string) {
    void reply.header('cache-control', cacheControl);
    return new StreamableFile(Readable.from(body), {
      type,
      disposition: `attachment; filename="pathways-practices.${extension}"`,
    });
  }
}
