import { Module } from '@nestjs/common';
import { LibraryGeneration } from '../library-generation';
import { LibrarySitemapController } from './library-sitemap.controller';
import { LibrarySitemapService } from './library-sitemap.service';

/** The public slug list behind the web's sitemap. */
@Module({ controllers: [LibrarySitemapController], providers: [LibrarySitemapService, LibraryGeneration] })
export class LibrarySitemapModule {}
