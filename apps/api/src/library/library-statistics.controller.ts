import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../access/permission.decorator';
import { LibraryStatisticsDto, LibraryStatisticsQueryDto } from './library.dto';
import { LibraryStatisticsService } from './library-statistics.service';

@ApiTags('library')
@Controller('library/statistics')
export class LibraryStatisticsController {
  constructor(private readonly statistics: LibraryStatisticsService) {}

  /**
   * Practices ever published (retracted ones included and also counted apart) by theme, stage,
   * region and year, the most frequent origin → destination corridors, and the review figures of
   * every decided practice; the search's filters narrow everything but the review figures.
   */
  @Get()
  @Public()
  @ZodResponse({ type: LibraryStatisticsDto })
  async get(@Query() query: LibraryStatisticsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const statistics = await this.statistics.statistics(query);
    if (statistics.updatedAt)
      void reply.header('last-modified', new Date(statistics.updatedAt).toUTCString());
    return statistics;
  }
}
