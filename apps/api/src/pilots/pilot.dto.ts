import {
  AnswerInvitationInput,
  CreatePilotInput,
  FirePilotTransitionInput,
  InvitePartnerInput,
  Pilot,
  PilotInvitationPage,
  PilotInvitationQuery,
  PilotListQuery,
  PilotPage,
  PilotPartner,
  UpdatePilotInput,
} from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class CreatePilotDto extends createZodDto(CreatePilotInput) {}
export class UpdatePilotDto extends createZodDto(UpdatePilotInput) {}
export class FirePilotTransitionDto extends createZodDto(FirePilotTransitionInput) {}
export class PilotListQueryDto extends createZodDto(PilotListQuery) {}
export class PilotDto extends createZodDto(Pilot) {}
export class PilotPageDto extends createZodDto(PilotPage) {}
export class InvitePartnerDto extends createZodDto(InvitePartnerInput) {}
export class AnswerInvitationDto extends createZodDto(AnswerInvitationInput) {}
export class PilotPartnerDto extends createZodDto(PilotPartner) {}
export class PilotInvitationQueryDto extends createZodDto(PilotInvitationQuery) {}
export class PilotInvitationPageDto extends createZodDto(PilotInvitationPage) {}
