import type { Locale } from '@pathways/contracts';

/** What the editors hear about a review panel. */
export type EditorReviewNotice = 'review_overdue' | 'no_reviewer_left' | 'reviews_complete';

export interface PanelFacts {
  practice: string;
  /** review_overdue: the reviewer's name. */
  reviewer?: string;
  /** review_overdue: the due date, formatted in the editor's language. */
  dueAt?: string;
  /** reviews_complete: how many reviews were submitted. */
  reviews?: number;
}

interface Wording {
  title: (f: PanelFacts) => string;
  body: (f: PanelFacts) => string;
}

export const editorReviewNoticeText: Record<EditorReviewNotice, Record<Locale, Wording>> = {
  review_overdue: {
    en: {
      title: (f) => `Overdue review: ${f.practice}`,
      body: (f) =>
        `${f.reviewer}'s review of "${f.practice}" was due on ${f.dueAt} and has not been submitted. ` +
        `You may remind the reviewer or invite another one.`,
    },
    es: {
      title: (f) => `Evaluación atrasada: ${f.practice}`,
      body: (f) =>
        `La evaluación de ${f.reviewer} sobre «${f.practice}» vencía el ${f.dueAt} y no se ha enviado. ` +
        `Puede recordárselo o invitar a otra persona.`,
    },
    fr: {
      title: (f) => `Évaluation en retard : ${f.practice}`,
      body: (f) =>
        `L’évaluation de « ${f.practice} » par ${f.reviewer} était attendue le ${f.dueAt} et n’a pas été envoyée. ` +
        `Vous pouvez relancer cette personne ou inviter quelqu’un d’autre.`,
    },
  },
  no_reviewer_left: {
    en: {
      title: (f) => `No reviewer left to invite: ${f.practice}`,
      body: (f) =>
        `The review policy could not invite another reviewer for "${f.practice}": everyone on the ` +
        `roster is excluded or already invited. Please find a reviewer.`,
    },
    es: {
      title: (f) => `No quedan personas evaluadoras: ${f.practice}`,
      body: (f) =>
        `La política de revisión no pudo invitar a otra persona evaluadora para «${f.practice}»: ` +
        `todas las de la lista están excluidas o ya invitadas. Busque una persona evaluadora.`,
    },
    fr: {
      title: (f) => `Plus aucun évaluateur à inviter : ${f.practice}`,
      body: (f) =>
        `La politique d’évaluation n’a pu inviter personne d’autre pour « ${f.practice} » : ` +
        `toutes les personnes de la liste sont exclues ou déjà invitées. Merci de trouver un évaluateur.`,
    },
  },
  reviews_complete: {
    en: {
      title: (f) => `Reviews complete: ${f.practice}`,
      body: (f) =>
        `All ${f.reviews} reviews of "${f.practice}" are in. You can read them side by side and decide.`,
    },
    es: {
      title: (f) => `Evaluaciones completas: ${f.practice}`,
      body: (f) =>
        `Se recibieron las ${f.reviews} evaluaciones de «${f.practice}». Puede compararlas y decidir.`,
    },
    fr: {
      title: (f) => `Évaluations terminées : ${f.practice}`,
      body: (f) =>
        `Les ${f.reviews} évaluations de « ${f.practice} » sont arrivées. Vous pouvez les comparer et décider.`,
    },
  },
};
