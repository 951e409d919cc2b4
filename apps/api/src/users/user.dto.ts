import { GrantRoleInput, Me, UpdateProfileInput, User, UserListQuery, UserPage } from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class MeDto extends createZodDto(Me) {}
export class UserDto extends createZodDto(User) {}
export class UserPageDto extends createZodDto(UserPage) {}
export class UserListQueryDto extends createZodDto(UserListQuery) {}
export class UpdateProfileDto extends createZodDto(UpdateProfileInput) {}
export class GrantRoleDto extends createZodDto(GrantRoleInput) {}
