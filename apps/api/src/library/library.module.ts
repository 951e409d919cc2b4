import { Module } from '@nestjs/common';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';

/** The public library (DESIGN §7): read-only routes over the library read model. */
@Module({ controllers: [LibraryController], providers: [LibraryService] })
export class LibraryModule {}
