import { LibrarySearchQuery, LibrarySearchResult } from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class LibrarySearchQueryDto extends createZodDto(LibrarySearchQuery) {}
export class LibrarySearchResultDto extends createZodDto(LibrarySearchResult) {}
