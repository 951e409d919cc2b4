import type { PracticeContent } from '@pathways/contracts';
import type { Practice } from '@pathways/persistence';
import { authorHiddenFrom } from '@pathways/permissions';
import type { Caller } from '../access/caller';
import { practiceSubject } from './practice.subject';

/**
 * Double-blind review (DESIGN §5): whether field-level rules withhold who submitted this practice
 * from the caller (a reviewer who reads it only because they review it).
 */
export const authorHidden = (practice: Practice, caller: Pick<Caller, 'ability'>): boolean =>
  authorHiddenFrom(caller.ability, practiceSubject(practice));

/** The content without the fields that name the implementing and partner organisations. */
export const withoutAuthor = ({ partners: _partners, ...content }: PracticeContent): PracticeContent =>
  content;

export const contentFor = (content: PracticeContent, hidden: boolean): PracticeContent =>
  hidden ? withoutAuthor(content) : content;
