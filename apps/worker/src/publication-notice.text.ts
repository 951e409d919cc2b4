import type { Locale } from '@pathways/contracts';

export type PublicationNotice = 'practice_published' | 'practice_retracted' | 'revision_published';

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
  revision_published: {
    en: {
      title: (p) => `New version published: ${p}`,
      body: (p) =>
        `The revision of your good practice "${p}" is published. The library shows the new version; earlier versions keep their permanent links.`,
    },
    es: {
      title: (p) => `Nueva versión publicada: ${p}`,
      body: (p) =>
        `Se publicó la revisión de su buena práctica «${p}». La biblioteca muestra la nueva versión; las anteriores conservan sus enlaces permanentes.`,
    },
    fr: {
      title: (p) => `Nouvelle version publiée : ${p}`,
      body: (p) =>
        `La révision de votre bonne pratique « ${p} » est publiée. La bibliothèque affiche la nouvelle version ; les précédentes gardent leurs liens permanents.`,
    },
  },
};
