import {
  LibraryCitationQuery,
  LibraryExportQuery,
  LibraryExportRecord,
  LibraryFeedQuery,
  LibraryPractice,
  LibraryPracticeParams,
  LibraryPracticeVersionParams,
  LibrarySearchQuery,
  LibrarySearchResult,
  LibraryStatistics,
  LibraryStatisticsQuery,
} from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class LibrarySearchQueryDto extends createZodDto(LibrarySearchQuery) {}
export class LibrarySearchResultDto extends createZodDto(LibrarySearchResult) {}
export class LibraryExportQueryDto extends createZodDto(LibraryExportQuery) {}
export class LibraryExportRecordDto extends createZodDto(LibraryExportRecord) {}
export class LibraryFeedQueryDto extends createZodDto(LibraryFeedQuery) {}

export class LibraryPracticeParamsDto extends createZodDto(LibraryPracticeParams) {}
export class LibraryPracticeVersionParamsDto extends createZodDto(LibraryPracticeVersionParams) {}
export class LibraryCitationQueryDto extends createZodDto(LibraryCitationQuery) {}
export class LibraryPracticeDto extends createZodDto(LibraryPractice) {}

export class LibraryStatisticsQueryDto extends createZodDto(LibraryStatisticsQuery) {}
export class LibraryStatisticsDto extends createZodDto(LibraryStatistics) {}
