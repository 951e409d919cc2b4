import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type OrganisationKind,
  type PlatformRole,
  type ReviewerProfile,
  seedTaxonomy,
} from '@pathways/contracts';
import { Membership, Organisation, TaxonomyTerm, User } from '@pathways/persistence';
import { hashPassword } from '../auth/password.service';
import { seedDemoPilots } from './demo-pilots';

/** Demo accounts for `npm start`. These credentials exist only here and in the README. */
const demoAccounts = [
  {
    key: 'admin',
    name: 'Amina Diallo',
    email: 'admin@pathways.example',
    password: 'pathways-admin-demo',
    roles: ['admin'],
  },
  {
    key: 'editor',
    name: 'Elena Rojas',
    email: 'editor@pathways.example',
    password: 'pathways-editor-demo',
    roles: ['editor'],
  },
  {
    key: 'reviewer1',
    name: 'Rosa Villanueva',
    email: 'reviewer1@pathways.example',
    password: 'pathways-reviewer-demo',
    roles: ['reviewer'],
  },
  {
    key: 'reviewer2',
    name: 'Fatima Benali',
    email: 'reviewer2@pathways.example',
    password: 'pathways-reviewer-demo',
    roles: ['reviewer'],
  },
  {
    key: 'reviewer3',
    name: 'Grace Mwangi',
    email: 'reviewer3@pathways.example',
    password: 'pathways-reviewer-demo',
    roles: ['reviewer'],
  },
  {
    key: 'reviewer4',
    name: 'Nadia Haddad',
    email: 'reviewer4@pathways.example',
    password: 'pathways-reviewer-demo',
    roles: ['reviewer'],
  },
  {
    key: 'ministry',
    name: 'Maria Santos',
    email: 'focal@ministry.example',
    password: 'pathways-partner-demo',
    roles: [],
  },
  {
    key: 'network',
    name: 'Lucía Hernández',
    email: 'focal@network.example',
    password: 'pathways-partner-demo',
    roles: [],
  },
  {
    key: 'member',
    name: 'Joy Reyes',
    email: 'member@ministry.example',
    password: 'pathways-partner-demo',
    roles: [],
  },
] as const satisfies readonly {
  key: string;
  name: string;
  email: string;
  password: string;
  roles: readonly PlatformRole[];
}[];

type AccountKey = (typeof demoAccounts)[number]['key'];

/** Reviewer expertise, so suggestions rank the demo roster (themes are taxonomy codes). */
const demoExpertise: Partial<Record<AccountKey, ReviewerProfile>> = {
  reviewer1: {
    themes: ['domestic-workers-rights', 'pre-departure-orientation', 'justice-safe-work'],
    languages: ['en', 'es', 'tl'],
    countries: ['PH', 'AE', 'MX'],
  },
  reviewer2: {
    themes: ['irregular-migration-trafficking', 'stigma-discrimination-violence', 'social-protection'],
    languages: ['fr', 'ar', 'en'],
    countries: ['MA', 'ES', 'FR'],
  },
  reviewer3: {
    themes: ['remittances-investment', 'care-economy', 'data-gender-budgeting'],
    languages: ['en', 'sw'],
    countries: ['KE', 'AE', 'QA'],
  },
  reviewer4: {
    themes: ['emigration-immigration-return', 'organising-advocacy', 'pre-departure-orientation'],
    languages: ['en', 'fr', 'ar'],
    countries: ['LB', 'JO', 'PH'],
  },
};

const demoOrganisations: {
  name: string;
  kind: OrganisationKind;
  country: string | null;
  website: string;
  members: { key: AccountKey; role: 'focal_point' | 'member' }[];
}[] = [
  {
    name: 'Department of Migrant Workers (demo)',
    kind: 'government',
    country: 'PH',
    website: 'https://ministry.example',
    members: [
      { key: 'ministry', role: 'focal_point' },
      { key: 'member', role: 'member' },
    ],
  },
  {
    name: 'Red de Mujeres Trabajadoras Migrantes (demo)',
    kind: 'migrant_workers_association',
    country: 'MX',
    website: 'https://network.example',
    members: [{ key: 'network', role: 'focal_point' }],
  },
  {
    // Two reviewers from a UN entity: a panel can meet the policy's UN rule and still have a backup.
    name: 'UN Women Migration Programme (demo)',
    kind: 'un_entity',
    country: null,
    website: 'https://unwomen.example',
    members: [
      { key: 'reviewer1', role: 'focal_point' },
      { key: 'reviewer4', role: 'member' },
    ],
  },
];

export interface DemoLogin {
  key: AccountKey;
  roles: string[];
  name: string;
  email: string;
  password: string;
}

/** Loads the taxonomy and the demo accounts and organisations; running it again changes nothing. */
export async function seedDemo(em: EntityManager): Promise<DemoLogin[]> {
  await em.transactional(async (tx) => {
    const terms = await tx.find(TaxonomyTerm, {});
    for (const term of seedTaxonomy) {
      // Labels an admin has edited are kept; only missing terms are added.
      if (!terms.some((t) => t.vocabulary === term.vocabulary && t.code === term.code))
        tx.create(TaxonomyTerm, term);
    }
    const users = new Map<AccountKey, User>();
    for (const account of demoAccounts) {
      const existing = await tx.findOne(User, { email: account.email });
      users.set(
        account.key,
        existing ??
          tx.create(User, {
            email: account.email,
            name: account.name,
            passwordHash: await hashPassword(account.password),
            roles: ['partner', ...account.roles],
          }),
      );
    }
    for (const [key, profile] of Object.entries(demoExpertise)) {
      const user = users.get(key as AccountKey)!;
      // A profile someone has edited is kept.
      if (!user.expertiseThemes.length && !user.reviewLanguages.length && !user.expertiseCountries.length) {
        user.expertiseThemes = profile.themes;
        user.reviewLanguages = profile.languages;
        user.expertiseCountries = profile.countries;
      }
    }
    const organisations = new Map<string, Organisation>();
    for (const spec of demoOrganisations) {
      const org =
        (await tx.findOne(Organisation, { name: spec.name })) ??
        tx.create(Organisation, {
          name: spec.name,
          kind: spec.kind,
          country: spec.country,
          website: spec.website,
          status: 'verified',
          verifiedAt: new Date(),
          decidedBy: users.get('admin'),
          createdBy: users.get(spec.members[0].key),
        });
      organisations.set(spec.kind, org);
      for (const { key, role } of spec.members) {
        const user = users.get(key)!;
        if (!(await tx.count(Membership, { user, organisation: org }))) {
          tx.create(Membership, { user, organisation: org, role, status: 'active', decidedAt: new Date() });
        }
      }
    }
    await seedDemoPilots(tx, {
      ministry: organisations.get('government')!,
      network: organisations.get('migrant_workers_association')!,
      un: organisations.get('un_entity')!,
      maria: users.get('ministry')!,
      lucia: users.get('network')!,
      rosa: users.get('reviewer1')!,
    });
  });
  return demoAccounts.map(({ key, name, email, password, roles }) => ({
    key,
    name,
    email,
    password,
    roles: ['partner', ...roles],
  }));
}
