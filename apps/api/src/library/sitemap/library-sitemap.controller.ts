import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  LibrarySitemapOutline,
  LibrarySitemapQuery,
  LibrarySlugPage,
  LibrarySlugsQuery,
} from '@pathways/contracts';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../../access/permission.decorator';
import { LibrarySitemapService } from './library-sitemap.service';

class LibrarySlugsQueryDto extends createZodDto(LibrarySlugsQuery) {}
class LibrarySlugPageDto extends createZodDto(LibrarySlugPage) {}
class LibrarySitemapQueryDto extends createZodDto(LibrarySitemapQuery) {}
class LibrarySitemapOutlineDto extends createZodDto(LibrarySitemapOutline) {}

// Crawlers read sitemaps rarely; a few minutes' delay after a publication does no harm.
const cacheControl = 'public, max-age=300';

/** What the web's sitemap.xml is made of: the practices' slugs with their last change. */
@ApiTags('library')
@Controller('library')
export class LibrarySitemapController {
  constructor(private readonly sitemap: LibrarySitemapService) {}

  /** Published and retracted practices' slugs in slug order, with their last change; keyset-paged. */
  @Get('slugs')
  @Public()
  @ZodResponse({ type: LibrarySlugPageDto })
  async slugs(@Query() query: LibrarySlugsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const page = await this.sitemap.slugs(query);
    void reply.header('cache-control', cacheControl);
    return page;
  }

  /** The slug list cut into pages of `size`: how many, where each starts and when it last changed. */
  @Get('sitemap')
  @Public()
  @ZodResponse({ type: LibrarySitemapOutlineDto })
  async outline(@Query() query: LibrarySitemapQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const outline = await this.sitemap.outline(query);
    void reply.header('cache-control', cacheControl);
    if (outline.lastModified)
      void reply.header('last-modified', new Date(outline.lastModified).toUTCString());
    return outline;
  }
}
