import type { Locale } from '@pathways/contracts';
import type { PilotPartnerRole, PilotStatus } from '@pathways/contracts';

export interface InvitationFacts {
  pilot: string;
  lead: string;
  role: PilotPartnerRole;
  /** When the invitation lapses, already in the recipient's words. */
  expiresAt: string;
}

export interface AnswerFacts {
  pilot: string;
  partner: string;
}

export interface StateFacts {
  pilot: string;
  status: PilotStatus;
  /** An editor's reason, when a pilot is closed. */
  reason: string | null;
}

interface Wording<Facts> {
  title: (facts: Facts) => string;
  body: (facts: Facts) => string;
}

type Texts<Facts> = Record<Locale, Wording<Facts>>;

const roles: Record<Locale, Record<PilotPartnerRole, string>> = {
  en: {
    lead: 'lead',
    implementing: 'implementing',
    funding: 'funding',
    technical: 'technical',
    advisory: 'advisory',
  },
  es: {
    lead: 'líder',
    implementing: 'ejecutora',
    funding: 'financiadora',
    technical: 'técnica',
    advisory: 'asesora',
  },
  fr: {
    lead: 'chef de file',
    implementing: 'de mise en œuvre',
    funding: 'de financement',
    technical: 'technique',
    advisory: 'de conseil',
  },
};

const statuses: Record<Locale, Record<PilotStatus, string>> = {
  en: {
    draft: 'draft',
    proposed: 'proposed',
    forming: 'forming its partnership',
    active: 'active',
    completed: 'completed',
    closed: 'closed',
    withdrawn: 'withdrawn',
  },
  es: {
    draft: 'borrador',
    proposed: 'propuesto',
    forming: 'en formación de la alianza',
    active: 'activo',
    completed: 'finalizado',
    closed: 'cerrado',
    withdrawn: 'retirado',
  },
  fr: {
    draft: 'brouillon',
    proposed: 'proposé',
    forming: 'en constitution du partenariat',
    active: 'actif',
    completed: 'terminé',
    closed: 'clôturé',
    withdrawn: 'retiré',
  },
};

/** What each pilot notice says, in the recipient's language. */
export const pilotInvitationText: Texts<InvitationFacts> = {
  en: {
    title: (f) => `Invitation to join a pilot: ${f.pilot}`,
    body: (f) =>
      `${f.lead} invites your organisation to join the pilot "${f.pilot}" as a ${roles.en[f.role]} partner. Accept or decline before ${f.expiresAt}.`,
  },
  es: {
    title: (f) => `Invitación a un proyecto piloto: ${f.pilot}`,
    body: (f) =>
      `${f.lead} invita a su organización a sumarse al proyecto piloto «${f.pilot}» como socia ${roles.es[f.role]}. Acepte o decline antes del ${f.expiresAt}.`,
  },
  fr: {
    title: (f) => `Invitation à un projet pilote : ${f.pilot}`,
    body: (f) =>
      `${f.lead} invite votre organisation à rejoindre le projet pilote « ${f.pilot} » en tant que partenaire ${roles.fr[f.role]}. Acceptez ou déclinez avant le ${f.expiresAt}.`,
  },
};

export const pilotInvitationReminderText: Texts<InvitationFacts> = {
  en: {
    title: (f) => `Reminder: invitation to ${f.pilot}`,
    body: (f) =>
      `Your organisation has not yet answered ${f.lead}'s invitation to the pilot "${f.pilot}". It lapses on ${f.expiresAt}.`,
  },
  es: {
    title: (f) => `Recordatorio: invitación a ${f.pilot}`,
    body: (f) =>
      `Su organización aún no respondió a la invitación de ${f.lead} al proyecto piloto «${f.pilot}». Vence el ${f.expiresAt}.`,
  },
  fr: {
    title: (f) => `Rappel : invitation à ${f.pilot}`,
    body: (f) =>
      `Votre organisation n’a pas encore répondu à l’invitation de ${f.lead} au projet pilote « ${f.pilot} ». Elle expire le ${f.expiresAt}.`,
  },
};

export type PilotAnswer = 'accept' | 'decline' | 'expire';

export const pilotAnswerText: Record<PilotAnswer, Texts<AnswerFacts>> = {
  accept: {
    en: {
      title: (f) => `${f.partner} joined ${f.pilot}`,
      body: (f) => `${f.partner} accepted your invitation to the pilot "${f.pilot}".`,
    },
    es: {
      title: (f) => `${f.partner} se sumó a ${f.pilot}`,
      body: (f) => `${f.partner} aceptó su invitación al proyecto piloto «${f.pilot}».`,
    },
    fr: {
      title: (f) => `${f.partner} a rejoint ${f.pilot}`,
      body: (f) => `${f.partner} a accepté votre invitation au projet pilote « ${f.pilot} ».`,
    },
  },
  decline: {
    en: {
      title: (f) => `${f.partner} declined ${f.pilot}`,
      body: (f) => `${f.partner} declined your invitation to the pilot "${f.pilot}".`,
    },
    es: {
      title: (f) => `${f.partner} declinó ${f.pilot}`,
      body: (f) => `${f.partner} declinó su invitación al proyecto piloto «${f.pilot}».`,
    },
    fr: {
      title: (f) => `${f.partner} a décliné ${f.pilot}`,
      body: (f) => `${f.partner} a décliné votre invitation au projet pilote « ${f.pilot} ».`,
    },
  },
  expire: {
    en: {
      title: (f) => `Invitation lapsed: ${f.partner}`,
      body: (f) =>
        `${f.partner} did not answer your invitation to the pilot "${f.pilot}" in time; it has lapsed.`,
    },
    es: {
      title: (f) => `Invitación vencida: ${f.partner}`,
      body: (f) =>
        `${f.partner} no respondió a tiempo a su invitación al proyecto piloto «${f.pilot}»; venció.`,
    },
    fr: {
      title: (f) => `Invitation expirée : ${f.partner}`,
      body: (f) =>
        `${f.partner} n’a pas répondu à temps à votre invitation au projet pilote « ${f.pilot} » ; elle a expiré.`,
    },
  },
};

export const pilotStateText: Texts<StateFacts> = {
  en: {
    title: (f) => `${f.pilot} is now ${statuses.en[f.status]}`,
    body: (f) =>
      `The pilot "${f.pilot}" is now ${statuses.en[f.status]}.${f.reason ? ` Reason given: ${f.reason}` : ''}`,
  },
  es: {
    title: (f) => `${f.pilot} ahora está ${statuses.es[f.status]}`,
    body: (f) =>
      `El proyecto piloto «${f.pilot}» ahora está ${statuses.es[f.status]}.${f.reason ? ` Motivo indicado: ${f.reason}` : ''}`,
  },
  fr: {
    title: (f) => `${f.pilot} est désormais ${statuses.fr[f.status]}`,
    body: (f) =>
      `Le projet pilote « ${f.pilot} » est désormais ${statuses.fr[f.status]}.${f.reason ? ` Motif indiqué : ${f.reason}` : ''}`,
  },
};
