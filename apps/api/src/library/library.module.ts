import { Module } from '@nestjs/common';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';
import { LibraryExportsController } from './library-exports.controller';
import { LibraryExportsService } from './library-exports.service';
import { LibraryGeneration } from './library-generation';
import { LibraryPracticeController } from './library-practice.controller';
import { LibraryPracticeService } from './library-practice.service';
import { LibrarySearchCache } from './library-search-cache';
import { LibraryStatisticsController } from './library-statistics.controller';
import { LibraryStatisticsService } from './library-statistics.service';
import { OaiModule } from './oai/oai.module';
import { LibrarySitemapModule } from './sitemap/library-sitemap.module';

/** The public library (DESIGN §7): read-only routes over the library read model. */
@Module({
  imports: [OaiModule, LibrarySitemapModule],
  controllers: [
    LibraryController,
    LibraryExportsController,
    LibraryPracticeController,
    LibraryStatisticsController,
  ],
  providers: [
    LibraryService,
    LibraryExportsService,
    LibraryPracticeService,
    LibraryStatisticsService,
    LibraryGeneration,
    LibrarySearchCache,
  ],
})
export class LibraryModule {}
