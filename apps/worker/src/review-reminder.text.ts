import type { Locale } from '@pathways/contracts';
import type { ReminderMoment } from '@pathways/queues';

export interface ReminderFacts {
  practice: string;
  /** Already formatted in the reviewer's language. */
  dueAt: string;
}

interface Wording {
  title: (f: ReminderFacts) => string;
  body: (f: ReminderFacts) => string;
}

/** Reminders to a reviewer who accepted, before, on and after the due date. */
export const reviewReminderText: Record<ReminderMoment, Record<Locale, Wording>> = {
  before_due: {
    en: {
      title: (f) => `Reminder: your review of ${f.practice}`,
      body: (f) =>
        `Your review of "${f.practice}" is due on ${f.dueAt}. Thank you for submitting it in time.`,
    },
    es: {
      title: (f) => `Recordatorio: su evaluación de ${f.practice}`,
      body: (f) => `Su evaluación de «${f.practice}» vence el ${f.dueAt}. Gracias por enviarla a tiempo.`,
    },
    fr: {
      title: (f) => `Rappel : votre évaluation de ${f.practice}`,
      body: (f) =>
        `Votre évaluation de « ${f.practice} » est attendue le ${f.dueAt}. Merci de l’envoyer à temps.`,
    },
  },
  on_due: {
    en: {
      title: (f) => `Your review is due: ${f.practice}`,
      body: (f) =>
        `Your review of "${f.practice}" is due now (${f.dueAt}). Please submit it as soon as you can.`,
    },
    es: {
      title: (f) => `Su evaluación vence hoy: ${f.practice}`,
      body: (f) => `Su evaluación de «${f.practice}» vence ahora (${f.dueAt}). Envíela lo antes posible.`,
    },
    fr: {
      title: (f) => `Votre évaluation est attendue : ${f.practice}`,
      body: (f) =>
        `Votre évaluation de « ${f.practice} » est attendue maintenant (${f.dueAt}). Merci de l’envoyer dès que possible.`,
    },
  },
  after_due: {
    en: {
      title: (f) => `Overdue review: ${f.practice}`,
      body: (f) =>
        `Your review of "${f.practice}" was due on ${f.dueAt}. Please submit it, or tell the editors if you cannot.`,
    },
    es: {
      title: (f) => `Evaluación atrasada: ${f.practice}`,
      body: (f) =>
        `Su evaluación de «${f.practice}» venció el ${f.dueAt}. Envíela, o avise al equipo editorial si no puede hacerlo.`,
    },
    fr: {
      title: (f) => `Évaluation en retard : ${f.practice}`,
      body: (f) =>
        `Votre évaluation de « ${f.practice} » était attendue le ${f.dueAt}. Merci de l’envoyer, ou de prévenir l’équipe éditoriale si vous ne le pouvez pas.`,
    },
  },
};
