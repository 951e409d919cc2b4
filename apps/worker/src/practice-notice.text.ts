import type { Locale } from '@pathways/contracts';

export type PracticeNotice = 'submitted_to_editors' | 'submitted_to_authors' | 'decided';

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
};
