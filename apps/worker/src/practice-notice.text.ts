import type { Locale } from '@pathways/contracts';

export type PracticeNotice =
  | 'submitted_to_editors'
  | 'submitted_to_authors'
  | 'decided'
  | 'revision_submitted_to_editors'
  | 'revision_submitted_to_authors'
  | 'revision_rejected'
  | 'revision_withdrawn';

interface Wording {
  title: (practice: string) => string;
  body: (practice: string, state: string) => string;
}

/** What each notice says, in the recipient's language. */
export const practiceNoticeText: Record<PracticeNotice, Record<Locale, Wording>> = {
  submitted_to_editors: {
    en: {
      title: (p) => `New submission: ${p}`,
      body: (p) => `A good practice was submitted for screening: "${p}".`,
    },
    es: {
      title: (p) => `Nueva propuesta: ${p}`,
      body: (p) => `Se presentó una buena práctica para su revisión preliminar: «${p}».`,
    },
    fr: {
      title: (p) => `Nouvelle soumission : ${p}`,
      body: (p) => `Une bonne pratique a été soumise pour examen préliminaire : « ${p} ».`,
    },
  },
  submitted_to_authors: {
    en: {
      title: (p) => `Received: ${p}`,
      body: (p) =>
        `Your good practice "${p}" was received. The editors will screen it and keep you informed.`,
    },
    es: {
      title: (p) => `Recibida: ${p}`,
      body: (p) =>
        `Recibimos su buena práctica «${p}». El equipo editorial la examinará y le mantendrá informada.`,
    },
    fr: {
      title: (p) => `Reçue : ${p}`,
      body: (p) =>
        `Votre bonne pratique « ${p} » a bien été reçue. L’équipe éditoriale l’examinera et vous tiendra informée.`,
    },
  },
  decided: {
    en: {
      title: (p) => `Update on ${p}`,
      body: (p, s) => `The editors have taken a decision on "${p}". Its status is now: ${s}.`,
    },
    es: {
      title: (p) => `Novedades sobre ${p}`,
      body: (p, s) => `El equipo editorial tomó una decisión sobre «${p}». Su estado ahora es: ${s}.`,
    },
    fr: {
      title: (p) => `Du nouveau pour ${p}`,
      body: (p, s) =>
        `L’équipe éditoriale a pris une décision concernant « ${p} ». Son statut est désormais : ${s}.`,
    },
  },
  revision_submitted_to_editors: {
    en: {
      title: (p) => `Revision submitted: ${p}`,
      body: (p) =>
        `A revision of the published good practice "${p}" was submitted for screening. The library keeps showing the published version meanwhile.`,
    },
    es: {
      title: (p) => `Revisión presentada: ${p}`,
      body: (p) =>
        `Se presentó una revisión de la buena práctica publicada «${p}» para su revisión preliminar. Mientras tanto, la biblioteca sigue mostrando la versión publicada.`,
    },
    fr: {
      title: (p) => `Révision soumise : ${p}`,
      body: (p) =>
        `Une révision de la bonne pratique publiée « ${p} » a été soumise pour examen préliminaire. La bibliothèque continue d’afficher la version publiée en attendant.`,
    },
  },
  revision_submitted_to_authors: {
    en: {
      title: (p) => `Revision received: ${p}`,
      body: (p) =>
        `Your revision of "${p}" was received. The editors will review it; the library keeps showing the published version until a new one is published.`,
    },
    es: {
      title: (p) => `Revisión recibida: ${p}`,
      body: (p) =>
        `Recibimos su revisión de «${p}». El equipo editorial la examinará; la biblioteca sigue mostrando la versión publicada hasta que se publique una nueva.`,
    },
    fr: {
      title: (p) => `Révision reçue : ${p}`,
      body: (p) =>
        `Votre révision de « ${p} » a bien été reçue. L’équipe éditoriale l’examinera ; la bibliothèque affiche la version publiée jusqu’à la publication d’une nouvelle.`,
    },
  },
  revision_rejected: {
    en: {
      title: (p) => `Revision not accepted: ${p}`,
      body: (p) =>
        `The editors did not accept the revision of "${p}". The published version stays in the library unchanged.`,
    },
    es: {
      title: (p) => `Revisión no aceptada: ${p}`,
      body: (p) =>
        `El equipo editorial no aceptó la revisión de «${p}». La versión publicada sigue en la biblioteca sin cambios.`,
    },
    fr: {
      title: (p) => `Révision non acceptée : ${p}`,
      body: (p) =>
        `L’équipe éditoriale n’a pas accepté la révision de « ${p} ». La version publiée reste inchangée dans la bibliothèque.`,
    },
  },
  revision_withdrawn: {
    en: {
      title: (p) => `Revision withdrawn: ${p}`,
      body: (p) =>
        `The revision of "${p}" was withdrawn by its authors. The published version stays in the library unchanged.`,
    },
    es: {
      title: (p) => `Revisión retirada: ${p}`,
      body: (p) =>
        `Las personas autoras retiraron la revisión de «${p}». La versión publicada sigue en la biblioteca sin cambios.`,
    },
    fr: {
      title: (p) => `Révision retirée : ${p}`,
      body: (p) =>
        `Les auteurs ont retiré la révision de « ${p} ». La version publiée reste inchangée dans la bibliothèque.`,
    },
  },
};
