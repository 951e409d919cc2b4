import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PracticeVersionDetail,
  PracticeVersionDiff,
  PracticeVersionList,
  VersionDiffQuery,
} from '@pathways/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller } from '../access/caller';
import { Public } from '../access/permission.decorator';
import { notFound } from '../common/domain-error';
import { parseId } from '../common/ids';
import { PracticeVersionsService } from './practice-versions.service';

class PracticeVersionListDto extends createZodDto(PracticeVersionList) {}
class PracticeVersionDetailDto extends createZodDto(PracticeVersionDetail) {}
class PracticeVersionDiffDto extends createZodDto(PracticeVersionDiff) {}
class VersionDiffQueryDto extends createZodDto(VersionDiffQuery) {}

const versionNumber = (raw: string) => {
  const number = Number(raw);
  if (!Number.isInteger(number) || number < 1) throw notFound('version');
  return number;
};

/** Visibility follows the practice itself (404 when unseen), so the routes are open like GET /practices/:id. */
@ApiTags('practices')
@Controller('practices/:id')
export class PracticeVersionsController {
  constructor(private readonly versions: PracticeVersionsService) {}

  @Get('versions')
  @Public()
  @ZodResponse({ type: PracticeVersionListDto })
  list(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.versions.list(parseId(id, 'practice'), caller);
  }

  @Get('versions/:number')
  @Public()
  @ZodResponse({ type: PracticeVersionDetailDto })
  get(@Param('id') id: string, @Param('number') number: string, @CurrentCaller() caller: Caller) {
    return this.versions.get(parseId(id, 'practice'), versionNumber(number), caller);
  }

  /** What changed between two versions, field by field. */
  @Get('diff')
  @Public()
  @ZodResponse({ type: PracticeVersionDiffDto })
  diff(@Param('id') id: string, @Query() query: VersionDiffQueryDto, @CurrentCaller() caller: Caller) {
    return this.versions.diff(parseId(id, 'practice'), query.from, query.to, caller);
  }
}
