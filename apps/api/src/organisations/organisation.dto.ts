import {
  CreateOrganisationInput,
  JoinRequestInput,
  Membership,
  MembershipList,
  MembershipListQuery,
  Organisation,
  OrganisationListQuery,
  OrganisationPage,
  RejectOrganisationInput,
  UpdateOrganisationInput,
  VerifyOrganisationInput,
} from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class CreateOrganisationDto extends createZodDto(CreateOrganisationInput) {}
export class UpdateOrganisationDto extends createZodDto(UpdateOrganisationInput) {}
export class VerifyOrganisationDto extends createZodDto(VerifyOrganisationInput) {}
export class RejectOrganisationDto extends createZodDto(RejectOrganisationInput) {}
export class OrganisationListQueryDto extends createZodDto(OrganisationListQuery) {}
export class OrganisationDto extends createZodDto(Organisation) {}
export class OrganisationPageDto extends createZodDto(OrganisationPage) {}
export class JoinRequestDto extends createZodDto(JoinRequestInput) {}
export class MembershipDto extends createZodDto(Membership) {}
export class MembershipListDto extends createZodDto(MembershipList) {}
export class MembershipListQueryDto extends createZodDto(MembershipListQuery) {}
