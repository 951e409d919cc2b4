import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LibraryStatistics } from '@pathways/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../access/permission.decorator';
import { isNotModified, notModifiedResponse } from './conditional-get';
import { LibraryStatisticsDto, LibraryStatisticsQueryDto } from './library.dto';
import { libraryQueryKey } from './library-query-key';
import { LibraryStatisticsService } from './library-statistics.service';

@ApiTags('library')
@Controller('library/statistics')
export class LibraryStatisticsController {
  constructor(private readonly statistics: LibraryStatisticsService) {}

  /**
   * Practices ever published (retracted ones included and also counted apart) by theme, stage,
   * region and year, the most frequent origin → destination corridors, and the review figures of
   * every decided practice; the search's filters narrow everything but the review figures. The
   * ETag follows the library's generation and the newest decision.
   */
  @Get()
  @Public()
  @ApiOkResponse({ type: LibraryStatisticsDto })
  @ApiResponse(notModifiedResponse)
  async get(
    @Query() query: LibraryStatisticsQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const state = await this.statistics.state();
    const key = libraryQueryKey(query);
    const validators = {
      refreshed: state.state,
      updatedAt: state.changedAt,
      representation: `statistics\n${key}`,
    };
    if (isNotModified(request, reply, validators)) {
      void reply.status(304).send();
      return;
    }
    const statistics = LibraryStatistics.parse(await this.statistics.statistics(query, key, state));
    void reply.status(200).send(statistics);
  }
}
