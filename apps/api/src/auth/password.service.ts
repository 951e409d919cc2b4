import { hash, verify } from '@node-rs/argon2';
import { Injectable, type OnModuleInit } from '@nestjs/common';

// argon2id (the library's default algorithm) with OWASP's recommended minimum cost.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

@Injectable()
export class PasswordService implements OnModuleInit {
  /** Verified against when the account does not exist, so both paths take the same time. */
  private decoy = '';

  async onModuleInit(): Promise<void> {
    this.decoy = await hash('decoy password that matches nothing', options);
  }

  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    const matches = await verify(passwordHash ?? this.decoy, password).catch(() => false);
    return passwordHash !== null && matches;
  }
}
