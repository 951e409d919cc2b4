import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../access/permission.decorator';
import { LibrarySearchQueryDto, LibrarySearchResultDto } from './library.dto';
import { LibraryService } from './library.service';

@ApiTags('library')
@Controller('library')
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  /**
   * Published (and retracted) practices matching the words and filters, ranked, with the matched
   * words marked and facet counts over the whole match set. Repeat a filter for several values.
   */
  @Get('practices')
  @Public()
  @ZodResponse({ type: LibrarySearchResultDto })
  search(@Query() query: LibrarySearchQueryDto) {
    return this.library.search(query);
  }
}
