import { LoginInput, RegisterInput, SessionGrant } from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class RegisterDto extends createZodDto(RegisterInput) {}
export class LoginDto extends createZodDto(LoginInput) {}
export class SessionGrantDto extends createZodDto(SessionGrant) {}
