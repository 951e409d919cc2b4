import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  LibrarySitemapOutline,
  LibrarySitemapQuery,
  LibrarySlugPage,
  LibrarySlugsQuery,
} from '@pathways/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import type { z } from 'zod';
import { Public } from '../../access/permission.decorator';
import { isNotModified, libraryValidators, notModifiedResponse } from '../conditional-get';
import { LibraryGeneration } from '../library-generation';
import { libraryQueryKey } from '../library-query-key';
import { LibrarySitemapService } from './library-sitemap.service';

class LibrarySlugsQueryDto extends createZodDto(LibrarySlugsQuery) {}
class LibrarySlugPageDto extends createZodDto(LibrarySlugPage) {}
class LibrarySitemapQueryDto extends createZodDto(LibrarySitemapQuery) {}
class LibrarySitemapOutlineDto extends createZodDto(LibrarySitemapOutline) {}

/**
 * What the web's sitemap.xml is made of: the practices' slugs with their last change. Answers carry
 * an ETag and Last-Modified from the library's generation and are 304 when the copy is current.
 */
@ApiTags('library')
@Controller('library')
export class LibrarySitemapController {
  constructor(
    private readonly sitemap: LibrarySitemapService,
    private readonly generation: LibraryGeneration,
  ) {}

  /** Published and retracted practices' slugs in slug order, with their last change; keyset-paged. */
  @Get('slugs')
  @Public()
  @ApiOkResponse({ type: LibrarySlugPageDto })
  @ApiResponse(notModifiedResponse)
  slugs(
    @Query() query: LibrarySlugsQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, `slugs\n${libraryQueryKey(query)}`, LibrarySlugPage, () =>
      this.sitemap.slugs(query),
    );
  }

  /** The slug list cut into pages of `size`: how many, where each starts and when it last changed. */
  @Get('sitemap')
  @Public()
  @ApiOkResponse({ type: LibrarySitemapOutlineDto })
  @ApiResponse(notModifiedResponse)
  outline(
    @Query() query: LibrarySitemapQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, `sitemap\n${libraryQueryKey(query)}`, LibrarySitemapOutline, () =>
      this.sitemap.outline(query),
    );
  }

  private async send<S extends z.ZodType>(
    request: FastifyRequest,
    reply: FastifyReply,
    representation: string,
    schema: S,
    read: () => Promise<z.infer<S>>,
  ): Promise<void> {
    const state = await this.generation.current();
    if (isNotModified(request, reply, libraryValidators(state, representation))) {
      void reply.status(304).send();
      return;
    }
    const body = JSON.stringify(schema.parse(await read()));
    void reply.status(200).type('application/json; charset=utf-8').send(body);
  }
}
