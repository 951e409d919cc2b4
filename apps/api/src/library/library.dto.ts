import {
  LibraryExportQuery,
  LibraryExportRecord,
  LibraryFeedQuery,
  LibrarySearchQuery,
  LibrarySearchResult,
} from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class LibrarySearchQueryDto extends createZodDto(LibrarySearchQuery) {}
export class LibrarySearchResultDto extends createZodDto(LibrarySearchResult) {}
export class LibraryExportQueryDto extends createZodDto(LibraryExportQuery) {}
export class LibraryExportRecordDto extends createZodDto(LibraryExportRecord) {}
export class LibraryFeedQueryDto extends createZodDto(LibraryFeedQuery) {}
