import { Module } from '@nestjs/common';
import { LibraryGeneration } from '../library-generation';
import { OaiController } from './oai.controller';
import { OaiService } from './oai.service';

/** OAI-PMH 2.0 over the library's read model, for other repositories to harvest. */
@Module({ controllers: [OaiController], providers: [OaiService, LibraryGeneration] })
export class OaiModule {}
