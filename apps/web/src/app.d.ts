import type { Membership, User } from '@pathways/contracts';
import type { PackedRules } from '@pathways/permissions';
import type { ApiClient } from '$lib/server/api';

declare global {
  namespace App {
    interface Locals {
      /** Bearer token of the signed-in user; never sent to the browser. */
      token: string | null;
      user: User | null;
      memberships: Membership[];
      rules: PackedRules;
      /** The API, as the caller (with their token, if any). */
      api: ApiClient;
    }
    interface Error {
      message: string;
      requestId?: string;
    }
  }
}

export {};
