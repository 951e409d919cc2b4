import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TaxonomyList, Vocabulary } from '@pathways/contracts';
import { TaxonomyTerm } from '@pathways/persistence';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { Public } from '../access/permission.decorator';

class TaxonomyListDto extends createZodDto(TaxonomyList) {}
class TaxonomyQueryDto extends createZodDto(z.object({ vocabulary: Vocabulary.optional() })) {}

@ApiTags('taxonomy')
@Controller('taxonomy')
export class TaxonomyController {
  constructor(private readonly em: EntityManager) {}

  /** Themes, stages, country roles, target groups, frameworks and organisation kinds, labelled in en/es/fr. */
  @Get()
  @Public()
  @ZodResponse({ type: TaxonomyListDto })
  async list(@Query() query: TaxonomyQueryDto) {
    const terms = await this.em.find(
      TaxonomyTerm,
      { active: true, ...(query.vocabulary ? { vocabulary: query.vocabulary } : {}) },
      { orderBy: [{ vocabulary: 'asc' }, { position: 'asc' }] },
    );
    return {
      items: terms.map(({ vocabulary, code, label, position }) => ({ vocabulary, code, label, position })),
    };
  }
}
