import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../access/permission.decorator';
import { OpenApiHolder } from './openapi.holder';

@ApiExcludeController()
@Controller()
export class OpenApiController {
  constructor(private readonly holder: OpenApiHolder) {}

  @Get('openapi.json')
  @Public()
  document() {
    return this.holder.document;
  }
}
