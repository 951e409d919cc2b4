import type { Locale } from '@pathways/contracts';

export interface InvitationFacts {
  practice: string;
  /** The editor's name, or null when the review policy invited automatically. */
  invitedBy: string | null;
  /** Already formatted in the reviewer's language. */
  respondBy: string;
}

interface Wording {
  title: (f: InvitationFacts) => string;
  body: (f: InvitationFacts) => string;
}

/** The invitation a reviewer receives, in their language. */
export const reviewInvitationText: Record<Locale, Wording> = {
  en: {
    title: (f) => `Invitation to review: ${f.practice}`,
    body: (f) =>
      `${f.invitedBy ? `${f.invitedBy} invites you` : 'The review policy invites you automatically'} ` +
      `to peer-review the good practice "${f.practice}". Please accept, declaring any conflict of ` +
      `interest, or decline by ${f.respondBy}.`,
  },
  es: {
    title: (f) => `Invitación a evaluar: ${f.practice}`,
    body: (f) =>
      `${f.invitedBy ? `${f.invitedBy} le invita` : 'La política de revisión le invita automáticamente'} ` +
      `a evaluar la buena práctica «${f.practice}». Acepte, declarando cualquier conflicto de ` +
      `intereses, o decline antes del ${f.respondBy}.`,
  },
  fr: {
    title: (f) => `Invitation à évaluer : ${f.practice}`,
    body: (f) =>
      `${f.invitedBy ? `${f.invitedBy} vous invite` : 'La politique d’évaluation vous invite automatiquement'} ` +
      `à évaluer la bonne pratique « ${f.practice} ». Merci d’accepter, en déclarant tout conflit ` +
      `d’intérêts, ou de refuser avant le ${f.respondBy}.`,
  },
};
