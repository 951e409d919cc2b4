import type { Locale } from '@pathways/contracts';

export type PublicationNotice = 'practice_published' | 'practice_retracted';

interface Wording {
  title: (practice: string) => string;
  body: (practice: string) => string;
}

/** What authors hear when their practice enters or leaves the public library. */
export const publicationNoticeText: Record<PublicationNotice, Record<Locale, Wording>> = {
  practice_published: {
    en: {
      title: (p) => `Published: ${p}`,
      body: (p) => `Your good practice "${p}" is now published and open to everyone.`,
    },
    es: {
      title: (p) => `Publicada: ${p}`,
      body: (p) => `Su buena práctica «${p}» ya está publicada y abierta a todo el mundo.`,
    },
    fr: {
      title: (p) => `Publiée : ${p}`,
      body: (p) => `Votre bonne pratique « ${p} » est désormais publiée et accessible à tous.`,
    },
  },
  practice_retracted: {
    en: {
      title: (p) => `Retracted: ${p}`,
      body: (p) =>
        `Your good practice "${p}" was retracted by the editors and is no longer public. Contact the editors for details.`,
    },
    es: {
      title: (p) => `Retirada: ${p}`,
      body: (p) =>
        `El equipo editorial retiró su buena práctica «${p}», que ya no es pública. Consulte al equipo editorial para más detalles.`,
    },
    fr: {
      title: (p) => `Retirée : ${p}`,
      body: (p) =>
        `L’équipe éditoriale a retiré votre bonne pratique « ${p} », qui n’est plus publique. Contactez l’équipe éditoriale pour en savoir plus.`,
    },
  },
};
