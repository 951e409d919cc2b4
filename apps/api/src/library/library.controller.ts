import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../access/permission.decorator';
import { isNotModified, libraryValidators, notModifiedResponse } from './conditional-get';
import { LibrarySearchQueryDto, LibrarySearchResultDto } from './library.dto';
import { LibraryGeneration } from './library-generation';
import { libraryQueryKey } from './library-query-key';
import { LibrarySearchCache } from './library-search-cache';

@ApiTags('library')
@Controller('library')
export class LibraryController {
  constructor(
    private readonly searches: LibrarySearchCache,
    private readonly generation: LibraryGeneration,
  ) {}

  /**
   * Published (and retracted) practices matching the words and filters, ranked, with the matched
   * words marked and facet counts over the whole match set. Repeat a filter for several values.
   * The ETag follows the library's generation and the search, so it changes with every publication.
   */
  @Get('practices')
  @Public()
  @ApiOkResponse({ type: LibrarySearchResultDto })
  @ApiResponse(notModifiedResponse)
  async search(
    @Query() query: LibrarySearchQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const state = await this.generation.current();
    const key = libraryQueryKey(query);
    if (isNotModified(request, reply, libraryValidators(state, `search\n${key}`))) {
      void reply.status(304).send();
      return;
    }
    const body = await this.searches.body(state.generation, key, query);
    void reply.status(200).type('application/json; charset=utf-8').send(body);
  }
}
