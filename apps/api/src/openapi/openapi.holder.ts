import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The document needs the finished application, so it is built after boot and parked here. */
@Injectable()
export class OpenApiHolder {
  document: OpenAPIObject | null = null;
}
