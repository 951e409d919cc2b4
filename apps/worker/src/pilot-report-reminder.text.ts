import type { Locale } from '@pathways/contracts';
import type { PilotReportMoment } from '@pathways/queues';

export interface PilotReportFacts {
  pilot: string;
  /** Already formatted in the recipient's language: when the light turns (or turned) yellow. */
  dueAt: string;
  /** When it turns (or turned) red, formatted likewise. */
  redAt: string;
}

interface Wording {
  title: (f: PilotReportFacts) => string;
  body: (f: PilotReportFacts) => string;
}

/** To the focal points of a pilot's partners: a report falls due, then is overdue (yellow, red). */
export const pilotReportReminderText: Record<PilotReportMoment, Record<Locale, Wording>> = {
  due_soon: {
    en: {
      title: (f) => `Progress report due soon: ${f.pilot}`,
      body: (f) =>
        `The next progress report of the pilot "${f.pilot}" is due by ${f.dueAt}. Without it, the pilot's public reporting status turns yellow.`,
    },
    es: {
      title: (f) => `Informe de avance próximo: ${f.pilot}`,
      body: (f) =>
        `El próximo informe de avance del piloto «${f.pilot}» vence el ${f.dueAt}. Sin él, el estado público de informes del piloto pasa a amarillo.`,
    },
    fr: {
      title: (f) => `Rapport d’avancement bientôt attendu : ${f.pilot}`,
      body: (f) =>
        `Le prochain rapport d’avancement du pilote « ${f.pilot} » est attendu le ${f.dueAt}. Sans lui, le statut public de suivi du pilote passe au jaune.`,
    },
  },
  yellow: {
    en: {
      title: (f) => `Progress report overdue: ${f.pilot}`,
      body: (f) =>
        `The pilot "${f.pilot}" has not reported since its report fell due on ${f.dueAt}; its public reporting status is now yellow. Submit a progress report before ${f.redAt}, when it turns red.`,
    },
    es: {
      title: (f) => `Informe de avance atrasado: ${f.pilot}`,
      body: (f) =>
        `El piloto «${f.pilot}» no ha presentado el informe que vencía el ${f.dueAt}; su estado público de informes es ahora amarillo. Presente un informe de avance antes del ${f.redAt}, cuando pasará a rojo.`,
    },
    fr: {
      title: (f) => `Rapport d’avancement en retard : ${f.pilot}`,
      body: (f) =>
        `Le pilote « ${f.pilot} » n’a pas remis le rapport attendu le ${f.dueAt} ; son statut public de suivi est désormais jaune. Remettez un rapport d’avancement avant le ${f.redAt}, date à laquelle il passera au rouge.`,
    },
  },
  red: {
    en: {
      title: (f) => `No progress report: ${f.pilot} is now red`,
      body: (f) =>
        `The pilot "${f.pilot}" has not reported since its report fell due on ${f.dueAt}; its public reporting status turned red on ${f.redAt}. Submit a progress report to turn it green again.`,
    },
    es: {
      title: (f) => `Sin informe de avance: ${f.pilot} está en rojo`,
      body: (f) =>
        `El piloto «${f.pilot}» no ha presentado el informe que vencía el ${f.dueAt}; su estado público de informes pasó a rojo el ${f.redAt}. Presente un informe de avance para volver al verde.`,
    },
    fr: {
      title: (f) => `Aucun rapport d’avancement : ${f.pilot} est au rouge`,
      body: (f) =>
        `Le pilote « ${f.pilot} » n’a pas remis le rapport attendu le ${f.dueAt} ; son statut public de suivi est passé au rouge le ${f.redAt}. Remettez un rapport d’avancement pour revenir au vert.`,
    },
  },
};
