import { SetMetadata } from '@nestjs/common';
import type { Action, SubjectType } from '@pathways/permissions';

export const PERMISSION_KEY = 'pathways:permission';
export const PUBLIC_KEY = 'pathways:public';

export interface RoutePermission {
  action: Action;
  subject: SubjectType;
}

/**
 * The CASL permission a route needs for some record of the subject type; services then check the
 * record itself (404 when unseen, 403 when seen but not allowed). Every route has this or @Public().
 */
export const Can = (action: Action, subject: SubjectType) =>
  SetMetadata(PERMISSION_KEY, { action, subject } satisfies RoutePermission);

/** Open to everyone; the caller is still identified when a token is sent. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
